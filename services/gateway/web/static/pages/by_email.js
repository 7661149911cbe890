// Pages reached from an email: verifying an address, accepting an invitation, forgetting and resetting a password.
import { gql } from '../api.js';
import { field, h } from '../dom.js';
import { loadMe, session } from '../session.js';
import { action, form, title, values } from '../ui.js';

function password(name, label) {
  return field(label, h('input', { name, type: 'password', autocomplete: 'new-password', required: true, minlength: '10' }),
    'At least 10 characters, hard to guess.');
}

// A button, not the link itself: mail scanners that open links must not use the link up.
export async function verifyEmail(view) {
  view.main.append(title('Confirm your email address'), form({ 'aria-label': 'Confirm your email address' }, [],
    async () => {
      await gql('mutation Verify($token: String!) { verifyEmail(token: $token) { id } }', { token: view.query.get('token') || '' });
      return 'Thank you: your address is confirmed. You can accept invitations sent to it.';
    }, 'Confirm'), h('p', {}, h('a', { href: '/sign-in' }, 'Sign in')));
}

export async function invitation(view) {
  const here = `/invitations/${view.params.id}`;
  if (!session.me) {
    view.main.append(title('You are invited'), h('p', {}, 'Sign up with the address the invitation was sent to, ',
      'confirm it by the link we email you, then come back here to accept.'),
    h('p', {}, h('a', { class: 'button', href: `/sign-up?next=${here}` }, 'Create an account'), ' ',
      h('a', { class: 'button secondary', href: `/sign-in?next=${here}` }, 'Sign in')));
    return;
  }
  view.main.append(title('You are invited'), h('p', {}, action('Accept the invitation', async () => {
    const { acceptInvitation } = await gql('mutation Accept($id: ID!) { acceptInvitation(id: $id) { id } }', { id: view.params.id });
    session.circles = null;
    await view.go(`/networks/${acceptInvitation.id}`);
  })));
}

export async function forgotPassword(view) {
  const fields = [field('Email', h('input', { name: 'email', type: 'email', autocomplete: 'email', required: true }))];
  view.main.append(title('Forgot your password?'), form({ 'aria-label': 'Ask for a reset link' }, fields, async (el) => {
    await gql('mutation Forgot($email: String!) { requestPasswordReset(email: $email) }', values(el));
    return 'If that address has an account, a link to reset its password is on its way.';
  }, 'Email me a link'));
}

export async function resetPassword(view) {
  view.main.append(title('Choose a new password'), form({ 'aria-label': 'Reset your password' },
    [password('newPassword', 'New password')], async (el) => {
      await gql(`mutation Reset($token: String!, $newPassword: String!) {
        resetPassword(token: $token, newPassword: $newPassword) { account { id } } }`,
      { token: view.query.get('token') || '', ...values(el) });
      await loadMe();
      await view.go('/feed');
    }, 'Set the password'));
}
