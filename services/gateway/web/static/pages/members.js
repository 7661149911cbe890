// A member's profile, and editing one's own.
import { gql } from '../api.js';
import { checkboxes, checked, field, h } from '../dom.js';
import { myProfile, session } from '../session.js';
import { form, links, section, tags, title, values } from '../ui.js';
import { storiesOf } from './activity.js';
import { blockButton, blockedList, reportButton } from './moderation.js';
import { notificationPreferences } from './notification_preferences.js';
import { yourData } from './your_data.js';

const PROFILE = 'id name bio practiceAreas offers seeks hidden localGroups { id name network { id name } }';

function profileView(member) {
  return [
    member.hidden ? h('p', { class: 'notice' }, member.id === session.me.id ? 'A reviewer hid your profile: others see your name only.' : 'A reviewer hid this profile.') : '',
    member.bio ? h('p', { class: 'lead' }, member.bio) : h('p', { class: 'empty' }, 'No bio yet.'),
    tags(member.practiceAreas),
    member.offers ? section('Can offer as a mentor', h('p', {}, member.offers)) : '',
    member.seeks ? section('Seeks from mentoring', h('p', {}, member.seeks)) : '',
    section('Local groups', links(member.localGroups, (g) => `/local-groups/${g.id}`, (g) => `${g.name} — ${g.network.name}`, 'None yet.')),
  ];
}

export async function member(view) {
  const { member: found } = await gql(`query Member($id: ID!) { member(id: $id) { ${PROFILE} } }`, { id: view.params.id });
  view.main.append(title(found.name), ...profileView(found),
    await storiesOf(`Stories ${found.name} shared`, { a: found.id }, 'No stories you can read yet.'));
  if (found.id === session.me.id) view.main.append(h('p', {}, h('a', { href: '/profile' }, 'Edit your profile')));
  else view.main.append(reportButton('PROFILE', found.id), blockButton(view, found));
}

export async function profile(view) {
  const { practiceAreas } = await gql('query Areas { practiceAreas }');
  const mine = await myProfile(PROFILE) || { id: session.me.id, name: session.me.name, bio: '', practiceAreas: [], offers: '', seeks: '', localGroups: [] };
  const edit = form({ 'aria-label': 'Your profile' }, [
    field('Name', h('input', { name: 'name', value: mine.name, required: true })),
    field('Bio', h('textarea', { name: 'bio', rows: '4' }, mine.bio)),
    checkboxes('Practice areas you work on', 'area', practiceAreas, mine.practiceAreas),
    field('What you can offer as a mentor', h('textarea', { name: 'offers', rows: '2' }, mine.offers)),
    field('What you seek from mentoring', h('textarea', { name: 'seeks', rows: '2' }, mine.seeks)),
  ], async (el) => {
    const { name, bio, offers, seeks } = values(el);
    await gql('mutation Profile($input: ProfileInput!) { updateProfile(input: $input) { id } }',
      { input: { name, bio, offers, seeks, practiceAreas: checked(el, 'area') } });
    return 'Profile saved.';
  }, 'Save profile');
  view.main.append(title('Your profile'), h('p', {}, h('a', { href: `/members/${mine.id}` }, 'See it as others do')), edit,
    section('Local groups', links(mine.localGroups, (g) => `/local-groups/${g.id}`, (g) => `${g.name} — ${g.network.name}`, 'None yet: join one from a network page.')),
    await notificationPreferences(), await blockedList(), yourData());
}
