// Search as you type: hits with the server's highlights, facets to narrow by, and a spelling suggestion.
import { gql } from '../api.js';
import { append, checked, h, highlighted, replace, when, words } from '../dom.js';
import { circles } from '../session.js';
import { tags, title } from '../ui.js';

const SEARCH = `query Search($query: String!, $filters: SearchFilters, $after: String) {
  search(query: $query, filters: $filters, first: 20, after: $after) {
    totalCount suggestion hasNextPage endCursor
    hits { id kind title titleHtml snippet path practiceAreas authorName updatedAt }
    facets { field values { value count } }
  }
}`;
const FACETS = { kinds: 'Kind', practiceAreas: 'Practice area', networks: 'Network' };

function hit(found) {
  return h('li', { class: 'card' },
    h('p', { class: 'kind' }, words(found.kind)),
    h('h3', {}, h('a', { href: found.path }, highlighted(found.titleHtml))),
    found.snippet ? h('p', { class: 'snippet' }, highlighted(found.snippet)) : null,
    tags(found.practiceAreas),
    h('p', { class: 'meta' }, found.authorName ? `${found.authorName} · ` : '', when(found.updatedAt)));
}

function facetBox(facet, chosen, nameOf) {
  return h('fieldset', { class: 'facet' }, h('legend', {}, FACETS[facet.field]),
    facet.values.map((v) => h('label', { class: 'choice' },
      h('input', { type: 'checkbox', name: facet.field, value: v.value, checked: chosen.includes(v.value) }),
      ` ${nameOf(facet.field, v.value)} (${v.count})`)));
}

// The query and the chosen filters live in the address, so a search can be shared, reloaded and gone back to.
function address(query, chosen) {
  const params = new URLSearchParams(query ? { q: query } : {});
  for (const [key, values] of Object.entries(chosen)) for (const value of values) params.append(key, value);
  return params.size ? `/search?${params}` : '/search';
}

function fromAddress(params) {
  return Object.fromEntries(Object.keys(FACETS).map((key) => [key, params.getAll(key)]).filter(([, v]) => v.length));
}

function nothingFound(query) {
  return h('li', { class: 'empty-result' }, h('p', {}, `Nothing matches “${query}” in what you can read.`),
    h('ul', {}, h('li', {}, 'Try fewer or other words, or remove a filter.'),
      h('li', {}, 'Browse ', h('a', { href: '/harvests' }, 'harvests'), ' and ', h('a', { href: '/resources' }, 'resources'), '.'),
      h('li', {}, 'Peer groups’ words are found only by their members; ', h('a', { href: '/networks' }, 'join a network'), ' to read more.')));
}

export async function search(view) {
  const known = await circles();
  const nameOf = (field, value) => (field === 'networks' ? known.networks.find((n) => n.id === value)?.name || 'Another network' : field === 'kinds' ? words(value) : value);
  const input = h('input', { type: 'search', id: 'q', name: 'q', value: view.query.get('q') || '', autocomplete: 'off', 'aria-controls': 'results' });
  const facets = h('form', { class: 'facets', 'aria-label': 'Narrow the results' });
  const narrow = h('details', { class: 'narrow', open: matchMedia('(min-width: 37.5rem)').matches }, h('summary', {}, 'Filters'), facets);
  let wanted = fromAddress(view.query);
  const summary = h('p', { id: 'search-summary', role: 'status' });
  const results = h('ul', { class: 'cards', id: 'results', 'aria-label': 'Search results' });
  const more = h('button', { type: 'button', hidden: true }, 'Show more');
  let asked = 0;
  const filters = () => Object.fromEntries(Object.keys(FACETS).map((key) => [key, checked(facets, key)]).filter(([, v]) => v.length));
  // Typing replaces the address; a submitted search or a filter is a step the back button returns from.
  const run = async (after = null, step = false) => {
    const ticket = ++asked;
    const query = input.value.trim();
    const chosen = wanted || filters();
    wanted = null;
    if (!after) history[step ? 'pushState' : 'replaceState']({}, '', address(query, chosen));
    if (!query) { replace(summary); replace(results); replace(facets); more.hidden = true; return; }
    const { search: found } = await gql(SEARCH, { query, filters: chosen, after });
    if (ticket !== asked) return; // a newer keystroke's answer wins
    if (!after) replace(results);
    append(results, found.hits.length || after ? found.hits.map(hit) : [nothingFound(query)]);
    more.hidden = !found.hasNextPage;
    more.onclick = () => run(found.endCursor);
    const suggest = found.suggestion ? h('button', { type: 'button', class: 'link', on: { click: () => { input.value = found.suggestion; run(); } } }, found.suggestion) : null;
    replace(summary, `${found.totalCount} result${found.totalCount === 1 ? '' : 's'}`, suggest ? ['. Did you mean ', suggest, '?'] : '.');
    replace(facets, found.facets.filter((f) => FACETS[f.field] && f.values.length).map((f) => facetBox(f, chosen[f.field] || [], nameOf)));
  };
  let timer = 0;
  input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(() => run().catch(showError), 200); });
  facets.addEventListener('change', () => run(null, true).catch(showError));
  const showError = (error) => replace(summary, h('span', { class: 'error' }, error.message));
  view.main.append(title('Search'),
    h('form', { role: 'search', class: 'search', on: { submit: (e) => { e.preventDefault(); run(null, true).catch(showError); } } },
      h('label', { for: 'q' }, 'Search stories, resources, harvests, people and groups'), input),
    summary, h('div', { class: 'search-layout' }, narrow, h('div', {}, results, more)));
  if (input.value) await run().catch(showError);
}
