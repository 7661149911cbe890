// Mentoring schemes as members see them (seed 004): a network's schemes, applying with the screening questions,
// mentors' offers and mentees' choices, the mentor's answer, and ending a relationship early without blame.
import { gql } from '../api.js';
import { field, h, words } from '../dom.js';
import { session } from '../session.js';
import { action, form, option, section, select, title, values } from '../ui.js';

const DETAILS = 'id networkId name aims eligibility kind months agreement screening';
const STATES = { pending: 'waiting for a coordinator', approved: 'approved: you are enrolled', declined: 'declined' };
const list = (text) => (text || '').split(',').map((item) => item.trim()).filter(Boolean);

function about(scheme) {
  const agreement = scheme.agreement.split('\n').map((line) => line.trim()).filter(Boolean);
  return [h('p', { class: 'meta' }, `${words(scheme.kind)} · ${scheme.months} months`), scheme.aims ? h('p', {}, scheme.aims) : '',
    scheme.eligibility.length ? [h('h3', {}, 'Who may take part'), h('ul', {}, scheme.eligibility.map((line) => h('li', {}, line)))] : '',
    agreement.length ? [h('h3', {}, 'The mentoring agreement'), h('ol', {}, agreement.map((line) => h('li', {}, line)))] : ''];
}

export async function schemes(view) {
  const { network, mentoringSchemes } = await gql(`query Schemes($id: ID!) { network(id: $id) { name } mentoringSchemes(networkId: $id) { ${DETAILS} } }`, { id: view.params.networkId });
  view.main.append(title(`Mentoring schemes: ${network.name}`), mentoringSchemes.length
    ? h('ul', { class: 'cards' }, mentoringSchemes.map((s) => h('li', { class: 'card' }, h('h2', {}, h('a', { href: `/networks/${s.networkId}/schemes/${s.id}` }, s.name)), about(s))))
    : h('p', { class: 'empty' }, 'No mentoring scheme in this network yet.'));
}

function applyForm(view, scheme) {
  return form({ 'aria-label': 'Apply to this scheme' }, [
    field('I apply as', select('role', [option('mentee', 'Mentee'), option('mentor', 'Mentor')])),
    field('My goals', h('textarea', { name: 'goals', rows: '2' })),
    field('Practice areas', h('input', { name: 'areas' }), 'Separated by commas.'),
    field('When I am available', h('input', { name: 'times' }), 'Separated by commas, e.g. weekday evenings.'),
    field('How I identify (optional)', h('input', { name: 'identity' }), 'Seen only by the coordinators, counted in aggregates for the scheme’s diversity aims.'),
    scheme.screening.map((question, i) => field(question, h('textarea', { name: `answer${i}`, rows: '2', required: true }))),
    scheme.eligibility.length ? h('label', { class: 'choice' }, h('input', { type: 'checkbox', name: 'eligible', value: 'yes' }), ' I meet who may take part, above') : '',
  ], async (el) => {
    const v = values(el);
    await gql(`mutation Apply($id: ID!, $input: EnrolmentInput!, $answers: [String!], $eligible: Boolean!) {
      applyToScheme(mentoringSchemeId: $id, input: $input, answers: $answers, meetsEligibility: $eligible) { id } }`, {
      id: scheme.id, eligible: v.eligible === 'yes', answers: scheme.screening.map((_, i) => v[`answer${i}`]),
      input: { role: v.role, goals: v.goals, practiceAreas: list(v.areas), availability: list(v.times), socialIdentity: list(v.identity) } });
    await view.go(location.pathname, { replace: true });
  }, 'Apply');
}

const reload = (view) => () => view.go(location.pathname, { replace: true });

function relationship(choice) {
  if (choice.state !== 'accepted' || !choice.peerGroupId) return '';
  return [' ', h('a', { href: `/peer-groups/${choice.peerGroupId}` }, 'Your group (where it may also end early, without blame)')];
}

function mentorPart(view, scheme, data, nameOf) {
  const mine = data.mentoringOffers.filter((o) => o.mentorId === session.me.id).map((o) => o.id);
  const choices = data.mentoringChoices.filter((c) => mine.includes(c.offerId));
  const answer = (choice, accept) => action(`${accept ? 'Accept' : 'Decline'} ${nameOf(choice.menteeId)}`, async () => {
    await gql('mutation Answer($id: ID!, $accept: Boolean!) { answerMentoringChoice(choiceId: $id, accept: $accept) { state } }', { id: choice.id, accept });
    await reload(view)();
  });
  return [section('Mentees who chose your offers', choices.length ? h('ul', { class: 'links' }, choices.map((c) => h('li', {}, h('strong', {}, nameOf(c.menteeId)), ` — ${c.state} `,
    c.state === 'pending' ? [answer(c, true), ' ', answer(c, false)] : relationship(c)))) : h('p', { class: 'empty' }, 'No one has chosen your offers yet.')),
  section('Post an offer', form({ 'aria-label': 'Post an offer' }, [field('What you can offer', h('textarea', { name: 'text', rows: '3', required: true })),
    field('How many mentees', h('input', { name: 'capacity', type: 'number', min: '1', value: '1' }))], async (el) => {
    const v = values(el);
    await gql('mutation Offer($id: ID!, $text: String!, $capacity: Int!) { postMentoringOffer(mentoringSchemeId: $id, text: $text, capacity: $capacity) { id } }',
      { id: scheme.id, text: v.text, capacity: Number(v.capacity || 1) });
    await reload(view)();
  }, 'Post offer'))];
}

function menteePart(view, data, nameOf) {
  const mine = data.mentoringChoices.filter((c) => c.menteeId === session.me.id);
  const offerOf = (id) => data.mentoringOffers.find((o) => o.id === id);
  const choose = (offer) => action(`Choose ${nameOf(offer.mentorId)}’s offer`, async () => {
    await gql('mutation Choose($id: ID!) { chooseMentoringOffer(mentoringOfferId: $id) { state } }', { id: offer.id });
    await reload(view)();
  });
  return [section('Your choices', mine.length ? h('ul', { class: 'links' }, mine.map((c) => h('li', {}, `${nameOf(offerOf(c.offerId)?.mentorId)}’s offer — ${c.state}`, relationship(c))))
    : h('p', { class: 'empty' }, 'You have not chosen an offer yet.')),
  section('Mentors’ offers', data.mentoringOffers.length ? h('ul', { class: 'cards' }, data.mentoringOffers.map((o) => h('li', { class: 'card' },
    h('p', {}, h('strong', {}, nameOf(o.mentorId))), h('p', {}, o.text), h('p', { class: 'meta' }, `${o.taken} of ${o.capacity} places taken`), o.taken < o.capacity ? choose(o) : '')))
    : h('p', { class: 'empty' }, 'No mentor has posted an offer yet.'))];
}

export async function scheme(view) {
  const data = await gql(`query Scheme($id: ID!) { mentoringScheme(id: $id) { ${DETAILS} } mySchemeApplications { mentoringSchemeId role state reason }
    mentoringOffers(mentoringSchemeId: $id) { id mentorId text capacity taken } mentoringChoices(mentoringSchemeId: $id) { id offerId menteeId state peerGroupId } }`, { id: view.params.id });
  const found = data.mentoringScheme;
  const mine = data.mySchemeApplications.find((a) => a.mentoringSchemeId === found.id);
  view.main.append(title(found.name), h('div', {}, about(found)), section('Your place', mine
    ? h('p', { role: 'status' }, `You applied as a ${mine.role}: ${STATES[mine.state]}.`, mine.reason ? ` The coordinator says: “${mine.reason}”` : '')
    : applyForm(view, found)));
  if (mine?.state !== 'approved') return;
  const { network } = await gql('query People($id: ID!) { network(id: $id) { members(first: 100) { edges { node { id name } } } } }', { id: found.networkId });
  const nameOf = (id) => network.members.edges.find((e) => e.node.id === id)?.node.name || 'A member';
  view.main.append(...(mine.role === 'mentor' ? mentorPart(view, found, data, nameOf) : menteePart(view, data, nameOf)));
}
