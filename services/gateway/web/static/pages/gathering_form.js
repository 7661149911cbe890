// The hosts' form for a gathering: scheduling a new one in a network or local group, or editing one they host.
import { gql } from '../api.js';
import { field, h } from '../dom.js';
import { form, option, select, title, values } from '../ui.js';
import { KINDS } from './gatherings.js';

// An ISO time as a datetime-local input's value, in the browser's own time zone.
function local(iso) {
  const moment = new Date(iso);
  moment.setMinutes(moment.getMinutes() - moment.getTimezoneOffset());
  return moment.toISOString().slice(0, 16);
}

function when(name, label, iso) {
  return field(label, h('input', { name, type: 'datetime-local', required: true, value: iso ? local(iso) : null }), 'In your own time zone.');
}

function gatheringForm(label, was, submit, submitLabel) {
  return form({ 'aria-label': label }, [
    field('Kind', select('kind', Object.entries(KINDS).map(([k, name]) => option(k, name, k === was.kind)))),
    field('Title', h('input', { name: 'title', required: true, value: was.title })),
    when('startsAt', 'Starts', was.startsAt), when('endsAt', 'Ends', was.endsAt),
    field('Place', h('input', { name: 'place', value: was.place })),
    field('Link to join online', h('input', { name: 'link', type: 'url', value: was.link })),
    field('Agenda', h('textarea', { name: 'agenda', rows: '4' }, was.agenda || '')),
    field('Capacity', h('input', { name: 'capacity', type: 'number', min: '1', value: String(was.capacity || 20), required: true })),
    h('label', { class: 'choice' }, h('input', { type: 'checkbox', name: 'waitingList', value: 'yes', checked: was.waitingList !== false }),
      ' Keep a waiting list when full'),
  ], async (el) => {
    const v = values(el);
    await submit({ kind: v.kind, title: v.title, place: v.place, link: v.link, agenda: v.agenda, capacity: Number(v.capacity),
      startsAt: new Date(v.startsAt).toISOString(), endsAt: new Date(v.endsAt).toISOString(), waitingList: v.waitingList === 'yes' });
  }, submitLabel);
}

export async function newGathering(view) {
  const variables = { n: view.query.get('network'), l: view.query.get('localGroup') };
  view.main.append(title('Schedule a gathering'), gatheringForm('Schedule a gathering', {}, async (g) => {
    const { scheduleGathering } = await gql(`mutation Schedule($n: ID!, $l: ID, $g: GatheringInput!) {
      scheduleGathering(networkId: $n, localGroupId: $l, gathering: $g) { id } }`, { ...variables, g });
    await view.go(`/gatherings/${scheduleGathering.id}`);
  }, 'Schedule gathering'));
}

export async function editGathering(view) {
  const { gathering: was } = await gql(`query Editing($id: ID!) { gathering(id: $id) {
    id kind title startsAt endsAt place link agenda capacity waitingList } }`, { id: view.params.id });
  view.main.append(title(`Edit ${was.title}`), gatheringForm('Edit the gathering', was, async (g) => {
    await gql('mutation Edit($id: ID!, $g: GatheringInput!) { editGathering(id: $id, gathering: $g) { id } }', { id: was.id, g });
    await view.go(`/gatherings/${was.id}`);
  }, 'Save changes'));
}
