// The learning feed: what the wider community shares, why each item is here, and new items as they arrive.
import { gql, subscribe } from '../api.js';
import { announce, h, replace, when, words } from '../dom.js';
import { action, links, section, tags, title } from '../ui.js';

const ITEM = 'id kind title excerpt reason seen path practiceAreas authorName publishedAt';
const FEED = `query Feed($after: String) {
  feed(first: 20, after: $after) { edges { node { ${ITEM} } } pageInfo { hasNextPage endCursor } }
}`;
const SUGGESTED = 'query GroupsLikeYours { groupsLikeYours(first: 5) { id name sharedPracticeAreas } }';

function card(item, fresh = false) {
  const li = h('li', { class: `card${item.seen ? ' seen' : ''}${fresh ? ' fresh' : ''}` });
  const mark = action('Mark seen', async () => {
    await gql('mutation MarkSeen($id: ID!) { markSeen(itemId: $id) }', { id: item.id });
    li.classList.add('seen');
    mark.remove();
  }, { 'aria-label': `Mark “${item.title}” seen` });
  const dismiss = action('Dismiss', async () => {
    await gql('mutation Dismiss($id: ID!) { dismiss(itemId: $id) }', { id: item.id });
    li.remove();
    announce(`“${item.title}” dismissed.`);
  }, { class: 'secondary', 'aria-label': `Dismiss “${item.title}”` });
  return replace(li,
    h('p', { class: 'kind' }, words(item.kind), fresh ? h('span', { class: 'badge' }, 'New') : null),
    h('h3', {}, h('a', { href: item.path }, item.title)),
    h('p', { class: 'reason' }, item.reason),
    item.excerpt ? h('p', {}, item.excerpt) : null,
    tags(item.practiceAreas),
    h('p', { class: 'meta' }, item.authorName ? `${item.authorName} · ` : '', when(item.publishedAt)),
    h('div', { class: 'row' }, item.seen ? null : mark, dismiss));
}

async function loadPage(list, more, after) {
  const { feed } = await gql(FEED, { after });
  for (const edge of feed.edges) list.append(card(edge.node));
  more.hidden = !feed.pageInfo.hasNextPage;
  more.dataset.after = feed.pageInfo.endCursor || '';
  if (!list.children.length) list.replaceWith(h('p', { class: 'empty', id: 'feed-empty' }, 'Nothing here yet: join a network and a local group, or share a story.'));
}

export async function feed(view) {
  const list = h('ul', { class: 'cards', id: 'feed', 'aria-label': 'Feed items' });
  const more = action('Show more', () => loadPage(list, more, more.dataset.after), { hidden: true });
  const live = h('p', { class: 'live', id: 'feed-live' }, 'Connecting for live updates…');
  view.main.append(title('Your learning feed'), live, list, more);
  await loadPage(list, more, null);
  view.onLeave(subscribe(`subscription FeedItems { feedItems { ${ITEM} } }`, {}, ({ feedItems }) => {
    document.getElementById('feed-empty')?.replaceWith(list);
    list.prepend(card(feedItems, true));
    announce(`New in your feed: ${feedItems.title}`);
  }, (state) => {
    live.textContent = state === 'live' ? 'Live: new items appear at the top.' : 'Reconnecting for live updates…';
  }));
  const { groupsLikeYours } = await gql(SUGGESTED).catch(() => ({ groupsLikeYours: [] }));
  if (groupsLikeYours.length) {
    view.main.append(section('Groups working on your themes', links(groupsLikeYours, (g) => `/local-groups/${g.id}`, (g) => g.name, '',
      (g) => h('span', { class: 'meta' }, ` — also on ${g.sharedPracticeAreas.join(', ')}`))));
  }
}
