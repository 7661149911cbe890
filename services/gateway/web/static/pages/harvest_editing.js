// Hosts edit a harvest's title and summary, drafted or published (a published one's new text reaches feeds too).
import { gql } from '../api.js';
import { field, h } from '../dom.js';
import { circles } from '../session.js';
import { form, values } from '../ui.js';

const EDIT = `mutation EditHarvest($id: ID!, $title: String!, $summary: String!) {
  editHarvest(id: $id, title: $title, summary: $summary) { id } }`;

export async function titleAndSummary(view, harvest) {
  const known = await circles();
  if (known.mine.find((n) => n.id === harvest.networkId)?.viewerRole !== 'host') return '';
  const edit = form({ 'aria-label': 'Harvest title and summary' }, [
    field('Title', h('input', { name: 'title', required: true, minlength: '2', maxlength: '200', value: harvest.title })),
    field('Summary', h('textarea', { name: 'summary', rows: '6' }, harvest.summary), 'Markdown: *emphasis*, lists and links work.'),
  ], async (el) => {
    await gql(EDIT, { id: harvest.id, ...values(el) });
    await view.go(`/harvests/${harvest.id}`, { replace: true });
  }, 'Save changes');
  return h('details', {}, h('summary', {}, 'Edit title and summary'), edit);
}
