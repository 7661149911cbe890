// Comments and reactions under a story, a resource or a published harvest.
import { gql } from '../api.js';
import { field, h, replace, when, words } from '../dom.js';
import { session } from '../session.js';
import { feedback, form, option, section, select, values } from '../ui.js';
import { reportButton } from './moderation.js';

const KINDS = [['COMMENT', 'Comment'], ['REMINDS_ME', 'That reminds me of when I…'], ['QUESTION', 'Question']];
const REACTIONS = ['THANKS', 'RESONATES', 'USEFUL', 'INSPIRING'];
const ARGS = '$storyId: ID, $resourceId: ID, $harvestId: ID';
const PASS = 'storyId: $storyId, resourceId: $resourceId, harvestId: $harvestId';

// Inside a peer group a report goes to its members (and, if asked, the coordinators).
function comment(c, inPeerGroup = false) {
  return h('li', { class: 'comment' }, h('p', { class: 'meta' }, h('strong', {}, c.author.name), c.kind === 'COMMENT' ? '' : ` · ${KINDS.find(([k]) => k === c.kind)[1]}`, ' · ', when(c.createdAt),
    c.hidden ? ' · hidden by a reviewer: only you see it' : ''),
    h('p', { class: 'pre' }, c.body), c.author.id === session.me.id ? '' : reportButton('COMMENT', c.id, { inPeerGroup }));
}

function reactionBar(target, counts) {
  const bar = h('div', { class: 'reactions', role: 'group', 'aria-label': 'Reactions' });
  const said = feedback();
  const draw = (list) => replace(bar, REACTIONS.map((kind) => {
    const found = list.find((r) => r.reaction === kind) || { count: 0, mine: false };
    const button = h('button', { type: 'button', class: 'reaction', 'aria-pressed': String(found.mine) }, `${words(kind)} ${found.count}`);
    button.addEventListener('click', async () => {
      let react = null;
      await said.tell(async () => {
        ({ react } = await gql(`mutation React($reaction: ReactionKind!, $on: Boolean!, ${ARGS}) { react(reaction: $reaction, on: $on, ${PASS}) { reaction count mine } }`,
          { reaction: kind, on: !found.mine, ...target }));
      }, found.mine ? `${words(kind)} taken back.` : `${words(kind)} added.`);
      if (react) draw(react);
      bar.querySelectorAll('button')[REACTIONS.indexOf(kind)].focus();
    });
    return button;
  }), said.line);
  draw(counts);
  return bar;
}

export async function conversation(target, { inPeerGroup = false } = {}) {
  const { conversation: data } = await gql(`query Conversation(${ARGS}) { conversation(${PASS}) { comments { id kind body createdAt hidden author { id name } } reactions { reaction count mine } } }`, target);
  const list = h('ul', { class: 'comments', 'aria-label': 'Comments' }, data.comments.map((c) => comment(c, inPeerGroup)));
  const write = form({ 'aria-label': 'Add a comment' }, [
    field('Kind', select('kind', KINDS.map(([value, label]) => option(value, label)))),
    field('Your comment', h('textarea', { name: 'body', rows: '3', required: true })),
  ], async (el) => {
    const v = values(el);
    const { comment: added } = await gql(`mutation Comment($body: String!, $kind: CommentKind!, ${ARGS}) { comment(body: $body, kind: $kind, ${PASS}) { id kind body createdAt hidden author { id name } } }`,
      { body: v.body, kind: v.kind, ...target });
    list.append(comment(added));
    el.reset();
    return 'Comment added.';
  }, 'Add comment');
  return section('Conversation', reactionBar(target, data.reactions), data.comments.length ? '' : h('p', { class: 'empty' }, 'No comments yet.'), list, write);
}
