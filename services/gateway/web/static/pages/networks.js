// Networks and local groups with their members; invitations, join requests and the hosts' tools.
import { gql } from '../api.js';
import { checkboxes, checked, field, h, replace } from '../dom.js';
import { circles, session } from '../session.js';
import { action, form, links, option, section, select, tags, title, values } from '../ui.js';
import { storiesOf } from './activity.js';
import { upcoming } from './gatherings.js';

const MEMBERS = 'members(first: 100) { totalCount edges { node { id name practiceAreas } } }';

function memberList(connection) {
  const people = connection.edges.map((edge) => edge.node);
  return h('div', {}, h('p', { class: 'meta' }, `${connection.totalCount} member${connection.totalCount === 1 ? '' : 's'}`),
    links(people, (m) => `/members/${m.id}`, (m) => m.name, 'No members yet.', (m) => tags(m.practiceAreas)));
}

async function invitations(view) {
  const { myInvitations } = await gql('query Invitations { myInvitations { id accepted network { id name } } }');
  const open = myInvitations.filter((i) => !i.accepted);
  if (!open.length) return null;
  return section('Invitations for you', h('ul', { class: 'links' }, open.map((invitation) => h('li', {},
    `${invitation.network.name} `,
    action(`Accept the invitation to ${invitation.network.name}`, async () => {
      await gql('mutation Accept($id: ID!) { acceptInvitation(id: $id) { id } }', { id: invitation.id });
      session.circles = null;
      await view.go(`/networks/${invitation.network.id}`);
    })))));
}

export async function networks(view) {
  const known = await circles();
  const others = known.networks.filter((n) => !known.mine.some((m) => m.id === n.id));
  const create = form({ 'aria-label': 'Create a network' }, [
    field('Name', h('input', { name: 'name', required: true })),
    field('Description', h('textarea', { name: 'description', rows: '3' })),
    h('label', { class: 'choice' }, h('input', { type: 'checkbox', name: 'isPublic', value: 'yes' }), ' Public: anyone may ask to join'),
  ], async (el) => {
    const v = values(el);
    const { createNetwork } = await gql(`mutation CreateNetwork($name: String!, $description: String!, $isPublic: Boolean!) {
      createNetwork(name: $name, description: $description, isPublic: $isPublic) { id } }`,
    { name: v.name, description: v.description, isPublic: v.isPublic === 'yes' });
    session.circles = null;
    await view.go(`/networks/${createNetwork.id}`);
  }, 'Create network');
  view.main.append(title('Networks'), await invitations(view) || '',
    section('Your networks', links(known.mine, (n) => `/networks/${n.id}`, (n) => n.name, 'You are not in a network yet: accept an invitation or ask to join a public one.')),
    section('Public networks you may ask to join', links(others, (n) => `/networks/${n.id}`, (n) => n.name, 'None at the moment.')),
    h('details', {}, h('summary', {}, 'Start a new network'), create));
}

function askToJoin(view, network) {
  return form({ 'aria-label': `Ask to join ${network.name}` }, [
    field('A note for the hosts (optional)', h('textarea', { name: 'message', rows: '2' })),
  ], async (el) => {
    await gql('mutation Ask($id: ID!, $message: String!) { requestToJoin(networkId: $id, message: $message) { status } }',
      { id: network.id, message: values(el).message });
    return 'Your request has gone to the hosts.';
  }, 'Ask to join');
}

// Removing someone is serious: the host says why (for the record of hosts' acts) and confirms.
function removal(view, network, people) {
  const others = people.filter((m) => m.id !== session.me.id);
  return form({ 'aria-label': 'Remove a member' }, [
    field('Member to remove', select('member', others.map((m) => option(m.id, m.name)), { required: true })),
    field('Why (kept in the record of hosts’ acts)', h('textarea', { name: 'reason', rows: '2', required: true })),
  ], async (el) => {
    const { member, reason } = values(el);
    const name = others.find((m) => m.id === member)?.name;
    if (!window.confirm(`Remove ${name} from ${network.name} and its local groups?`)) return null;
    await gql('mutation Remove($n: ID!, $m: ID!, $r: String!) { removeMember(networkId: $n, memberId: $m, reason: $r) }',
      { n: network.id, m: member, r: reason });
    await view.go(`/networks/${network.id}`);
    return null;
  }, 'Remove member');
}

function hostTools(view, network, areas, people) {
  const invite = form({ 'aria-label': 'Invite a member' }, [field('Email to invite', h('input', { name: 'email', type: 'email', required: true }))], async (el) => {
    const { email } = values(el);
    await gql('mutation Invite($id: ID!, $email: String!) { inviteMember(networkId: $id, email: $email) { id } }', { id: network.id, email });
    el.reset();
    return `Invitation sent to ${email}.`;
  }, 'Send invitation');
  const group = form({ 'aria-label': 'Create a local group' }, [
    field('Name', h('input', { name: 'name', required: true })), field('Place', h('input', { name: 'place' })),
    field('Description', h('textarea', { name: 'description', rows: '2' })), checkboxes('Practice areas', 'area', areas),
  ], async (el) => {
    const v = values(el);
    const { createLocalGroup } = await gql(`mutation Group($id: ID!, $name: String!, $place: String!, $description: String!, $areas: [String!]) {
      createLocalGroup(networkId: $id, name: $name, place: $place, description: $description, practiceAreas: $areas) { id } }`,
    { id: network.id, name: v.name, place: v.place, description: v.description, areas: checked(el, 'area') });
    await view.go(`/local-groups/${createLocalGroup.id}`);
  }, 'Create local group');
  return h('details', { class: 'host-tools' }, h('summary', {}, 'Hosts: invite, create local groups, harvest, coordinate, remove members'),
    invite, group, removal(view, network, people),
    h('p', {}, h('a', { href: `/harvests?network=${network.id}` }, 'Harvests of this network'), ' · ',
      h('a', { href: `/coordinator/${network.id}` }, 'Matching and evaluation'), ' · ',
      h('a', { href: `/review/${network.id}` }, 'Review queue'), ' · ', h('a', { href: `/networks/${network.id}/record` }, 'Record of hosts’ acts')));
}

async function joinRequests(network) {
  const { joinRequests: pending } = await gql(`query JoinRequests($id: ID!) { joinRequests(networkId: $id) {
    id applicantName message } }`, { id: network.id });
  if (!pending.length) return section('Join requests', h('p', { class: 'empty' }, 'No one is waiting to join.'));
  const decide = (request, approve) => action(`${approve ? 'Approve' : 'Decline'} ${request.applicantName}`, async (button) => {
    await gql('mutation Decide($id: ID!, $approve: Boolean!) { decideJoinRequest(id: $id, approve: $approve) { status } }',
      { id: request.id, approve });
    button.closest('li').replaceWith(h('li', { role: 'status' }, `${request.applicantName}: ${approve ? 'approved, now a member' : 'declined'}.`));
  });
  return section('Join requests', h('ul', { class: 'links' }, pending.map((request) => h('li', {},
    h('strong', {}, request.applicantName), request.message ? ` — “${request.message}” ` : ' ',
    decide(request, true), ' ', decide(request, false)))));
}

async function harvestsOf(networkId) {
  const { harvests } = await gql(`query NetworkHarvests($id: ID!) { harvests(networkId: $id, first: 10) {
    edges { node { id title status heldOn } } } }`, { id: networkId });
  const published = harvests.edges.map((edge) => edge.node).filter((harvest) => harvest.status !== 'draft');
  return section('Harvests', links(published, (x) => `/harvests/${x.id}`, (x) => x.title, 'No harvest published yet.',
    (x) => (x.heldOn ? h('span', { class: 'meta' }, ` — held on ${x.heldOn}`) : null)));
}

export async function network(view) {
  const query = `query Network($id: ID!) { network(id: $id) { id name description isPublic } }`;
  const { network: found } = await gql(query, { id: view.params.id });
  view.main.append(title(found.name), h('p', {}, found.description), h('p', { class: 'meta' }, found.isPublic ? 'Public network' : 'Invitation only'));
  const inside = await gql(`query Inside($id: ID!) { practiceAreas(networkId: $id) network(id: $id) { viewerRole
      localGroups(first: 100) { edges { node { id name place practiceAreas } } } connectedNetworks { id name } ${MEMBERS} } }`,
  { id: found.id }).catch((error) => (error.code === 'FORBIDDEN' ? null : Promise.reject(error)));
  if (!inside) {
    view.main.append(h('p', {}, 'You are not a member of this network.'), found.isPublic ? askToJoin(view, found) : h('p', {}, 'Its hosts invite new members.'));
    return;
  }
  const groups = inside.network.localGroups.edges.map((edge) => edge.node);
  view.main.append(
    await upcoming(found.id),
    section('Local groups', links(groups, (g) => `/local-groups/${g.id}`, (g) => `${g.name}${g.place ? ` (${g.place})` : ''}`, 'No local groups yet.', (g) => tags(g.practiceAreas))),
    section('Mentoring', h('p', {}, h('a', { href: `/networks/${found.id}/schemes` }, 'Mentoring schemes you can apply to'))),
    section('Members', memberList(inside.network.members)),
    inside.network.viewerRole === 'host' ? await joinRequests(found) : '',
    inside.network.connectedNetworks.length ? section('Connected networks', links(inside.network.connectedNetworks, (n) => `/networks/${n.id}`, (n) => n.name, '')) : '',
    await harvestsOf(found.id),
    inside.network.viewerRole === 'host' ? hostTools(view, found, inside.practiceAreas, inside.network.members.edges.map((edge) => edge.node)) : '');
}

export async function localGroup(view) {
  const { localGroup: group } = await gql(`query LocalGroup($id: ID!) { localGroup(id: $id) {
    id name place description practiceAreas network { id name } ${MEMBERS} } }`, { id: view.params.id });
  const joined = group.members.edges.some((edge) => edge.node.id === session.me.id);
  const membersBox = h('div', {}, memberList(group.members));
  const join = joined ? h('p', {}, 'You are a member of this group.') : action(`Join ${group.name}`, async (button) => {
    await gql('mutation Join($id: ID!) { joinLocalGroup(id: $id) { id } }', { id: group.id });
    session.circles = null;
    button.replaceWith(h('p', { role: 'status' }, `You joined ${group.name}.`));
    const again = await gql(`query Members($id: ID!) { localGroup(id: $id) { ${MEMBERS} } }`, { id: group.id });
    replace(membersBox, memberList(again.localGroup.members));
  });
  view.main.append(title(group.name),
    h('p', { class: 'meta' }, group.place ? `${group.place} · ` : '', 'in ', h('a', { href: `/networks/${group.network.id}` }, group.network.name)),
    group.description ? h('p', {}, group.description) : '', tags(group.practiceAreas), join,
    await upcoming(group.network.id, group.id),
    await storiesOf('Stories shared here', { c: `local_group:${group.id}` }, joined ? 'No stories shared with this group yet.' : 'Members of this group see the stories shared here.'),
    section('Members', membersBox));
}
