// Reporting what one reads, the hosts' review queue, blocking a member, and the record of hosts' acts.
import { gql } from '../api.js';
import { field, h, replace, when, words } from '../dom.js';
import { action, form, option, section, select, title, values } from '../ui.js';

const REASONS = [['HARASSMENT', 'Harassment'], ['BREACH_OF_CONFIDENTIALITY', 'Breach of confidentiality'], ['SPAM', 'Spam'], ['OTHER', 'Something else']];
const FLAG = `mutation Flag($kind: FlaggedKind!, $itemId: ID!, $reason: FlagReason!, $note: String!, $toCoordinators: Boolean!) {
  flagItem(kind: $kind, itemId: $itemId, reason: $reason, note: $note, toCoordinators: $toCoordinators) { id } }`;

// A small "Report" dialog under a story, comment, contribution or on a profile. Inside a peer group its members review it; the
// flagger may let the network's coordinators in too, for this one item.
export function reportButton(kind, itemId, { inPeerGroup = false } = {}) {
  const dialog = h('details', { class: 'report' }, h('summary', {}, 'Report'));
  const choose = inPeerGroup ? h('label', { class: 'choice' }, h('input', { type: 'checkbox', name: 'toCoordinators' }),
    ' Also let the network’s coordinators review this one item (they see nothing else of the group)') : '';
  dialog.append(form({ 'aria-label': `Report this ${words(kind).toLowerCase()}` }, [
    field('Why?', select('reason', REASONS.map(([value, label]) => option(value, label)))),
    field('A note for the reviewers (optional)', h('textarea', { name: 'note', rows: '2' })), choose,
  ], async (el) => {
    const v = values(el);
    await gql(FLAG, { kind, itemId, reason: v.reason, note: v.note || '', toCoordinators: Boolean(v.toCoordinators) });
    replace(dialog, h('p', { role: 'status' }, inPeerGroup ? 'Reported: your group will review it.' : 'Reported: the network’s hosts will review it.'));
  }, 'Send report'));
  return dialog;
}

const QUEUE = 'query Queue($n: ID!) { reviewQueue(networkId: $n) { id kind itemId reason note excerpt status flaggedAt } }';
const DECIDE = 'mutation Decide($f: ID!, $d: FlagDecision!, $n: String!) { decideFlag(flagId: $f, decision: $d, note: $n) { status } }';

function flagCard(view, flag) {
  const card = h('li', { class: 'card' });
  const decide = (decision, label) => action(label, async () => {
    const note = card.querySelector('textarea').value;
    await gql(DECIDE, { f: flag.id, d: decision, n: note });
    await view.go(window.location.pathname, { replace: true });
  }, { class: decision === 'HIDE' ? 'danger' : 'secondary' });
  const choices = flag.status === 'open' ? [decide('HIDE', 'Hide'), decide('DISMISS', 'Dismiss')] : [decide('RESTORE', 'Restore')];
  return replace(card, h('h3', {}, `A ${words(flag.kind).toLowerCase()} reported for ${words(flag.reason).toLowerCase()}`),
    h('p', { class: 'meta' }, flag.status === 'open' ? 'Awaiting review · ' : 'Hidden · ', when(flag.flaggedAt)),
    h('blockquote', { class: 'pre' }, flag.excerpt), flag.note ? h('p', {}, 'The reporter’s note: ', flag.note) : '',
    field('Your note (its author is told of a hide or restore)', h('textarea', { rows: '2', required: true })),
    h('div', { class: 'row' }, choices));
}

export async function reviewQueue(view) {
  const { reviewQueue: flags } = await gql(QUEUE, { n: view.params.networkId });
  view.main.append(title('Review queue'),
    h('p', { class: 'hint' }, 'What members reported in this network. Hiding keeps it for its author (marked hidden) and takes it out of search and feeds.'),
    flags.length ? h('ul', { class: 'cards', 'aria-label': 'Reports' }, flags.map((flag) => flagCard(view, flag))) : h('p', { class: 'empty' }, 'Nothing awaits review.'),
    h('p', {}, h('a', { href: `/networks/${view.params.networkId}/record` }, 'The record of hosts’ acts')));
}

const ACTS = 'query Acts($n: ID!) { hostActs(networkId: $n, first: 100) { edges { node { at actorName action subject detail } } } }';

function download(networkId, format) {
  return action(`Export as ${format}`, async () => {
    const { hostActsExport: text } = await gql('query Export($n: ID!, $f: RecordFormat!) { hostActsExport(networkId: $n, format: $f) }', { n: networkId, f: format });
    const link = h('a', { href: URL.createObjectURL(new Blob([text], { type: format === 'CSV' ? 'text/csv' : 'application/json' })), download: `hosts-record.${format.toLowerCase()}` });
    link.click();
  }, { class: 'secondary' });
}

export async function hostRecord(view) {
  const { hostActs } = await gql(ACTS, { n: view.params.networkId });
  const rows = hostActs.edges.map(({ node }) => h('tr', {}, h('td', {}, when(node.at)), h('td', {}, node.actorName), h('td', {}, node.action), h('td', {}, node.detail)));
  view.main.append(title('What hosts did'),
    rows.length ? h('table', {}, h('thead', {}, h('tr', {}, ['When', 'Who', 'What', 'Note'].map((t) => h('th', { scope: 'col' }, t)))), h('tbody', {}, rows))
      : h('p', { class: 'empty' }, 'Nothing recorded yet.'),
    h('div', { class: 'row' }, download(view.params.networkId, 'CSV'), download(view.params.networkId, 'JSON')));
}

// Blocking from a member's profile: neither sees the other any more (their page too); they are not told.
export function blockButton(view, member) {
  return section('Blocking', h('p', { class: 'hint' }, 'Neither of you will see the other’s stories, comments or profile; they are not told.'),
    action(`Block ${member.name}`, async () => {
      await gql('mutation Block($m: ID!) { blockMember(memberId: $m) }', { m: member.id });
      await view.go('/feed', { replace: true });
    }, { class: 'danger' }));
}

// The members one blocked, on one's own profile, each with a way back.
export async function blockedList() {
  const { blockedMembers } = await gql('query Blocked { blockedMembers { id name } }');
  const list = h('ul', { class: 'links', 'aria-label': 'Members you blocked' }, blockedMembers.map((member) => {
    const item = h('li', {}, member.name || 'A member', ' ');
    item.append(action(`Unblock ${member.name || 'this member'}`, async () => {
      await gql('mutation Unblock($m: ID!) { unblockMember(memberId: $m) }', { m: member.id });
      replace(item, h('span', { role: 'status' }, `${member.name || 'The member'} is unblocked.`));
    }, { class: 'secondary' }));
    return item;
  }));
  return section('Members you blocked', blockedMembers.length ? list : h('p', { class: 'empty' }, 'Nobody.'));
}
