// The networks' shelves of resources: adding one, and a resource's page with ratings, contributions and comments.
import { gql } from '../api.js';
import { checkboxes, checked, field, h, replace, when, words } from '../dom.js';
import { circles, session } from '../session.js';
import { action, form, links, option, section, select, tags, title, values } from '../ui.js';
import { conversation } from './conversation.js';
import { reportButton } from './moderation.js';

const KINDS = ['BOOK', 'ARTICLE', 'TOOL', 'PROGRAMME', 'LINK'];

export async function resources(view) {
  const known = await circles();
  const [{ resources: shelf }, { practiceAreas }] = await Promise.all([
    gql('query Shelf { resources(first: 50) { totalCount edges { node { id title kind practiceAreas } } } }'),
    gql('query Areas { practiceAreas }'),
  ]);
  const add = form({ 'aria-label': 'Add a resource' }, [
    field('Network', select('networkId', known.mine.map((n) => option(n.id, n.name)))),
    field('Kind', select('kind', KINDS.map((k) => option(k, words(k))))),
    field('Title', h('input', { name: 'title', required: true })),
    field('Link', h('input', { name: 'url', type: 'url' }), 'Optional; http or https.'),
    field('Authors', h('input', { name: 'authors' }), 'Separated by commas.'),
    field('Year', h('input', { name: 'year', type: 'number', min: '1800', max: '2100' })),
    field('Description', h('textarea', { name: 'description', rows: '3' })),
    checkboxes('Practice areas', 'area', practiceAreas),
    h('label', { class: 'choice' }, h('input', { type: 'checkbox', name: 'platformWide', value: 'yes' }), ' Share with everyone on Practice Commons, not only the network'),
  ], async (el) => {
    const v = values(el);
    const resource = { kind: v.kind, title: v.title, url: v.url || null, authors: v.authors.split(',').map((a) => a.trim()).filter(Boolean),
      year: v.year ? Number(v.year) : null, description: v.description, practiceAreas: checked(el, 'area') };
    const { addResource } = await gql(`mutation Add($networkId: ID!, $resource: ResourceInput!, $platformWide: Boolean!) {
      addResource(networkId: $networkId, resource: $resource, platformWide: $platformWide) { merged resource { id } } }`,
    { networkId: v.networkId, resource, platformWide: v.platformWide === 'yes' });
    await view.go(`/resources/${addResource.resource.id}${addResource.merged ? '?merged=1' : ''}`);
  }, 'Add resource');
  view.main.append(title('Resources'),
    links(shelf.edges.map((e) => e.node), (r) => `/resources/${r.id}`, (r) => `${r.title} (${words(r.kind)})`, 'No resources yet.', (r) => tags(r.practiceAreas)),
    known.mine.length ? h('details', {}, h('summary', {}, 'Add a resource'), add) : '');
}

const RESOURCE = `query Resource($id: ID!) { resource(id: $id) {
  id kind title url authors year description practiceAreas addedBy { name }
  ratings { average count mine } contributions { id kind text createdAt author { id name } }
} }`;

function stars(resource) {
  const box = h('div', { class: 'rating', role: 'group', 'aria-label': 'Your rating' });
  const draw = (ratings) => replace(box, h('p', { class: 'meta' }, ratings.count ? `Rated ${ratings.average.toFixed(1)} of 5 by ${ratings.count}` : 'Not rated yet'),
    [1, 2, 3, 4, 5].map((n) => action(`${n}★`, async () => {
      const { rateResource } = await gql('mutation Rate($id: ID!, $stars: Int!) { rateResource(resourceId: $id, stars: $stars) { ratings { average count mine } } }', { id: resource.id, stars: n });
      draw(rateResource.ratings);
    }, { 'aria-label': `Rate ${n} of 5`, 'aria-pressed': String(ratings.mine === n), class: 'reaction' })));
  draw(resource.ratings);
  return box;
}

function contributions(resource) {
  const item = (c) => h('li', { class: 'comment' }, h('p', { class: 'meta' }, `${words(c.kind)} · signed ${c.author.name} · `, when(c.createdAt)), h('p', { class: 'pre' }, c.text),
    c.author.id === session.me.id ? '' : reportButton('CONTRIBUTION', c.id));
  const list = h('ul', { class: 'comments' }, resource.contributions.map(item));
  const add = form({ 'aria-label': 'Add your experience or finding' }, [
    field('Kind', select('kind', [option('EXPERIENCE', 'My experience with it'), option('EVALUATION_FINDING', 'An evaluation finding')])),
    field('What you found', h('textarea', { name: 'text', rows: '3', required: true })),
  ], async (el) => {
    const v = values(el);
    const { contributeToResource } = await gql(`mutation Contribute($id: ID!, $kind: ContributionKind!, $text: String!) {
      contributeToResource(resourceId: $id, kind: $kind, text: $text) { id kind text createdAt author { id name } } }`, { id: resource.id, ...v });
    list.append(item(contributeToResource));
    el.reset();
    return 'Thank you: it is signed with your name.';
  }, 'Add');
  return section('Experiences and evaluation findings', list, add);
}

export async function resource(view) {
  const { resource: found } = await gql(RESOURCE, { id: view.params.id });
  view.main.append(h('p', { class: 'kind' }, words(found.kind)), title(found.title),
    view.query.get('merged') ? h('p', { class: 'notice' }, 'It was on the shelf already: your addition was merged into it.') : '',
    h('p', { class: 'meta' }, [found.authors.join(', '), found.year].filter(Boolean).join(' · '), found.authors.length || found.year ? ' · ' : '', `added by ${found.addedBy.name}`),
    /^https?:\/\//i.test(found.url || "") ? h("p", {}, h("a", { href: found.url, rel: 'noopener noreferrer nofollow', target: '_blank' }, 'Open the resource', h('span', { class: 'visually-hidden' }, ' (opens in a new tab)'))) : '',
    found.description ? h('p', { class: 'pre' }, found.description) : '', tags(found.practiceAreas),
    stars(found), contributions(found), await conversation({ resourceId: found.id }));
}
