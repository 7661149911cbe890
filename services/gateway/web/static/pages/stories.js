// Sharing a story with a chosen audience, a story's page, and one's own stories with hosts' citation requests.
import { gql } from '../api.js';
import { checkboxes, checked, field, h, replace, serverHtml, when, words } from '../dom.js';
import { audienceLabel, circles, session } from '../session.js';
import { action, confirming, form, links, option, section, select, tags, title, values } from '../ui.js';
import { conversation } from './conversation.js';
import { reportButton } from './moderation.js';

const KINDS = ['GOOD_NEWS', 'INCIDENT_OR_DILEMMA', 'LEARNING_JOURNEY', 'PRACTICE_REFLECTION'];
const CONFIDENTIAL = 'What is shared in a peer group stays in the peer group: only its members can read it. '
  + 'It never reaches the network, search or anyone’s feed unless you share it wider yourself.';

// The circles of one network one may write to, narrowest first, each with who will be able to read it.
function audiences(known, networkId) {
  const network = known.mine.find((n) => n.id === networkId);
  return [
    ...known.peerGroups.filter((g) => !g.networkId || g.networkId === networkId).map((g) => [`peer_group:${g.id}`,
      `My peer group ${g.name} — confidential`, CONFIDENTIAL]),
    ...known.localGroups.filter((g) => g.network.id === networkId).map((g) => [`local_group:${g.id}`,
      `My local group ${g.name}`, `Members of ${g.name} can read it and find it in search.`]),
    [`network:${networkId}`, `The whole network ${network?.name || ''}`, 'Every member of the network can read it; it may appear in their feeds.'],
    ['platform', 'Everyone on Practice Commons', 'Every signed-in member of every network can read it.'],
  ];
}

function audienceChoice(known, networkId, chosen) {
  return h('fieldset', { class: 'choices audience' }, h('legend', {}, 'Who can read it?'),
    audiences(known, networkId).map(([key, label, hint], i) => h('label', { class: 'choice' },
      h('input', { type: 'radio', name: 'audience', value: key, required: true, checked: chosen ? key === chosen : i === 0 }),
      h('span', {}, h('strong', {}, label), h('br'), h('span', { class: 'hint' }, hint)))));
}

function storyForm(view, known, areas) {
  const networkSelect = select('networkId', known.mine.map((n) => option(n.id, n.name)));
  const audienceBox = h('div', {}, audienceChoice(known, networkSelect.value, view.query.get('audience')));
  networkSelect.addEventListener('change', () => replace(audienceBox, audienceChoice(known, networkSelect.value)));
  return form({ 'aria-label': 'Share a story' }, [
    field('Network', networkSelect), audienceBox,
    h('p', { class: 'notice' }, h('strong', {}, 'Peer groups are confidential. '), CONFIDENTIAL),
    field('Kind of story', select('kind', KINDS.map((k) => option(k, words(k))))),
    field('Title', h('input', { name: 'title', required: true, maxlength: '200' })),
    field('Your story', h('textarea', { name: 'body', rows: '10', required: true }), 'Markdown: *emphasis*, lists and links work.'),
    checkboxes('Practice areas', 'area', areas),
    field('Tags', h('input', { name: 'tags' }), 'Separated by commas.'),
  ], async (el) => {
    const v = values(el);
    const story = { kind: v.kind, title: v.title, body: v.body, practiceAreas: checked(el, 'area'),
      tags: v.tags.split(',').map((t) => t.trim()).filter(Boolean) };
    const { writeStory } = await gql(`mutation Write($networkId: ID!, $audience: String!, $story: StoryInput!) {
      writeStory(networkId: $networkId, audience: $audience, story: $story) { id } }`, { networkId: v.networkId, audience: v.audience, story });
    await view.go(`/stories/${writeStory.id}`);
  }, 'Share story');
}

const JOIN_FIRST = () => h('p', {}, 'Join a network first: ', h('a', { href: '/networks' }, 'see networks'), '.');

export async function shareStory(view) {
  const known = await circles();
  if (!known.mine.length) {
    view.main.append(title('Share a story'), JOIN_FIRST());
    return;
  }
  const areas = (await gql('query Areas { practiceAreas }')).practiceAreas;
  view.main.append(title('Share a story'), storyForm(view, known, areas));
}

// The feed's own way to write: folded until asked for, the same form as the story page's.
export async function storyComposer(view) {
  const known = await circles();
  const composer = h('details', { class: 'composer' }, h('summary', {}, 'Write a story for your community'));
  if (!known.mine.length) return replace(composer, h('summary', {}, 'Write a story for your community'), JOIN_FIRST());
  composer.addEventListener('toggle', async () => {
    if (!composer.open || composer.querySelector('form')) return;
    const areas = (await gql('query Areas { practiceAreas }')).practiceAreas;
    composer.append(storyForm(view, known, areas));
    composer.querySelector('input, select, textarea')?.focus();
  });
  return composer;
}

const STORY = `query Story($id: ID!) { story(id: $id) {
  id kind title body html practiceAreas tags networkId writtenIn audience withdrawn hidden createdAt updatedAt
  author { id name } revisions { number }
} }`;

function editor(view, story) {
  return form({ 'aria-label': 'Story changes' }, [
    field('Title', h('input', { name: 'title', required: true, maxlength: '200', value: story.title })),
    field('Your story', h('textarea', { name: 'body', rows: '10', required: true }, story.body), 'Markdown: *emphasis*, lists and links work.'),
  ], async (el) => {
    const change = values(el);
    await gql('mutation Edit($id: ID!, $change: StoryChange!) { editStory(id: $id, change: $change) { id } }', { id: story.id, change });
    await view.go(`/stories/${story.id}`, { replace: true });
  }, 'Save changes');
}

function authorTools(view, story, known) {
  if (story.withdrawn) return '';
  const reachable = audiences(known, story.networkId).filter(([key]) => !story.audience.includes(key));
  const share = reachable.length ? form({ 'aria-label': 'Share with one more circle' }, [h('fieldset', { class: 'choices audience' }, h('legend', {}, 'Share with one more circle'),
    reachable.map(([key, label, hint], i) => h('label', { class: 'choice' }, h('input', { type: 'radio', name: 'audience', value: key, checked: i === 0 }),
      h('span', {}, h('strong', {}, label), h('br'), h('span', { class: 'hint' }, hint)))))], async (el) => {
    await gql('mutation Share($id: ID!, $audience: String!) { shareStory(id: $id, audience: $audience) { id } }', { id: story.id, audience: values(el).audience });
    await view.go(`/stories/${story.id}`, { replace: true });
  }, 'Share') : '';
  const withdraw = action('Withdraw this story everywhere', confirming(
    `Withdraw “${story.title}”? Nobody but you will be able to read it, and search and feeds drop it.`, async () => {
      await gql('mutation Withdraw($id: ID!) { withdrawStory(id: $id) { id } }', { id: story.id });
      await view.go(`/stories/${story.id}`, { replace: true });
    }), { class: 'danger' });
  return h('div', {}, h('details', {}, h('summary', {}, 'Edit your story'), editor(view, story)),
    h('details', {}, h('summary', {}, 'Share wider or withdraw'), share, withdraw));
}

export async function story(view) {
  const [{ story: found }, known] = await Promise.all([gql(STORY, { id: view.params.id }), circles()]);
  const confidential = found.audience.length && found.audience.every((key) => key.startsWith('peer_group:'));
  view.main.append(
    h('article', { 'aria-labelledby': 'story-title' },
      h('p', { class: 'kind' }, words(found.kind)),
      title(found.title), h('p', { class: 'meta' }, h('a', { href: `/members/${found.author.id}` }, found.author.name), ' · ', when(found.createdAt),
        found.revisions.length ? ` · edited ${found.revisions.length}×` : ''),
      found.withdrawn ? h('p', { class: 'notice' }, 'Withdrawn: only you can read it now; search and feeds have dropped it.') : '',
      found.hidden ? h('p', { class: 'notice' }, 'Hidden by a reviewer: only you can read it now; search and feeds have dropped it.') : '',
      confidential ? h('p', { class: 'notice' }, h('strong', {}, 'Confidential. '), CONFIDENTIAL) : '',
      h('p', { class: 'meta' }, 'Who can read it: ', (!found.withdrawn && found.audience.map((key) => audienceLabel(key, known)).join('; ')) || 'only you'),
      serverHtml(found.html), tags(found.practiceAreas), tags(found.tags, 'Tags')),
    found.author.id === session.me.id ? authorTools(view, found, known) : reportButton('STORY', found.id, { inPeerGroup: confidential }),
    await conversation({ storyId: found.id }, { inPeerGroup: confidential }));
  view.main.querySelector('h1').id = 'story-title';
}

export async function myStories(view) {
  const data = await gql(`query Mine { myStories(first: 50) { edges { node { id title withdrawn audience } } }
    myCitationRequests { id status storyId harvestTitle gathering askedBy askedAt citingItems } }`);
  const requests = data.myCitationRequests.filter((r) => r.status === 'pending');
  view.main.append(title('Your stories'), h('p', {}, h('a', { class: 'button', href: '/stories/new' }, 'Share a story')),
    links(data.myStories.edges.map((e) => e.node), (s) => `/stories/${s.id}`, (s) => s.title, 'You have not shared a story yet.',
      (s) => (s.withdrawn ? h('span', { class: 'meta' }, ' (withdrawn)') : null)),
    section('Hosts asking to cite your confidential stories', requests.length ? h('ul', { class: 'cards' }, requests.map((r) => citation(r))) : h('p', { class: 'empty' }, 'No requests waiting.')));
}

function citation(request) {
  const li = h('li', { class: 'card' });
  const answer = (consent) => action(consent ? 'Consent' : 'Refuse', async () => {
    await gql('mutation Answer($id: ID!, $consent: Boolean!) { answerCitationRequest(id: $id, consent: $consent) { status } }', { id: request.id, consent });
    replace(li, h('p', { role: 'status' }, consent ? `You consented to “${request.harvestTitle}” citing your story.` : 'You refused; the harvest will not show your story.'));
  }, { 'aria-label': `${consent ? 'Consent to' : 'Refuse'} “${request.harvestTitle}” citing your story`, class: consent ? '' : 'secondary' });
  return replace(li, h('h3', {}, request.harvestTitle), h('p', { class: 'meta' }, `${words(request.gathering)} · asked by ${request.askedBy} · `, when(request.askedAt)),
    h('p', {}, 'It would cite ', h('a', { href: `/stories/${request.storyId}` }, 'your story'), ' where it says:'),
    h('ul', {}, request.citingItems.map((text) => h('li', {}, text))), h('div', { class: 'row' }, answer(true), answer(false)));
}
