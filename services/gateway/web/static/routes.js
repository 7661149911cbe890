// Client-side paths and their pages; `true` marks the pages one may see signed out.
import { home, signIn, signUp } from './pages/auth.js';
import { forgotPassword, invitation, resetPassword, verifyEmail } from './pages/by_email.js';
import { feed } from './pages/feed.js';
import { editGathering, newGathering } from './pages/gathering_form.js';
import { gathering } from './pages/gatherings.js';
import { coordinator } from './pages/coordinator.js';
import { harvest, harvests } from './pages/harvests.js';
import { meetingRoom } from './pages/meeting_room.js';
import { member, profile } from './pages/members.js';
import { localGroup, network, networks } from './pages/networks.js';
import { peerGroup, peerGroups } from './pages/peer_groups.js';
import { resource, resources } from './pages/resources.js';
import { scheme, schemes } from './pages/schemes.js';
import { hostRecord, reviewQueue } from './pages/moderation.js';
import { search } from './pages/search.js';
import { myStories, shareStory, story } from './pages/stories.js';
import { notifications } from './pages/notifications.js';

export const ROUTES = [
  ['/', home, true],
  ['/sign-in', signIn, true],
  ['/sign-up', signUp, true],
  ['/verify-email', verifyEmail, true],
  ['/forgot-password', forgotPassword, true],
  ['/reset-password', resetPassword, true],
  ['/invitations/:id', invitation, true],
  ['/feed', feed],
  ['/search', search],
  ['/networks', networks],
  ['/networks/:id', network],
  ['/networks/:networkId/schemes', schemes],
  ['/networks/:networkId/schemes/:id', scheme],
  ['/local-groups/:id', localGroup],
  ['/members/:id', member],
  ['/profile', profile],
  ['/notifications', notifications],
  ['/stories', myStories],
  ['/stories/new', shareStory],
  ['/stories/:id', story],
  ['/resources', resources],
  ['/resources/:id', resource],
  ['/harvests', harvests],
  ['/harvests/:id', harvest],
  ['/gatherings/new', newGathering],
  ['/gatherings/:id', gathering],
  ['/gatherings/:id/edit', editGathering],
  ['/peer-groups', peerGroups],
  ['/peer-groups/:id', peerGroup],
  ['/peer-groups/:id/meetings/:meetingId', meetingRoom],
  ['/coordinator/:networkId', coordinator],
  ['/review/:networkId', reviewQueue],
  ['/networks/:networkId/record', hostRecord],
];
