// The bell in the header: the unread count, kept current by the notificationUpdates subscription while one is
// signed in, and by the notifications page when things are read there. Pages may listen for new notifications.
import { gql, subscribe } from './api.js';
import { h } from './dom.js';

export const NOTIFICATION = 'id kind text path count read updatedAt';
const UPDATES = `subscription NotificationUpdates { notificationUpdates { unreadCount notification { ${NOTIFICATION} } } }`;

const count = h('span', { class: 'count', id: 'unread-count' }, '0');
const bell = h('a', { href: '/notifications', class: 'bell', id: 'bell' }, h('span', { 'aria-hidden': 'true' }, '🔔 '), count);
const listeners = new Set();
let stop = null;

export function showUnread(unread) {
  count.textContent = String(unread);
  bell.classList.toggle('unread', unread > 0);
  bell.setAttribute('aria-label', `Notifications: ${unread} unread`);
}

export function onNotification(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

async function refresh() {
  showUnread((await gql('query Unread { unreadNotificationCount }')).unreadNotificationCount);
}

// The header's bell for whoever is signed in (nothing for nobody); opens the live count once, ends it on sign-out.
export function bellFor(me) {
  if (!me) {
    stop?.();
    stop = null;
    delete bell.dataset.live;
    return null;
  }
  if (!stop) {
    showUnread(0);
    stop = subscribe(UPDATES, {}, ({ notificationUpdates: update }) => {
      showUnread(update.unreadCount);
      for (const listener of listeners) listener(update.notification);
    }, (state) => {
      // Counted again on each (re)connection: what arrived while the socket was down is in the count.
      if (state === 'live') refresh().then(() => { bell.dataset.live = 'true'; }).catch(() => null);
      else delete bell.dataset.live;
    });
  }
  return h('li', {}, bell);
}
