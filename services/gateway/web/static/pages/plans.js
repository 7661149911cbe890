// A member's development plan in the group's network: goals, milestones and check-ins; plans others share.
import { gql } from '../api.js';
import { field, h, when } from '../dom.js';
import { feedback, form, option, section, select, values } from '../ui.js';

const GOAL = 'id title milestones { title done } checkIns { id progress reflection nextStep createdAt }';
const VISIBILITY = [['only_me', 'Only me'], ['peer_group', 'My peer group'], ['coordinator', 'My peer group and the coordinators']];

function checkInForm(view, group, goal, meetingId = null) {
  return form({ 'aria-label': `Check in on “${goal.title}”` }, [
    field('Progress towards the goal (0 to 100)', h('input', { name: 'progress', type: 'number', min: '0', max: '100', required: true })),
    field('Reflection', h('textarea', { name: 'reflection', rows: '2' })),
    field('What I’ll try next', h('input', { name: 'nextStep' })),
  ], async (el) => {
    const v = values(el);
    await gql(`mutation CheckIn($goalId: ID!, $progress: Int!, $reflection: String!, $nextStep: String!, $meetingId: ID) {
      checkIn(goalId: $goalId, progress: $progress, reflection: $reflection, nextStep: $nextStep, meetingId: $meetingId) { id } }`,
    { goalId: goal.id, progress: Number(v.progress), reflection: v.reflection, nextStep: v.nextStep, meetingId });
    await view.go(location.pathname, { replace: true });
  }, 'Check in');
}

function milestoneBox(goal, milestone, index) {
  const said = feedback();
  const box = h('input', { type: 'checkbox', checked: milestone.done });
  box.addEventListener('change', async () => {
    const done = box.checked;
    const saved = await said.tell(() => gql('mutation Milestone($id: ID!, $index: Int!, $done: Boolean!) { markMilestone(goalId: $id, index: $index, done: $done) { id } }',
      { id: goal.id, index, done }), done ? `“${milestone.title}” done.` : `“${milestone.title}” open again.`);
    if (!saved) box.checked = !done;
  });
  return [h('label', { class: 'choice' }, box, ' ', milestone.title), ' ', said.line];
}

function goalView(view, group, goal, mine) {
  const last = goal.checkIns.at(-1);
  return h('li', { class: 'card' }, h('h4', {}, goal.title),
    last ? h('p', {}, h('progress', { max: '100', value: String(last.progress), 'aria-label': `Progress on ${goal.title}` }), ` ${last.progress}%`) : h('p', { class: 'empty' }, 'No check-ins yet.'),
    goal.milestones.length ? h('ul', { class: 'links', 'aria-label': 'Milestones' }, goal.milestones.map((m, index) => h('li', {},
      mine ? milestoneBox(goal, m, index) : `${m.done ? '✓ ' : ''}${m.title}`))) : '',
    goal.checkIns.length ? h('details', {}, h('summary', {}, `Check-ins (${goal.checkIns.length})`), h('ul', {}, goal.checkIns.map((c) => h('li', {},
      when(c.createdAt), ` — ${c.progress}%`, c.reflection ? `: ${c.reflection}` : '', c.nextStep ? ` Next: ${c.nextStep}` : '')))) : '',
    mine ? h('details', {}, h('summary', {}, 'Check in'), checkInForm(view, group, goal, view.params.meetingId || null)) : '');
}

export async function plan(view, group) {
  const data = await gql(`query Plan($networkId: ID!, $groupId: ID!) { myDevelopmentPlan(networkId: $networkId) { id visibility goals { ${GOAL} } }
    peerGroup(id: $groupId) { sharedPlans { id memberId goals { ${GOAL} } } } }`, { networkId: group.networkId, groupId: group.id });
  const mine = data.myDevelopmentPlan;
  const addGoal = form({ 'aria-label': 'Add a goal' }, [
    field('Goal', h('input', { name: 'title', required: true })),
    field('Milestones', h('textarea', { name: 'milestones', rows: '3' }), 'One per line.'),
  ], async (el) => {
    const v = values(el);
    await gql('mutation Goal($networkId: ID!, $title: String!, $milestones: [String!]) { addGoal(networkId: $networkId, title: $title, milestones: $milestones) { id } }',
      { networkId: group.networkId, title: v.title, milestones: v.milestones.split('\n').map((m) => m.trim()).filter(Boolean) });
    await view.go(location.pathname, { replace: true });
  }, 'Add goal');
  const visibility = mine ? form({ 'aria-label': 'Who sees your plan' }, [field('Who sees your plan', select('visibility', VISIBILITY.map(([v, label]) => option(v, label, v === mine.visibility))))],
    async (el) => {
      await gql('mutation Visibility($networkId: ID!, $visibility: String!) { setPlanVisibility(networkId: $networkId, visibility: $visibility) { id } }', { networkId: group.networkId, visibility: values(el).visibility });
      return 'Saved.';
    }, 'Save') : '';
  const nameOf = (id) => group.members.find((m) => m.id === id)?.name || 'A member';
  const shared = data.peerGroup.sharedPlans.filter((p) => !mine || p.id !== mine.id);
  return section('Development plan',
    h('p', {}, 'Your own agenda towards stronger leadership: benchmark yourself against it at each meeting.'),
    mine ? h('ul', { class: 'cards' }, mine.goals.map((g) => goalView(view, group, g, true))) : h('p', { class: 'empty' }, 'You have no plan yet: add your first goal.'),
    h('details', {}, h('summary', {}, 'Add a goal'), addGoal), visibility,
    shared.length ? h('div', {}, h('h3', {}, 'Plans your peers share with the group'), shared.map((p) => h('div', {}, h('h4', {}, nameOf(p.memberId)),
      h('ul', { class: 'cards' }, p.goals.map((g) => goalView(view, group, g, false)))))) : '');
}

