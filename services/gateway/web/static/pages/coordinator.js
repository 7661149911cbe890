// The coordinator's views of a network: the live dashboard, groups keeping their cadence, applications and mentoring
// matches, and the evaluation.
import { gql, serverNow } from '../api.js';
import { barChart } from '../charts.js';
import { field, h, when, words } from '../dom.js';
import { action, form, option, section, select, title, values } from '../ui.js';
import { dashboard } from './dashboard.js';

const STATES = { on_track: 'On track', unscheduled: 'Nothing scheduled', overdue: 'Overdue', finished: 'Finished' };
const MONTH = 30.44 * 86400 * 1000;

function cadence(groups) {
  if (!groups.length) return section('Groups keeping their cadence', h('p', { class: 'empty' }, 'No peer groups in this network yet.'));
  const counts = Object.keys(STATES).map((state) => ({ label: STATES[state], value: groups.filter((g) => g.cadence.state === state).length, low: state === 'overdue' }));
  const since = groups.map((g) => ({
    label: g.name, low: g.cadence.overdue, note: `${STATES[g.cadence.state] || g.cadence.state}; meets every ${g.cadence.everyMonths} months; ${g.memberCount} members`,
    value: g.cadence.lastMet ? Math.round(((serverNow() - Date.parse(g.cadence.lastMet)) / MONTH) * 10) / 10 : 0,
  }));
  return section('Groups keeping their cadence', barChart('Groups by cadence kept', counts),
    barChart('Months since each group last met (overdue in amber)', since, { unit: ' mo' }));
}

function evaluation(evaluations) {
  if (!evaluations.length) return section('Evaluation', h('p', { class: 'empty' }, 'No programme evaluation yet: it is produced a month after the groups’ programme ends (25 months for groups outside a scheme), from their mid-point and end surveys.'));
  const latest = evaluations.at(-1);
  const scale = latest.questions.filter((q) => q.mean !== null || q.suppressed);
  return section('Evaluation', h('p', { class: 'meta' }, 'Produced ', when(latest.producedAt), ` from ${latest.groups} groups: ${latest.respondentsByWave.map((w) => `${w.respondents} answers at ${w.months} months`).join(', ') || 'no answers'}. `,
    latest.groupsBelowThreshold ? `${latest.groupsBelowThreshold} groups had too few answers to show (fewer than ${latest.threshold}).` : ''),
  barChart('Survey results: mean answer, 1 to 5', scale.map((q) => ({ label: `${q.question} (${q.months} mo)`, value: q.suppressed ? null : Math.round(q.mean * 10) / 10, note: `${q.respondents} answered` })), { max: 5 }),
  latest.questions.filter((q) => q.comments?.length).map((q) => h('div', {}, h('h3', {}, q.question), h('ul', {}, q.comments.map((c) => h('li', {}, c))))));
}

const lines = (text) => (text || '').split('\n').map((line) => line.trim()).filter(Boolean);

function applications(pending, nameOf) {
  if (!pending.length) return h('p', { class: 'empty' }, 'No application is waiting.');
  const decide = (application, approve) => async (el) => {
    const reason = approve ? '' : values(el).reason;
    await gql('mutation Decide($id: ID!, $approve: Boolean!, $reason: String!) { decideSchemeApplication(applicationId: $id, approve: $approve, reason: $reason) { state } }',
      { id: application.id, approve, reason });
    el.closest('li').replaceWith(h('li', { role: 'status' }, `${nameOf(application.memberId)}: ${approve ? 'approved and enrolled' : 'declined; they are told your reason'}.`));
  };
  return h('ul', { class: 'cards' }, pending.map((a) => h('li', { class: 'card' }, h('p', {}, h('strong', {}, nameOf(a.memberId)), ` applies as a ${a.role}`),
    h('dl', {}, a.answers.map((answer) => [h('dt', {}, answer.question), h('dd', {}, answer.answer)])),
    form({ 'aria-label': `Approve ${nameOf(a.memberId)}` }, [], decide(a, true), `Approve ${nameOf(a.memberId)}`),
    form({ 'aria-label': `Decline ${nameOf(a.memberId)}` }, [field('Why you decline (they are told)', h('textarea', { name: 'reason', rows: '2', required: true }))], decide(a, false), `Decline ${nameOf(a.memberId)}`))));
}

async function scheme(view, found, nameOf) {
  const data = await gql(`query Scheme($id: ID!) { schemeApplications(mentoringSchemeId: $id) { id memberId role answers { question answer } } suggestedMatches(mentoringSchemeId: $id, first: 10) { menteeId mentorId score reasons }
    schemeParticipants(mentoringSchemeId: $id) { memberId role matched } schemeDiversity(mentoringSchemeId: $id) { aim participants } }`, { id: found.id });
  const waiting = data.schemeParticipants.filter((p) => !p.matched);
  return h('article', { class: 'card' }, h('h3', {}, found.name), h('p', { class: 'meta' }, `${words(found.kind)} · ${found.months} months`), found.aims ? h('p', {}, found.aims) : '',
    h('p', {}, `${data.schemeParticipants.length} enrolled, ${waiting.length} waiting for a match.`),
    h('h4', {}, 'Applications waiting'), applications(data.schemeApplications, nameOf),
    h('h4', {}, 'Suggested matches'), data.suggestedMatches.length ? h('ul', { class: 'cards' }, data.suggestedMatches.map((m) => h('li', { class: 'card' },
      h('p', {}, h('strong', {}, nameOf(m.mentorId)), ' mentors ', h('strong', {}, nameOf(m.menteeId)), ` — score ${m.score}`),
      h('ul', {}, m.reasons.map((r) => h('li', {}, r))),
      action(`Match ${nameOf(m.mentorId)} with ${nameOf(m.menteeId)}`, async () => {
        await gql('mutation Match($id: ID!, $mentorId: ID!, $menteeIds: [ID!]!) { matchMentoring(mentoringSchemeId: $id, mentorId: $mentorId, menteeIds: $menteeIds) { id } }',
          { id: found.id, mentorId: m.mentorId, menteeIds: [m.menteeId] });
        await view.go(location.pathname, { replace: true });
      })))) : h('p', { class: 'empty' }, 'No suggestions: everyone enrolled is matched, or mentors or mentees are missing.'),
    data.schemeDiversity.length ? barChart('Participants per diversity aim (fewer than 5 withheld)', data.schemeDiversity.map((d) => ({ label: d.aim, value: d.participants }))) : '');
}

function newScheme(view, networkId) {
  return h('details', {}, h('summary', {}, 'Define a mentoring scheme'), form({ 'aria-label': 'Define a mentoring scheme' }, [
    field('Name', h('input', { name: 'name', required: true })),
    field('Type', select('kind', [option('peer_group', 'Peer to peer'), option('co_mentoring_pair', 'Co-mentoring'), option('mentoring_circle', 'Mentoring circle'), option('one_to_one', 'One-to-one')])),
    field('Aims', h('textarea', { name: 'aims', rows: '2' })), field('Length in months', h('input', { name: 'months', type: 'number', min: '1', max: '60', value: '12' })),
    field('Who may take part', h('textarea', { name: 'eligibility', rows: '2' }), 'One criterion per line; applicants confirm they meet them.'),
    field('The mentoring agreement', h('textarea', { name: 'agreement', rows: '4' }), 'One commitment per line: it becomes each group’s contract.'),
    field('Screening questions', h('textarea', { name: 'screening', rows: '2' }), 'One question per line; applicants answer each.'),
  ], async (el) => {
    const v = values(el);
    await gql('mutation Scheme($input: MentoringSchemeInput!) { createMentoringScheme(input: $input) { id } }', { input: {
      networkId, name: v.name, kind: v.kind, aims: v.aims, months: Number(v.months), eligibility: lines(v.eligibility), agreement: v.agreement, screening: lines(v.screening) } });
    await view.go(location.pathname, { replace: true });
  }, 'Create scheme'));
}

export async function coordinator(view) {
  const id = view.params.networkId;
  const data = await gql(`query Coordination($id: ID!) { network(id: $id) { id name members(first: 100) { edges { node { id name } } } }
    networkPeerGroups(networkId: $id) { id name kind memberCount cadence { everyMonths lastMet state overdue } }
    mentoringSchemes(networkId: $id) { id name kind aims months }
    programmeEvaluations(networkId: $id) { producedAt threshold groups respondentsByWave { months respondents } groupsBelowThreshold
      questions { key question months respondents suppressed mean comments } } }`, { id });
  const people = data.network.members.edges.map((e) => e.node);
  const nameOf = (memberId) => people.find((p) => p.id === memberId)?.name || 'A member';
  const schemes = [];
  for (const found of data.mentoringSchemes) schemes.push(await scheme(view, found, nameOf));
  view.main.append(title(`Coordination: ${data.network.name}`), h('p', { class: 'meta' }, 'Only counts and states are shown here: what groups say stays in the groups.'),
    await dashboard(id), cadence(data.networkPeerGroups), section('Mentoring schemes', h('p', {}, h('a', { href: `/networks/${id}/schemes` }, 'The schemes as members see them')), schemes.length ? schemes : h('p', { class: 'empty' }, 'No mentoring scheme yet.'), newScheme(view, id)),
    evaluation(data.programmeEvaluations));
}
