// Your notifications, newest first, each linking to what it is about; one or all marked read; new ones arrive live.
import { gql } from '../api.js';
import { NOTIFICATION, onNotification, showUnread } from '../bell.js';
import { h, replace, when, words } from '../dom.js';
import { action, title } from '../ui.js';

const INBOX = `query Notifications($after: String) {
  notifications(first: 20, after: $after) { edges { node { ${NOTIFICATION} } } pageInfo { hasNextPage endCursor } }
}`;
const MARK = 'mutation MarkNotificationsRead($ids: [ID!], $all: Boolean! = false) { markNotificationsRead(ids: $ids, all: $all) }';

function markedRead(li) {
  li.classList.add('seen');
  li.querySelector('.unread-mark')?.remove();
  li.querySelector('.mark-read')?.remove();
}

function item(note) {
  const li = h('li', { class: `card notification${note.read ? ' seen' : ''}`, 'data-id': note.id });
  const read = async () => {
    if (li.classList.contains('seen')) return;
    showUnread((await gql(MARK, { ids: [note.id] })).markNotificationsRead);
    markedRead(li);
  };
  // Following the link reads it too; the app's own click handling navigates meanwhile.
  const link = h('a', { href: note.path, on: { click: () => { read().catch(() => null); } } }, note.text);
  return replace(li,
    h('p', { class: 'kind' }, words(note.kind), note.read ? null : h('span', { class: 'badge unread-mark' }, 'Unread')),
    h('h3', {}, link),
    h('p', { class: 'meta' }, when(note.updatedAt)),
    note.read ? null : h('div', { class: 'row' }, action('Mark read', read, { class: 'secondary mark-read', 'aria-label': `Mark read: “${note.text}”` })));
}

export async function notifications(view) {
  const list = h('ul', { class: 'cards', id: 'notifications', 'aria-label': 'Notifications' });
  const empty = h('p', { class: 'empty' }, 'Nothing yet: replies, reactions, mentions, meetings and invitations will show here.');
  const more = action('Show more', () => load(more.dataset.after), { hidden: true });
  const load = async (after) => {
    const { notifications: page } = await gql(INBOX, { after });
    for (const edge of page.edges) list.append(item(edge.node));
    more.hidden = !page.pageInfo.hasNextPage;
    more.dataset.after = page.pageInfo.endCursor || '';
    empty.hidden = list.children.length > 0;
  };
  const all = action('Mark all read', async () => {
    showUnread((await gql(MARK, { all: true })).markNotificationsRead);
    list.querySelectorAll('li').forEach(markedRead);
  }, { class: 'secondary' });
  view.main.append(title('Notifications'), h('p', {}, all, ' ', h('a', { href: '/profile#notification-preferences' }, 'Choose how each kind reaches you')), empty, list, more);
  await load(null);
  view.onLeave(onNotification((note) => {
    list.querySelector(`li[data-id="${CSS.escape(note.id)}"]`)?.remove();
    list.prepend(item(note));
    empty.hidden = true;
  }));
}
