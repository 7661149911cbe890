// The learning feed: share a story from here, see what the wider community shares and why, and new items live.
import { gql, subscribe } from '../api.js';
import { ago, announce, avatar, h, replace, words } from '../dom.js';
import { action, links, section, tags, title } from '../ui.js';
import { storyComposer } from './stories.js';
import { welcome } from './welcome.js';

const ITEM = 'id kind title excerpt reason seen path practiceAreas authorName publishedAt commentCount reactionCount';
const FEED = `query Feed($after: String) {
  feed(first: 20, after: $after) { edges { node { ${ITEM} } } pageInfo { hasNextPage endCursor } }
}`;
const SUGGESTED = 'query GroupsLikeYours { groupsLikeYours(first: 5) { id name sharedPracticeAreas } }';
const SEEN_AFTER_MS = 1500;

// An item is seen once most of it has stayed on screen a moment; it then fades, with no button to press.
function seenWhenRead(li, item) {
  if (item.seen || !('IntersectionObserver' in window)) return;
  let timer = null;
  const observer = new IntersectionObserver(([entry]) => {
    clearTimeout(timer);
    if (!entry.isIntersecting || !li.isConnected) return;
    timer = setTimeout(() => {
      observer.disconnect();
      gql('mutation MarkSeen($id: ID!) { markSeen(itemId: $id) }', { id: item.id })
        .then(() => li.classList.add('seen'), () => null);
    }, SEEN_AFTER_MS);
  }, { threshold: 0.6 });
  observer.observe(li);
}

// After a card leaves by keyboard, focus goes to the next card's link (or the previous one's), never to the page top.
function focusNear(li) {
  const near = li.nextElementSibling || li.previousElementSibling;
  (near?.querySelector('h3 a') || document.querySelector('main h1'))?.focus();
}

function counted(count, one) {
  return `${count} ${one}${count === 1 ? '' : 's'}`;
}

// "3 comments · 5 reactions": only for what takes responses (the server answers null for other items).
function responses(item) {
  if (item.commentCount == null) return null;
  return h('p', { class: 'meta responses' }, counted(item.commentCount, 'comment'), ' · ', counted(item.reactionCount, 'reaction'));
}

function card(item, fresh = false) {
  const li = h('li', { class: `card${item.seen ? ' seen' : ''}${fresh ? ' fresh' : ''}` });
  const dismiss = action('Dismiss', async () => {
    await gql('mutation Dismiss($id: ID!) { dismiss(itemId: $id) }', { id: item.id });
    focusNear(li);
    li.remove();
    announce(`“${item.title}” dismissed.`);
  }, { class: 'secondary', 'aria-label': `Dismiss “${item.title}”` });
  seenWhenRead(li, item);
  return replace(li,
    h('div', { class: 'byline' }, avatar(item.authorName || item.title),
      h('p', { class: 'meta' }, item.authorName ? `${item.authorName} · ` : '', ago(item.publishedAt), ' · ', words(item.kind)),
      fresh ? h('span', { class: 'badge' }, 'New') : null),
    h('h3', {}, h('a', { href: item.path }, item.title)),
    h('p', { class: 'reason' }, item.reason),
    item.excerpt ? h('p', {}, item.excerpt) : null,
    tags(item.practiceAreas), responses(item),
    h('div', { class: 'row' }, dismiss));
}

async function loadPage(list, more, after) {
  const { feed } = await gql(FEED, { after });
  for (const edge of feed.edges) list.append(card(edge.node));
  more.hidden = !feed.pageInfo.hasNextPage;
  more.dataset.after = feed.pageInfo.endCursor || '';
  if (!list.children.length) {
    list.replaceWith(h('p', { class: 'empty', id: 'feed-empty' }, 'Nothing here yet. ',
      h('a', { href: '/networks' }, 'Find a network'), ' and a local group to join, or share a story above.'));
  }
}

// Items shared while the page is open wait in their own list above the feed: the feed itself keeps its order.
function justIn() {
  const list = h('ul', { class: 'cards', id: 'feed-just-in', 'aria-label': 'Just in' });
  const box = h('section', { 'aria-label': 'Just in', hidden: true }, h('h2', {}, 'Just in'), list);
  return { box, add: (item) => { box.hidden = false; list.prepend(card(item, true)); } };
}

export async function feed(view) {
  const list = h('ul', { class: 'cards', id: 'feed', 'aria-label': 'Feed items' });
  const more = action('Show more', () => loadPage(list, more, more.dataset.after), { hidden: true });
  const live = h('p', { class: 'live', id: 'feed-live' }, 'Connecting for live updates…');
  const fresh = justIn();
  view.main.append(title('Your learning feed'), await welcome() || '', await storyComposer(view), live, fresh.box, list, more);
  await loadPage(list, more, null);
  view.onLeave(subscribe(`subscription FeedItems { feedItems { ${ITEM} } }`, {}, ({ feedItems }) => {
    fresh.add(feedItems);
    announce(`New in your feed: ${feedItems.title}`);
  }, (state) => {
    live.textContent = state === 'live' ? 'Live: what is shared now appears under “Just in”.' : 'Reconnecting for live updates…';
  }));
  const { groupsLikeYours } = await gql(SUGGESTED).catch(() => ({ groupsLikeYours: [] }));
  if (groupsLikeYours.length) {
    view.main.append(section('Groups working on your themes', links(groupsLikeYours, (g) => `/local-groups/${g.id}`, (g) => g.name, '',
      (g) => h('span', { class: 'meta' }, ` — also on ${g.sharedPracticeAreas.join(', ')}`))));
  }
}
