// Starting and ending well (seed 004): each member prepares the first meeting (read only inside the group), and a
// scheme's relationship may end early without blame.
import { gql } from '../api.js';
import { field, h, when } from '../dom.js';
import { session } from '../session.js';
import { action, form, section, values } from '../ui.js';

const QUERY = 'query Preparations($id: ID!) { firstMeetingPreparations(peerGroupId: $id) { memberId expectations goals howToMeet completedAt } }';
const PREPARE = `mutation Prepare($id: ID!, $expectations: String!, $goals: String!, $howToMeet: String!) {
  prepareFirstMeeting(peerGroupId: $id, expectations: $expectations, goals: $goals, howToMeet: $howToMeet) { completedAt } }`;

function prepared(preparation, nameOf) {
  return h('li', { class: 'card' }, h('h3', {}, nameOf(preparation.memberId)), h('dl', {},
    h('dt', {}, 'Expects'), h('dd', {}, preparation.expectations), h('dt', {}, 'Goals'), h('dd', {}, preparation.goals),
    h('dt', {}, 'Would like to meet'), h('dd', {}, preparation.howToMeet)), h('p', { class: 'meta' }, 'Prepared ', when(preparation.completedAt)));
}

export async function firstMeeting(view, group) {
  const { firstMeetingPreparations: done } = await gql(QUERY, { id: group.id });
  const nameOf = (id) => group.members.find((m) => m.id === id)?.name || 'A member';
  const mine = done.find((p) => p.memberId === session.me.id);
  const prepare = form({ 'aria-label': 'Prepare the first meeting' }, [
    field('What I expect from our meetings', h('textarea', { name: 'expectations', rows: '2', required: true })),
    field('My goals', h('textarea', { name: 'goals', rows: '2', required: true })),
    field('How I would like us to meet', h('textarea', { name: 'howToMeet', rows: '2', required: true }), 'When, where or online, how often; the mentee sets the agenda.'),
  ], async (el) => {
    await gql(PREPARE, { id: group.id, ...values(el) });
    await view.go(`/peer-groups/${group.id}`, { replace: true });
  }, 'Save my preparation');
  return section('Preparing our first meeting', h('p', { class: 'meta' }, `${done.length} of ${group.members.length} members prepared. Only this group reads it.`),
    done.length ? h('ul', { class: 'cards' }, done.map((p) => prepared(p, nameOf))) : '',
    h('details', { open: !mine }, h('summary', {}, mine ? 'Change my preparation' : 'Prepare'), prepare));
}

export function ending(view, group) {
  if (!group.mentoringSchemeId) return '';
  if (group.endedAt) return section('Ending', h('p', {}, 'This mentoring relationship ended ', when(group.endedAt), '.'));
  return section('Ending', h('p', {}, 'A relationship may end early, without blame: no reason is asked and nobody is named. You may then be matched again.'),
    action('End this mentoring relationship', async () => {
      await gql('mutation End($id: ID!) { endMentoring(peerGroupId: $id) { id } }', { id: group.id });
      await view.go(`/peer-groups/${group.id}`, { replace: true });
    }, { class: 'secondary' }));
}
