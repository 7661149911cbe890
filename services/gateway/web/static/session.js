// Who is signed in, and the circles they belong to (networks, local groups, peer groups) for choosing audiences.
import { gql } from './api.js';

export const session = { me: null, circles: null };

export async function loadMe() {
  session.me = (await gql('query Me { me { id name email isAdmin } }')).me;
  session.circles = null;
  return session.me;
}

const NETWORKS = 'query Networks { networks(first: 100) { edges { node { id name isPublic } } } }';
const LOCAL_GROUPS = 'query MyLocalGroups($me: ID!) { member(id: $me) { localGroups { id name network { id } } } }';

// The networks list also holds public networks one has not joined: membership shows in one's audiences,
// which the API does not list, so a network counts as one's own when its members may be read.
async function joined(networks) {
  if (!networks.length) return [];
  const probes = networks.map((n, i) => `n${i}: network(id: ${JSON.stringify(n.id)}) { members(first: 1) { totalCount } }`);
  const answers = [];
  for (let start = 0; start < probes.length; start += 25) {
    const chunk = probes.slice(start, start + 25);
    const data = await gql(`query Joined { ${chunk.join(' ')} }`).catch((error) => error.data || {});
    chunk.forEach((_, i) => answers.push(Boolean(data?.[`n${start + i}`])));
  }
  return networks.filter((_, i) => answers[i]);
}

export async function circles() {
  if (session.circles) return session.circles;
  const networks = (await gql(NETWORKS)).networks.edges.map((edge) => edge.node);
  const mine = await joined(networks);
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
