// Who is signed in, and the circles they belong to (networks, local groups, peer groups) for choosing audiences.
import { gql } from './api.js';

export const session = { me: null, circles: null };

export async function loadMe() {
  session.me = (await gql('query Me { me { id name email isAdmin } }')).me;
  session.circles = null;
  return session.me;
}

const NETWORKS = 'query Networks { networks(first: 100) { edges { node { id name isPublic viewerRole } } } }';
const LOCAL_GROUPS = 'query MyLocalGroups($me: ID!) { member(id: $me) { localGroups { id name network { id } } } }';

export async function circles() {
  if (session.circles) return session.circles;
  const networks = (await gql(NETWORKS)).networks.edges.map((edge) => edge.node);
  // The list also holds public networks one has not joined, where one has no role.
  const mine = networks.filter((n) => n.viewerRole);
  session.circles = { networks, mine, localGroups: await localGroups(), peerGroups: await peerGroups() };
  return session.circles;
}

export async function myProfile(fields) {
  try {
    return (await gql(`query MyProfile($me: ID!) { member(id: $me) { ${fields} } }`, { me: session.me.id })).member;
  } catch (error) {
    if (error.code === 'NOT_FOUND') return null; // a profile begins when one first joins a network
    throw error;
  }
}

async function localGroups() {
  return (await myProfile('localGroups { id name network { id } }'))?.localGroups || [];
}

async function peerGroups() {
  return (await gql('query MyPeerGroups { myPeerGroups { id name networkId } }')).myPeerGroups;
}

export function forget() {
  session.me = null;
  session.circles = null;
}

export function audienceLabel(key, known) {
  const [kind, id] = key.split(':');
  const name = (list) => list.find((item) => item.id === id)?.name;
  if (kind === 'platform') return 'Everyone on Practice Commons';
  if (kind === 'network') return `Network: ${name(known.networks) || 'a network'}`;
  if (kind === 'local_group') return `Local group: ${name(known.localGroups) || 'a local group'}`;
  if (kind === 'peer_group') return `Peer group (confidential): ${name(known.peerGroups) || 'a peer group'}`;
  return key;
}
