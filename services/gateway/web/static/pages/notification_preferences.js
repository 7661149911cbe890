// On the profile page: how each kind of notification reaches you (in the app, email at once, a digest, or off).
import { gql } from '../api.js';
import { field, h, words } from '../dom.js';
import { option, section, select } from '../ui.js';

const CHANNELS = [['IN_APP', 'In the app only'], ['EMAIL', 'In the app and by email at once'],
  ['DAILY', 'In the app and a daily email digest'], ['WEEKLY', 'In the app and a weekly email digest'], ['OFF', 'Off']];
const SET = `mutation SetNotificationPreference($kind: NotificationKind!, $channel: NotificationChannel!) {
  setNotificationPreference(kind: $kind, channel: $channel) { kind channel } }`;

function choice(preference, status) {
  const chosen = select('channel', CHANNELS.map(([value, label]) => option(value, label, value === preference.channel)));
  chosen.addEventListener('change', async () => {
    status.replaceChildren();
    try {
      await gql(SET, { kind: preference.kind, channel: chosen.value });
      status.append(h('p', { class: 'ok', role: 'status' }, `${words(preference.kind)}: saved.`));
    } catch (error) {
      status.append(h('p', { class: 'error', role: 'alert' }, error.message));
    }
  });
  return field(words(preference.kind), chosen);
}

export async function notificationPreferences() {
  const { notificationPreferences: chosen } = await gql('query NotificationPreferences { notificationPreferences { kind channel } }');
  const status = h('div', { class: 'form-status' });
  const el = section('Notifications', h('p', { class: 'hint' }, 'How each kind of notification reaches you. A digest collects them into one email.'),
    chosen.map((preference) => choice(preference, status)), status);
  el.id = 'notification-preferences';
  return el;
}
