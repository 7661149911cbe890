// The peer group space: the contract to accept, members, cadence, meetings (.ics), plans and surveys.
import { gql } from '../api.js';
import { barChart } from '../charts.js';
import { field, h, when, where, words } from '../dom.js';
import { circles, session } from '../session.js';
import { action, form, links, option, section, select, title, values } from '../ui.js';
import { storiesOf } from './activity.js';
import { ending, firstMeeting } from './first_meeting.js';
import { invitations, proposals } from './peer_group_consent.js';
import { plan } from './plans.js';
import { surveys } from './surveys.js';

const KINDS = [['peer_group', 'Peer mentoring group (2 to 3 peers)'], ['co_mentoring_pair', 'Co-mentoring pair'],
  ['mentoring_circle', 'Mentoring circle (mentees with one mentor)'], ['one_to_one', 'One-to-one mentoring']];
const CONFIDENTIAL = 'Everything said and written in this group stays in it: only its members see its meetings, notes and '
  + 'stories. Nothing reaches the network, search or feeds unless its author shares it wider.';
const SPACE = `query Space($id: ID!) { peerGroup(id: $id) { id name kind networkId myRole isOpen mentoringSchemeId endedAt
  contract { version norms acceptedByMe acceptedByAll } members { id name role acceptedContract } } }`;
const OPEN = `query OpenSpace($id: ID!) { peerGroup(id: $id) {
  cadence { everyMonths forMonths lastMet nextDue nextScheduled ends state overdue }
  meetings { id startsAt minutes mode place attendance { memberId present } }
} }`;

export async function peerGroups(view) {
  const known = await circles();
  const groups = (await gql('query Mine { myPeerGroups { id name kind isOpen } }')).myPeerGroups;
  view.main.append(title('Peer groups'), h('p', { class: 'notice' }, h('strong', {}, 'Confidential. '), CONFIDENTIAL),
    links(groups, (g) => `/peer-groups/${g.id}`, (g) => g.name, 'You are not in a peer group yet.',
      (g) => h('span', { class: 'meta' }, ` — ${KINDS.find(([k]) => k === g.kind)?.[1] || g.kind}${g.isOpen ? '' : ', contract to accept'}`)),
    await invitations(), known.mine.length ? await formGroup(view, known) : '');
}

async function formGroup(view, known) {
  const networkSelect = select('networkId', known.mine.map((n) => option(n.id, n.name)));
  const people = h('div');
  const loadPeople = async () => {
    const { network } = await gql('query People($id: ID!) { network(id: $id) { members(first: 100) { edges { node { id name } } } } }', { id: networkSelect.value });
    const others = network.members.edges.map((e) => e.node).filter((m) => m.id !== session.me.id);
    people.replaceChildren(h('fieldset', { class: 'choices' }, h('legend', {}, 'With whom (you are in it too)'),
      others.map((m) => h('label', { class: 'choice' }, h('input', { type: 'checkbox', name: 'member', value: m.id }), ' ', m.name))));
  };
  networkSelect.addEventListener('change', loadPeople);
  await loadPeople();
  return h('details', {}, h('summary', {}, 'Form a peer group'), form({ 'aria-label': 'Form a peer group' }, [
    field('Network', networkSelect), field('Name', h('input', { name: 'name', required: true })),
    field('Kind', select('kind', KINDS.map(([k, label]) => option(k, label)))), people,
  ], async (el) => {
    const v = values(el);
    const memberIds = [session.me.id, ...[...el.querySelectorAll('input[name="member"]:checked')].map((i) => i.value)];
    const { formPeerGroup } = await gql(`mutation Form($networkId: ID!, $kind: String!, $name: String!, $memberIds: [ID!]!) {
      formPeerGroup(networkId: $networkId, kind: $kind, name: $name, memberIds: $memberIds) { id } }`, { networkId: v.networkId, kind: v.kind, name: v.name, memberIds });
    session.circles = null;
    await view.go(`/peer-groups/${formPeerGroup.id}`);
  }, 'Form group'));
}

function contract(view, group) {
  const accept = action(`I accept the contract (version ${group.contract.version})`, async () => {
    await gql('mutation Accept($id: ID!, $version: Int!) { acceptContract(peerGroupId: $id, version: $version) { id } }', { id: group.id, version: group.contract.version });
    await view.go(`/peer-groups/${group.id}`, { replace: true });
  });
  return section('Our contract', h('p', {}, 'The norms this group agrees to:'), h('ol', {}, group.contract.norms.map((n) => h('li', {}, n))),
    group.contract.acceptedByMe ? h('p', { class: 'ok' }, group.contract.acceptedByAll ? 'Everyone has accepted it.' : 'You accepted it; waiting for the others.') : accept);
}

function cadenceBox(cadence) {
  const state = { on_track: 'On track', unscheduled: 'No meeting scheduled', overdue: 'Overdue: the group has not met in time', finished: 'Finished' }[cadence.state] || cadence.state;
  return section('Cadence', h('p', { class: cadence.overdue ? 'error' : 'ok' }, state),
    h('p', { class: 'meta' }, `Meeting every ${cadence.everyMonths} month${cadence.everyMonths === 1 ? '' : 's'} for ${cadence.forMonths} months. `,
      cadence.lastMet ? ['Last met ', when(cadence.lastMet), '. '] : 'Not met yet. ', 'Next due ', when(cadence.nextDue), '.'));
}

function meetingsBox(view, group, meetings) {
  const schedule = form({ 'aria-label': 'Schedule meetings' }, [
    field('First meeting', h('input', { name: 'startsAt', type: 'datetime-local', required: true })),
    field('How', select('mode', [option('online', 'Online'), option('in_person', 'In person'), option('phone', 'By phone')])),
    field('Where or link', h('input', { name: 'place' })),
    field('How many meetings', h('input', { name: 'count', type: 'number', min: '1', max: '24', value: '1' }), 'One per cadence period.'),
  ], async (el) => {
    const v = values(el);
    await gql('mutation Schedule($id: ID!, $first: MeetingInput!, $count: Int!) { scheduleMeetings(peerGroupId: $id, first: $first, count: $count) { id } }',
      { id: group.id, count: Number(v.count || 1), first: { startsAt: new Date(v.startsAt).toISOString(), mode: v.mode, place: v.place } });
    await view.go(`/peer-groups/${group.id}`, { replace: true });
  }, 'Schedule');
  const recorded = meetings.filter((m) => m.attendance.length);
  return section('Meetings',
    h('p', {}, h('a', { href: `/peer-groups/${group.id}/meetings.ics`, download: 'meetings.ics' }, 'Download the meetings (.ics) for your calendar')),
    links(meetings, (m) => `/peer-groups/${group.id}/meetings/${m.id}`, (m) => `${new Date(m.startsAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })} — ${words(m.mode)}`, 'No meetings scheduled yet.',
      (m) => (m.place ? [', ', where(m.place)] : null)),
    recorded.length ? barChart('Attendance at recorded meetings', recorded.map((m) => ({
      label: new Date(m.startsAt).toLocaleDateString(), value: m.attendance.filter((a) => a.present).length,
      note: `of ${m.attendance.length}`, low: m.attendance.filter((a) => a.present).length < 2 })), { max: group.members.length }) : '',
    h('details', {}, h('summary', {}, 'Schedule meetings'), schedule));
}

export async function peerGroup(view) {
  const { peerGroup: group } = await gql(SPACE, { id: view.params.id });
  view.main.append(title(group.name), h('p', { class: 'meta' }, KINDS.find(([k]) => k === group.kind)?.[1] || group.kind, ` · you are ${group.myRole}`),
    h('p', { class: 'notice' }, h('strong', {}, 'Confidential. '), CONFIDENTIAL), contract(view, group),
    section('Members', h('ul', { class: 'links' }, group.members.map((m) => h('li', {}, h('a', { href: `/members/${m.id}` }, m.name), ` — ${m.role}`, m.acceptedContract ? '' : ' (has not accepted the contract yet)')))),
    await proposals(group, session.me.id));
  if (!group.isOpen) {
    view.main.append(h('p', {}, 'Once you accept the contract, the group’s meetings, plans and notes open to you.'));
    return;
  }
  const { peerGroup: open } = await gql(OPEN, { id: group.id });
  view.main.append(cadenceBox(open.cadence), await firstMeeting(view, group), meetingsBox(view, group, open.meetings),
    await storiesOf('Our stories', { c: `peer_group:${group.id}` }, 'No stories written in this group yet.'), await plan(view, group),
    await surveys(group), ending(view, group));
}
