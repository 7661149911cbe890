// A newcomer's first steps, on the feed until they are done: find a network, complete the profile, follow themes.
import { gql } from '../api.js';
import { announce, h } from '../dom.js';
import { circles, myProfile, session } from '../session.js';
import { section } from '../ui.js';

const INTERESTS = 'query Interests { feedInterests { kind id stance } practiceAreas }';

function step(done, text, ...how) {
  return h('li', { class: done ? 'done' : 'todo' }, h('span', { class: 'visually-hidden' }, done ? 'Done: ' : 'To do: '),
    h('strong', {}, text), done ? null : [' — ', ...how]);
}

// Each box follows or unfollows its practice area at once, and says so.
function followBox(area, following) {
  const box = h('input', { type: 'checkbox', value: area, checked: following });
  box.addEventListener('change', async () => {
    const verb = box.checked ? 'follow' : 'unfollow';
    try {
      await gql(`mutation Interest($id: ID!) { ${verb}(kind: PRACTICE_AREA, id: $id) { id } }`, { id: area });
      announce(box.checked ? `Following ${area}.` : `No longer following ${area}.`);
    } catch (error) {
      box.checked = !box.checked;
      announce(`Could not ${verb} ${area}: ${error.message}`);
    }
  });
  return h('label', { class: 'choice' }, box, ` ${area}`);
}

export async function welcome() {
  // A newcomer's circles change behind their back when a host lets them in: read them afresh until they have one.
  if (!session.circles?.mine.length) session.circles = null;
  const known = await circles();
  const profile = known.mine.length ? await myProfile('bio practiceAreas') : null;
  const { feedInterests, practiceAreas } = await gql(INTERESTS);
  const followed = feedInterests.filter((i) => i.kind === 'PRACTICE_AREA' && i.stance === 'FOLLOW').map((i) => i.id);
  const steps = [Boolean(known.mine.length), Boolean(profile?.bio || profile?.practiceAreas.length), followed.length > 0];
  if (steps.every(Boolean)) return null;
  const publicOnes = known.networks.filter((n) => n.isPublic && !n.viewerRole).slice(0, 5);
  return section(`Welcome, ${session.me.name}`,
    h('p', {}, 'Practice Commons connects alumni of leadership programmes. Three steps to begin:'),
    h('ol', { class: 'steps' },
      step(steps[0], 'Find a network and ask to join', publicOnes.length ? 'public networks: ' : '',
        publicOnes.map((n, i) => [i ? ', ' : '', h('a', { href: `/networks/${n.id}` }, n.name)]),
        publicOnes.length ? '; or ' : '', h('a', { href: '/networks' }, 'see every network'), '.'),
      step(steps[1], 'Complete your profile', known.mine.length ? h('a', { href: '/profile' }, 'say what you work on')
        : 'once a network has let you in.'),
      step(steps[2], 'Follow practice areas', 'your feed brings what is shared on them:',
        h('fieldset', { class: 'choices' }, h('legend', { class: 'visually-hidden' }, 'Areas to follow'),
          practiceAreas.map((area) => followBox(area, followed.includes(area)))))));
}
