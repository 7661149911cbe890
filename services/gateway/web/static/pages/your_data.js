// On the profile page: your data rights. Take an archive of everything the platform holds about you (a link only
// you can open, for a day), or delete your account after re-entering your password.
import { gql } from '../api.js';
import { field, h } from '../dom.js';
import { forget } from '../session.js';
import { form, section, values } from '../ui.js';

const EXPORT = 'mutation ExportMyData { exportMyData { url expiresAt } }';
const DELETE = 'mutation DeleteMyAccount($password: String!, $erase: Boolean!) { deleteMyAccount(password: $password, eraseMyWriting: $erase) }';

function exporting() {
  const ready = h('p', {});
  const el = form({ 'aria-label': 'Download your data' }, [
    h('p', { class: 'hint' }, 'A zip of everything the platform holds about you: JSON for each kind of record, your stories as Markdown.'),
    ready,
  ], async () => {
    const { exportMyData: link } = await gql(EXPORT);
    const path = new URL(link.url).pathname;
    ready.replaceChildren(h('a', { href: path, download: 'practice-commons-data.zip' }, 'Download your data'),
      ` (only you can open it, until ${new Date(link.expiresAt).toLocaleString()})`);
    return 'Your archive is ready.';
  }, 'Prepare my data');
  return el;
}

function deleting() {
  return form({ 'aria-label': 'Delete your account' }, [
    h('p', { class: 'hint' }, 'Your account and personal data go. What you wrote in shared spaces stays, by "a former member", unless you erase it too. This cannot be undone.'),
    field('Your password', h('input', { name: 'password', type: 'password', required: true, autocomplete: 'current-password' })),
    h('label', {}, h('input', { type: 'checkbox', name: 'erase' }), ' Also erase the stories and comments I wrote'),
  ], async (el) => {
    const { password, erase } = values(el);
    await gql(DELETE, { password, erase: erase === 'on' });
    forget();
    location.assign('/');
    return 'Your account is deleted.';
  }, 'Delete my account');
}

export function yourData() {
  const el = section('Your data', exporting(), deleting());
  el.id = 'your-data';
  return el;
}
