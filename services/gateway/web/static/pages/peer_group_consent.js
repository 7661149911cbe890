// Membership by consent: seats offered to you, proposals your group is answering, proposing a newcomer.
import { gql } from '../api.js';
import { h } from '../dom.js';
import { action, form, option, section, select, values } from '../ui.js';

const INVITATIONS = 'query Invitations { myPeerGroupInvitations { id peerGroupName norms accepted state } }';
const ANSWER = `mutation AnswerInvitation($p: ID!, $a: Boolean!) {
  answerPeerGroupInvitation(proposalId: $p, accept: $a) { state accepted } }`;
const AGREE = `mutation AnswerProposal($p: ID!, $a: Boolean!) {
  answerPeerGroupProposal(proposalId: $p, agree: $a) { state agreements agreementsNeeded } }`;
const PROPOSALS = `query Proposals($id: ID!) { peerGroup(id: $id) {
  openProposals { id kind memberId memberName agreements agreementsNeeded } } }`;
const PROPOSE = `mutation Propose($g: ID!, $m: ID!) { proposePeerGroupMember(peerGroupId: $g, memberId: $m) { state } }`;
const HISTORY = `mutation History($g: ID!, $m: ID!) { proposePeerGroupHistory(peerGroupId: $g, memberId: $m) { state } }`;
const PEOPLE = 'query People($id: ID!) { network(id: $id) { members(first: 100) { edges { node { id name } } } } }';

function said(el, text) {
  el.replaceWith(h('p', { class: 'ok', role: 'status' }, text));
}

// Seats offered to you: the group's name and contract, nothing said in it.
export async function invitations() {
  const offered = (await gql(INVITATIONS)).myPeerGroupInvitations;
  if (!offered.length) return '';
  return section('Invitations to peer groups', h('ul', {}, offered.map((i) => {
    const item = h('li', {}, h('strong', {}, i.peerGroupName), h('ul', {}, i.norms.map((n) => h('li', {}, n))));
    if (i.accepted === null) {
      item.append(action('Accept and agree to its contract', async () => said(item, (await gql(ANSWER, { p: i.id, a: true })).answerPeerGroupInvitation.state === 'carried' ? 'You are in the group.' : 'Accepted; its members are still agreeing.')),
        action('Decline', async () => { await gql(ANSWER, { p: i.id, a: false }); said(item, 'Declined.'); }));
    } else item.append(h('p', { class: 'meta' }, 'You accepted; its members are still agreeing.'));
    return item;
  })));
}

function proposalItem(p, me) {
  const what = p.kind === 'seat' ? `${p.memberName} proposed to join` : `${p.memberName} proposed to see what was said before they joined`;
  const item = h('li', {}, what, h('span', { class: 'meta' }, ` — ${p.agreements} of ${p.agreementsNeeded} agreed`));
  if (p.memberId !== me) {
    const outcome = { pending: 'Your answer is in; others are still answering.', carried: 'Everyone agreed.', declined: 'The proposal ended.' };
    const answer = (agree) => async () => said(item, outcome[(await gql(AGREE, { p: p.id, a: agree })).answerPeerGroupProposal.state]);
    item.append(action('Agree', answer(true)), action('Decline', answer(false)));
  }
  return item;
}

// What the group is asked to agree to, and how a member proposes a newcomer or opens the history to a late joiner.
export async function proposals(group, me) {
  const open = (await gql(PROPOSALS, { id: group.id })).peerGroup.openProposals;
  const seated = new Set(group.members.map((m) => m.id));
  const { network } = await gql(PEOPLE, { id: group.networkId });
  const others = network.members.edges.map((e) => e.node).filter((m) => !seated.has(m.id));
  const propose = form({ 'aria-label': 'Propose a member' }, select('memberId', others.map((m) => option(m.id, m.name))),
    async (el) => { await gql(PROPOSE, { g: group.id, m: values(el).memberId }); return 'Proposed: they accept, and every member agrees.'; }, 'Propose');
  const history = form({ 'aria-label': 'Open the history' }, select('memberId', group.members.map((m) => option(m.id, m.name))),
    async (el) => { await gql(HISTORY, { g: group.id, m: values(el).memberId }); return 'Proposed: every other member agrees.'; }, 'Open the group’s history to them');
  return section('Joining by consent', open.length ? h('ul', {}, open.map((p) => proposalItem(p, me))) : h('p', { class: 'meta' }, 'Nothing to agree to.'),
    h('details', {}, h('summary', {}, 'Propose a member'), propose), h('details', {}, h('summary', {}, 'Open the history to a member who joined later'), history));
}
