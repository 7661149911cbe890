// Bar charts as inline SVG built here (no library, no inline styles), each with a table of the same figures.
import { h } from './dom.js';

let charts = 0;
const LABEL_WIDTH = 150;
const BAR_AREA = 300;
const ROW_HEIGHT = 28;

const shown = (value, format, unit) => (value === null ? 'withheld' : `${format(value)}${unit}`);
const shortened = (label) => (label.length > 20 ? `${label.slice(0, 19)}…` : label);

// The chart's frame: its SVG (title, axis, one group per row from `drawRow(row, y)`) and a table of `columns`.
function frame(caption, rows, drawRow, columns, cellsOf) {
  const id = `chart${++charts}`;
  const height = rows.length * ROW_HEIGHT + 10;
  const svg = h('svg', { viewBox: `0 0 ${LABEL_WIDTH + BAR_AREA + 70} ${height}`, role: 'img', 'aria-labelledby': `${id}-title` },
    h('title', { id: `${id}-title` }, caption),
    h('line', { class: 'axis', x1: LABEL_WIDTH, y1: 0, x2: LABEL_WIDTH, y2: height }),
    rows.map((row, i) => {
      const y = i * ROW_HEIGHT + 5;
      return h('g', {}, h('text', { x: LABEL_WIDTH - 6, y: y + 17, 'text-anchor': 'end' }, shortened(row.label)), drawRow(row, y));
    }));
  const table = h('details', {}, h('summary', {}, 'The figures as a table'), h('table', {},
    h('thead', {}, h('tr', {}, ['What', ...columns].map((text) => h('th', { scope: 'col' }, text)))),
    h('tbody', {}, rows.map((row) => h('tr', {}, h('th', { scope: 'row' }, row.label), cellsOf(row).map((cell) => h('td', {}, cell)))))));
  return h('figure', { class: 'chart' }, h('figcaption', {}, caption), svg, table);
}

const widthOf = (value, top) => Math.max(value ? 2 : 0, Math.round(((value || 0) / top) * BAR_AREA));

// rows: [{ label, value, note?, low? }]; max: the scale's top (defaults to the largest value).
export function barChart(caption, rows, { max = null, unit = '', format = (v) => String(v) } = {}) {
  const top = max ?? Math.max(1, ...rows.map((row) => row.value || 0));
  const drawRow = (row, y) => {
    const width = widthOf(row.value, top);
    return [h('rect', { class: `bar${row.low ? ' low' : ''}`, x: LABEL_WIDTH, y: y + 3, width, height: ROW_HEIGHT - 10, rx: 3 }),
      h('text', { x: LABEL_WIDTH + width + 6, y: y + 17 }, shown(row.value, format, unit))];
  };
  return frame(caption, rows, drawRow, ['Value', 'Note'], (row) => [shown(row.value, format, unit), row.note || '']);
}

// Each row's total split into named parts, side by side in one bar (e.g. groups by cadence state).
// rows: [{ label, parts: [numbers, one per name] }]; the parts take the classes part0, part1, ….
export function stackedChart(caption, rows, names) {
  const top = Math.max(1, ...rows.map((row) => row.parts.reduce((a, b) => a + b, 0)));
  const drawRow = (row, y) => {
    let x = LABEL_WIDTH;
    const pieces = row.parts.map((value, j) => {
      const width = widthOf(value, top);
      const piece = h('rect', { class: `bar part${j}`, x, y: y + 3, width, height: ROW_HEIGHT - 10 }, h('title', {}, `${names[j]}: ${value}`));
      x += width;
      return piece;
    });
    return [pieces, h('text', { x: x + 6, y: y + 17 }, String(row.parts.reduce((a, b) => a + b, 0)))];
  };
  const legend = h('p', { class: 'legend' }, names.map((name, j) => h('span', { class: `key part${j}` }, name)));
  const figure = frame(caption, rows, drawRow, names, (row) => row.parts.map(String));
  figure.querySelector('svg').after(legend);
  return figure;
}
