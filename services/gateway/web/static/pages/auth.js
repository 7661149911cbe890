// Sign up, sign in and the start page.
import { gql } from '../api.js';
import { field, h } from '../dom.js';
import { loadMe, session } from '../session.js';
import { form, title, values } from '../ui.js';

const ACCOUNT = 'account { id name }';

function nextPath(view) {
  const next = view.query.get('next') || '/feed';
  return next.startsWith('/') && !next.startsWith('//') ? next : '/feed';
}

export async function signUp(view) {
  const fields = [
    field('Your name', h('input', { name: 'name', autocomplete: 'name', required: true, maxlength: '120' })),
    field('Email', h('input', { name: 'email', type: 'email', autocomplete: 'email', required: true })),
    field('Password', h('input', { name: 'password', type: 'password', autocomplete: 'new-password', required: true, minlength: '10' }),
      'At least 10 characters.'),
  ];
  view.main.append(title('Create your account'), form({ 'aria-label': 'Sign up' }, fields, async (el) => {
    const { signUp: received } = await gql(`mutation SignUp($email: String!, $password: String!, $name: String!) {
      signUp(email: $email, password: $password, name: $name) { message } }`,
    values(el));
    return received.message;
  }, 'Sign up'), h('p', {}, 'Have an account already? ', h('a', { href: `/sign-in?next=${nextPath(view)}` }, 'Sign in')));
}

export async function signIn(view) {
  const fields = [
    field('Email', h('input', { name: 'email', type: 'email', autocomplete: 'username', required: true })),
    field('Password', h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true })),
  ];
  view.main.append(title('Sign in'), form({ 'aria-label': 'Sign in' }, fields, async (el) => {
    await gql(`mutation SignIn($email: String!, $password: String!) {
      signIn(email: $email, password: $password) { ${ACCOUNT} } }`,
    values(el));
    await loadMe();
    await view.go(nextPath(view));
  }, 'Sign in'), h('p', {}, 'New here? ', h('a', { href: '/sign-up' }, 'Create an account'), ' · ',
    h('a', { href: '/forgot-password' }, 'Forgot your password?')));
}

export async function home(view) {
  if (session.me) {
    await view.go('/feed', { replace: true });
    return;
  }
  view.main.append(
    title('Practice Commons'),
    h('p', { class: 'lead' }, 'Where alumni of leadership programmes share stories and resources, meet their peers, ',
      'and learn from other communities working on the same practices.'),
    h('p', {}, h('a', { class: 'button', href: '/sign-up' }, 'Create an account'), ' ', h('a', { class: 'button secondary', href: '/sign-in' }, 'Sign in')),
  );
}
