// The shell: routes client-side paths to pages, keeps the navigation current and moves focus on each page.
import { gql } from './api.js';
import { bellFor } from './bell.js';
import { h, replace } from './dom.js';
import { forget, loadMe, session } from './session.js';
import { problem } from './ui.js';
import { ROUTES } from './routes.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const menu = document.getElementById('menu');
const find = document.getElementById('find');
let cleanups = [];

function match(path) {
  for (const [pattern, page, open] of ROUTES) {
    const names = [];
    const regex = new RegExp(`^${pattern.replace(/:(\w+)/g, (_, name) => { names.push(name); return '([^/]+)'; })}/?$`);
    const found = path.match(regex);
    if (found) return { page, open, params: Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(found[i + 1])])) };
  }
  return null;
}

function navLinks() {
  const here = location.pathname;
  const hrefs = ['/feed', '/search', '/stories/new', '/networks', '/peer-groups', '/harvests', '/resources', '/stories', '/profile'];
  // The current section: the link naming this very page, else the one whose path it lies under.
  const current = hrefs.includes(here) ? here : hrefs.find((href) => here.startsWith(`${href}/`));
  const link = (href, text) => h('li', {}, h('a', { href, 'aria-current': href === current ? 'page' : null }, text));
  if (!session.me) return h('ul', {}, bellFor(null), link('/sign-in', 'Sign in'), link('/sign-up', 'Sign up'));
  const signOut = h('button', { type: 'button', class: 'link' }, 'Sign out');
  signOut.addEventListener('click', async () => {
    await gql('mutation SignOut { signOut }').catch(() => null);
    forget();
    go('/sign-in');
  });
  return h('ul', {},
    link('/feed', 'Feed'), link('/search', 'Search'), link('/stories/new', 'Share a story'),
    link('/networks', 'Networks'), link('/peer-groups', 'Peer groups'), link('/harvests', 'Harvests'), link('/resources', 'Resources'),
    link('/stories', 'My stories'), link('/profile', 'Profile'), bellFor(session.me), h('li', {}, signOut));
}

export async function go(path, { replace: swap = false } = {}) {
  if (swap) history.replaceState({}, '', path);
  else history.pushState({}, '', path);
  await render(true);
}

async function render(moveFocus) {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
  const found = match(location.pathname);
  if (found && !found.open && !session.me) {
    await go(`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`, { replace: true });
    return;
  }
  replace(nav, navLinks());
  find.hidden = !session.me || location.pathname === '/search';
  menu.setAttribute('aria-expanded', 'false');
  main.setAttribute('aria-busy', 'true');
  const view = {
    main, params: found?.params || {}, query: new URLSearchParams(location.search), go,
    onLeave: (cleanup) => cleanups.push(cleanup),
  };
  try {
    replace(main);
    if (!found) replace(main, h('h1', { tabindex: '-1' }, 'Page not found'), h('p', {}, h('a', { href: '/' }, 'Go to the start page')));
    else await found.page(view);
  } catch (error) {
    replace(main, h('h1', { tabindex: '-1' }, 'This page could not be shown'), problem(error));
  }
  main.removeAttribute('aria-busy');
  if (moveFocus) (main.querySelector('h1') || main).focus();
}

// Same-origin links navigate inside the app; downloads, new tabs and other sites behave as usual.
document.addEventListener('click', (event) => {
  const link = event.target.closest('a[href]');
  if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin || link.hasAttribute('download') || link.target) return;
  if (url.pathname.startsWith('/static/') || url.pathname.startsWith('/graphql') || url.pathname.endsWith('.ics')) return;
  if (url.hash && url.pathname === location.pathname) return;
  event.preventDefault();
  go(url.pathname + url.search);
});

window.addEventListener('popstate', () => render(true));

// On a phone the navigation folds behind one button; wider screens show it whole (styles.css).
menu.addEventListener('click', () => menu.setAttribute('aria-expanded', String(menu.getAttribute('aria-expanded') !== 'true')));

// The header's search box opens the search page with the words, as a link would (back-button safe).
find.addEventListener('submit', (event) => {
  event.preventDefault();
  const words = new FormData(find).get('q').trim();
  find.reset();
  go(words ? `/search?q=${encodeURIComponent(words)}` : '/search');
});

loadMe().catch(() => null).then(() => render(false));
