// Gatherings of networks and local groups: the upcoming list, a gathering's page (agenda with what the last one
// carried over, RSVP with its state, the .ics file, attendance for hosts) and the hosts' form to schedule one.
import { gql } from '../api.js';
import { checkboxes, checked, h, when, words } from '../dom.js';
import { session } from '../session.js';
import { action, form, links, section, title } from '../ui.js';

export const KINDS = { WORLD_CAFE: 'World Café', OPEN_SPACE: 'Open Space', STORYTELLING_CIRCLE: 'Storytelling circle',
  DIALOGUE: 'Dialogue', APPRECIATIVE_INQUIRY: 'Appreciative inquiry', ALUMNI_MEETING: 'Alumni meeting' };
const GATHERING = `query Gathering($id: ID!) { gathering(id: $id) {
  id kind title startsAt endsAt place link agenda capacity waitingList status networkId localGroupId hostedBy
  viewerHosts calendarPath going waiting myRsvp { answer position } attendees { memberId name answer position present } }
  gatheringFollowUps(gatheringId: $id) { itemId section text ownerId ownerName dueOn doneAt harvestTitle } }`;
const RSVP = 'mutation Rsvp($id: ID!, $going: Boolean!) { rsvpToGathering(id: $id, going: $going) { id } }';

// The upcoming gatherings of a network (or one local group), for their pages.
export async function upcoming(networkId, localGroupId = null) {
  const { gatherings } = await gql(`query Upcoming($n: ID!, $l: ID) { gatherings(networkId: $n, localGroupId: $l) {
    edges { node { id title kind startsAt status } } } }`, { n: networkId, l: localGroupId });
  const found = gatherings.edges.map((edge) => edge.node);
  const query = `network=${networkId}${localGroupId ? `&localGroup=${localGroupId}` : ''}`;
  return section('Upcoming gatherings', links(found, (g) => `/gatherings/${g.id}`, (g) => g.title, 'No gatherings planned yet.',
    (g) => h('span', { class: 'meta' }, ` — ${KINDS[g.kind]}, `, when(g.startsAt), g.status === 'cancelled' ? ' (cancelled)' : '')),
  h('p', {}, h('a', { href: `/gatherings/new?${query}` }, 'Hosts: schedule a gathering')));
}

function stateOf(rsvp) {
  if (rsvp.answer === 'GOING') return 'You’re going.';
  if (rsvp.answer === 'WAITING') return `You’re on the waiting list, number ${rsvp.position}.`;
  if (rsvp.answer === 'NOT_GOING') return 'You’re not going.';
  return 'You haven’t answered yet.';
}

function answering(view, gathering) {
  if (gathering.status !== 'scheduled') return h('p', { class: 'error' }, 'This gathering is cancelled.');
  const full = gathering.going >= gathering.capacity;
  const yes = full && gathering.waitingList ? 'Join the waiting list' : 'I’m going';
  const answer = (going) => async () => { await gql(RSVP, { id: gathering.id, going }); await view.go(`/gatherings/${gathering.id}`); };
  return h('div', { class: 'rsvp' }, h('p', { role: 'status', class: 'rsvp-state' }, stateOf(gathering.myRsvp)),
    ['GOING', 'WAITING'].includes(gathering.myRsvp.answer) ? '' : action(yes, answer(true)), ' ',
    gathering.myRsvp.answer === 'NOT_GOING' ? '' : action('I can’t go', answer(false)));
}

function followUp(item) {
  const owner = item.ownerName ? ` — ${item.ownerName}${item.dueOn ? `, due ${item.dueOn}` : ''}` : '';
  const done = item.doneAt ? h('span', { class: 'consent given' }, ' done') : '';
  const mark = item.section === 'actions' && !item.doneAt && item.ownerId === session.me.id ? action('Mark done', async (button) => {
    await gql('mutation Done($i: ID!) { followUpAction(harvestItemId: $i) { doneAt } }', { i: item.itemId });
    button.replaceWith(h('span', { class: 'consent given', role: 'status' }, ' done'));
  }) : '';
  return h('li', {}, h('strong', {}, item.section === 'actions' ? 'Action: ' : 'Open question: '), item.text, owner, done, ' ', mark);
}

function attendance(view, gathering) {
  const people = gathering.attendees.filter((a) => a.answer === 'GOING' || a.present);
  const marked = people.filter((a) => a.present).map((a) => a.memberId);
  return section('Attendance', form({ 'aria-label': 'Record attendance' }, [
    people.length ? checkboxes('Who was there', 'present', people.map((a) => a.memberId), marked,
      (id) => people.find((a) => a.memberId === id).name) : h('p', { class: 'empty' }, 'Nobody is going yet.'),
  ], async (el) => {
    await gql('mutation Attended($id: ID!, $p: [ID!]!) { recordGatheringAttendance(id: $id, presentIds: $p) { id } }',
      { id: gathering.id, p: checked(el, 'present') });
    return 'Attendance recorded.';
  }, 'Record attendance'), h('ul', { class: 'links', 'aria-label': 'Answers' }, gathering.attendees.map((a) => h('li', {},
    `${a.name}: ${words(a.answer || 'no answer')}${a.position ? ` (${a.position})` : ''}`))));
}

function hostTools(view, gathering) {
  if (!gathering.viewerHosts || gathering.status !== 'scheduled') return '';
  return h('p', {}, action('Harvest this gathering', async () => {
    const { createHarvest } = await gql('mutation Harvest($n: ID!, $h: HarvestInput!) { createHarvest(networkId: $n, harvest: $h) { id } }',
      { n: gathering.networkId, h: { title: `Harvest: ${gathering.title}`, gatheringId: gathering.id } });
    await view.go(`/harvests/${createHarvest.id}`);
  }), ' ', h('a', { href: `/gatherings/${gathering.id}/edit` }, 'Edit'), ' ', action('Cancel this gathering', async () => {
    await gql('mutation Cancel($id: ID!) { cancelGathering(id: $id) { id } }', { id: gathering.id });
    await view.go(`/gatherings/${gathering.id}`);
  }));
}

export async function gathering(view) {
  const { gathering: found, gatheringFollowUps: carried } = await gql(GATHERING, { id: view.params.id });
  const where = found.link ? h('a', { href: found.link, rel: 'noopener noreferrer' }, found.place || found.link) : found.place;
  view.main.append(title(found.title),
    h('p', { class: 'meta' }, `${KINDS[found.kind]} · `, when(found.startsAt), ' to ', when(found.endsAt), ' · ', where),
    h('p', { class: 'meta' }, `Hosted by ${found.hostedBy} · ${found.going} of ${found.capacity} going`,
      found.waiting ? ` · ${found.waiting} waiting` : ''),
    answering(view, found),
    h('p', {}, h('a', { href: found.calendarPath, download: 'gathering.ics' }, 'Add to your calendar (.ics)')),
    section('Agenda', found.agenda ? h('p', { class: 'pre' }, found.agenda) : h('p', { class: 'empty' }, 'No agenda yet.'),
      carried.length ? h('div', {}, h('h3', {}, 'Carried over from the last gathering'), h('ul', { class: 'links' }, carried.map(followUp))) : ''),
    found.viewerHosts ? attendance(view, found) : '', hostTools(view, found));
}
