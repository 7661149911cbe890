// A place's or a member's own stories: only those the viewer may read (the server decides), newest first.
import { gql } from '../api.js';
import { ago, h } from '../dom.js';
import { links, section } from '../ui.js';

const OWN = `query OwnStories($c: String, $a: ID) { stories(circle: $c, authorId: $a, first: 10) {
  edges { node { id title createdAt author { name } } } } }`;

// `where`: { c: 'local_group:<id>' } for a circle's stories, { a: '<member id>' } for a member's.
export async function storiesOf(heading, where, empty) {
  const { stories } = await gql(OWN, { c: null, a: null, ...where });
  const found = stories.edges.map((edge) => edge.node);
  return section(heading, links(found, (s) => `/stories/${s.id}`, (s) => s.title, empty,
    (s) => h('span', { class: 'meta' }, ` — ${s.author.name}, `, ago(s.createdAt))));
}
