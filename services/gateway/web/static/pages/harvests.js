// Harvests: the host's editor (sections, citations with each confidential story's consent, publish) and reading one.
import { gql } from '../api.js';
import { checkboxes, checked, field, h, serverHtml, when, words } from '../dom.js';
import { circles } from '../session.js';
import { action, confirming, form, links, option, section, select, tags, title, values } from '../ui.js';
import { conversation } from './conversation.js';
import { titleAndSummary } from './harvest_editing.js';
import { reportButton } from './moderation.js';

const GATHERINGS = ['WORLD_CAFE', 'OPEN_SPACE', 'STORYTELLING_CIRCLE', 'DIALOGUE', 'APPRECIATIVE_INQUIRY', 'ALUMNI_MEETING',
  'PEER_GROUP_ROUND', 'PROGRAMME'];
const SECTIONS = ['INSIGHTS', 'PATTERNS', 'OPEN_QUESTIONS', 'ACTIONS'];
const CONSENT = { pending: 'Consent pending: hidden until its author agrees', given: 'Author consented', refused: 'Author refused: not shown' };
const HARVEST = `query Harvest($id: ID!) { harvest(id: $id) {
  id title gathering gatheringId heldOn summary summaryHtml practiceAreas status networkId audience harvestedBy publishedAt
  items { id section position text ownerName dueOn doneAt stories { visible id title authorName consent } resources { id title } }
} }`;

export async function harvests(view) {
  const known = await circles();
  const networkId = view.query.get('network');
  const { harvests: found } = await gql('query Harvests($networkId: ID) { harvests(networkId: $networkId, first: 50) { edges { node { id title status gathering publishedAt } } } }', { networkId });
  const start = form({ 'aria-label': 'Start a harvest' }, [
    field('Network', select('networkId', known.mine.map((n) => option(n.id, n.name, n.id === networkId)))),
    field('Title', h('input', { name: 'title', required: true })),
    field('Gathering', select('gathering', GATHERINGS.map((g) => option(g, words(g))))),
    field('Held on', h('input', { name: 'heldOn', type: 'date' })),
    field('Summary', h('textarea', { name: 'summary', rows: '3' })),
  ], async (el) => {
    const v = values(el);
    const harvest = { title: v.title, gathering: v.gathering, heldOn: v.heldOn || null, summary: v.summary };
    const { createHarvest } = await gql('mutation Start($networkId: ID!, $harvest: HarvestInput!) { createHarvest(networkId: $networkId, harvest: $harvest) { id } }',
      { networkId: v.networkId, harvest });
    await view.go(`/harvests/${createHarvest.id}`);
  }, 'Start harvest');
  view.main.append(title('Harvests'),
    links(found.edges.map((e) => e.node), (x) => `/harvests/${x.id}`, (x) => x.title, 'No harvests yet.',
      (x) => h('span', { class: 'meta' }, ` — ${words(x.gathering)}, ${x.status === 'draft' ? 'draft' : 'published'}`)),
    known.mine.length ? h('details', {}, h('summary', {}, 'Hosts: start a harvest of a gathering'), start) : '');
}

// Consent is the editors' business: readers see what is cited, editors also where each consent stands.
function citedStory(story, editing) {
  const status = story.consent ? h('span', { class: `consent ${story.consent}` }, CONSENT[story.consent]) : h('span', { class: 'consent given' }, 'Shared: no consent needed');
  const name = story.visible ? h('a', { href: `/stories/${story.id}` }, story.title) : h('span', {}, 'A confidential story');
  return h('li', {}, 'Story: ', name, story.authorName ? ` by ${story.authorName}` : '', editing ? [' — ', status] : '');
}

function owned(entry) {
  if (!entry.ownerName) return '';
  return h('p', { class: 'meta' }, `Owner: ${entry.ownerName}`, entry.dueOn ? `, due ${entry.dueOn}` : '', entry.doneAt ? ' · done' : '');
}

function item(entry, remove) {
  return h('li', { class: 'card' }, h('p', { class: 'pre' }, entry.text), owned(entry),
    entry.stories.length || entry.resources.length ? h('ul', { class: 'citations', 'aria-label': 'Cites' },
      entry.stories.map((story) => citedStory(story, Boolean(remove))), entry.resources.map((r) => h('li', {}, 'Resource: ', h('a', { href: `/resources/${r.id}` }, r.title)))) : '',
    remove ? remove(entry) : '');
}

async function members(networkId) {
  const { network } = await gql('query Owners($id: ID!) { network(id: $id) { members(first: 100) { edges { node { id name } } } } }', { id: networkId });
  return network.members.edges.map((e) => e.node);
}

async function itemForm(view, harvest, sectionName) {
  const data = await gql(`query Citable($networkId: ID!) { stories(networkId: $networkId, first: 50) { edges { node { id title author { name } } } }
    resources(networkId: $networkId, first: 50) { edges { node { id title } } } }`, { networkId: harvest.networkId });
  const stories = data.stories.edges.map((e) => e.node);
  const resources = data.resources.edges.map((e) => e.node);
  const titleOf = (list) => (id) => { const x = list.find((s) => s.id === id); return x.author ? `${x.title} — ${x.author.name}` : x.title; };
  const owners = sectionName === 'ACTIONS' ? await members(harvest.networkId) : null;
  return form({ 'aria-label': `Add to ${words(sectionName)}` }, [
    field(`New item for ${words(sectionName)}`, h('textarea', { name: 'text', rows: '3', required: true })),
    stories.length ? checkboxes('Cite stories', 'story', stories.map((s) => s.id), [], titleOf(stories)) : '',
    resources.length ? checkboxes('Cite resources', 'resource', resources.map((r) => r.id), [], titleOf(resources)) : '',
    owners ? field('Owner', select('ownerId', [option('', 'Nobody yet'), ...owners.map((m) => option(m.id, m.name))]), 'Followed up at the next gathering.') : '',
    owners ? field('Due on', h('input', { name: 'dueOn', type: 'date' })) : '',
  ], async (el) => {
    const v = values(el);
    await gql(`mutation AddItem($harvestId: ID!, $section: HarvestSection!, $text: String!, $storyIds: [ID!], $resourceIds: [ID!], $ownerId: ID, $dueOn: Date) {
      addHarvestItem(harvestId: $harvestId, section: $section, text: $text, storyIds: $storyIds, resourceIds: $resourceIds, ownerId: $ownerId, dueOn: $dueOn) { id } }`,
    { harvestId: harvest.id, section: sectionName, text: v.text, storyIds: checked(el, 'story'), resourceIds: checked(el, 'resource'),
      ownerId: v.ownerId || null, dueOn: v.dueOn || null });
    await view.go(`/harvests/${harvest.id}#${sectionName}`, { replace: true });
  }, 'Add item');
}

async function editor(view, harvest) {
  const remove = (entry) => action('Remove', confirming('Remove this item from the harvest?', async () => {
    await gql('mutation Remove($harvestId: ID!, $itemId: ID!) { removeHarvestItem(harvestId: $harvestId, harvestItemId: $itemId) { id } }', { harvestId: harvest.id, itemId: entry.id });
    await view.go(`/harvests/${harvest.id}`, { replace: true });
  }), { class: 'secondary', 'aria-label': 'Remove this item' });
  const pending = harvest.items.flatMap((i) => i.stories).filter((s) => s.consent === 'pending').length;
  const publish = action('Publish harvest', confirming(`Publish “${harvest.title}” to the network and every network connected to it?`, async () => {
    await gql('mutation Publish($id: ID!) { publishHarvest(id: $id) { id status } }', { id: harvest.id });
    await view.go(`/harvests/${harvest.id}`, { replace: true });
  }));
  const parts = [];
  for (const name of SECTIONS) {
    parts.push(h('section', { id: name, 'aria-label': words(name) }, h('h2', {}, words(name)),
      h('ul', { class: 'cards' }, harvest.items.filter((i) => i.section === name).map((i) => item(i, remove))),
      h('details', {}, h('summary', {}, `Add to ${words(name)}`), await itemForm(view, harvest, name))));
  }
  return [h('p', { class: 'notice' }, 'Draft: only the network’s hosts see it. Confidential stories you cite ask their authors for consent; ',
    'until they agree the harvest shows no trace of them.', pending ? ` ${pending} consent${pending === 1 ? '' : 's'} pending.` : ''),
  ...parts, section('Publish', h('p', {}, 'Publishing shares it with the network and every network connected to it.'), publish)];
}

export async function harvest(view) {
  const { harvest: found } = await gql(HARVEST, { id: view.params.id });
  const header = [h('p', { class: 'kind' }, `Harvest of a ${words(found.gathering).toLowerCase()}`), title(found.title),
    h('p', { class: 'meta' }, `By ${found.harvestedBy}`, found.gatheringId ? [' · ', h('a', { href: `/gatherings/${found.gatheringId}` }, 'the gathering')] : '',
      found.heldOn ? ` · held on ${found.heldOn}` : '', found.publishedAt ? [' · published ', when(found.publishedAt)] : ''),
    found.summary ? serverHtml(found.summaryHtml, { class: 'prose lead' }) : '', tags(found.practiceAreas)];
  if (found.status === 'draft') {
    view.main.append(...header, await titleAndSummary(view, found), ...(await editor(view, found)));
    return;
  }
  view.main.append(...header, await titleAndSummary(view, found), ...SECTIONS.map((name) => {
    const entries = found.items.filter((i) => i.section === name);
    return entries.length ? section(words(name), h('ul', { class: 'cards' }, entries.map((i) => item(i)))) : '';
  }), reportButton('HARVEST', found.id), await conversation({ harvestId: found.id }));
}
