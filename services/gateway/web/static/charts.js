// Bar charts as inline SVG built here (no library, no inline styles), each with a table of the same figures.
import { h } from './dom.js';

let charts = 0;

// rows: [{ label, value, note?, low? }]; max: the scale's top (defaults to the largest value).
export function barChart(caption, rows, { max = null, unit = '', format = (v) => String(v) } = {}) {
  const id = `chart${++charts}`;
  const top = max ?? Math.max(1, ...rows.map((row) => row.value || 0));
  const labelWidth = 150;
  const barArea = 300;
  const rowHeight = 28;
  const height = rows.length * rowHeight + 10;
  const svg = h('svg', { viewBox: `0 0 ${labelWidth + barArea + 70} ${height}`, role: 'img', 'aria-labelledby': `${id}-title` },
    h('title', { id: `${id}-title` }, caption),
    h('line', { class: 'axis', x1: labelWidth, y1: 0, x2: labelWidth, y2: height }),
    rows.map((row, i) => {
      const y = i * rowHeight + 5;
      const width = Math.max(row.value ? 2 : 0, Math.round(((row.value || 0) / top) * barArea));
      return h('g', {},
        h('text', { x: labelWidth - 6, y: y + 17, 'text-anchor': 'end' }, row.label.length > 22 ? `${row.label.slice(0, 21)}…` : row.label),
        h('rect', { class: `bar${row.low ? ' low' : ''}`, x: labelWidth, y: y + 3, width, height: rowHeight - 10, rx: 3 }),
        h('text', { x: labelWidth + width + 6, y: y + 17 }, row.value === null ? 'withheld' : `${format(row.value)}${unit}`));
    }));
  const table = h('details', {}, h('summary', {}, 'The figures as a table'), h('table', {},
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'What'), h('th', { scope: 'col' }, 'Value'), h('th', { scope: 'col' }, 'Note'))),
    h('tbody', {}, rows.map((row) => h('tr', {}, h('th', { scope: 'row' }, row.label),
      h('td', {}, row.value === null ? 'withheld' : `${format(row.value)}${unit}`), h('td', {}, row.note || ''))))));
  return h('figure', { class: 'chart' }, h('figcaption', {}, caption), svg, table);
}
