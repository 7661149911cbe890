// The coordinator dashboard while programmes run: per scheme, the network and each local group; counts and rates
// only, small cells withheld by the server; every table as CSV holding the same figures the server computed.
import { gql } from '../api.js';
import { barChart, stackedChart } from '../charts.js';
import { h } from '../dom.js';
import { section } from '../ui.js';

const QUERY = `query Dashboard($id: ID!) { coordinatorDashboard(networkId: $id) { asOf threshold
  programme { scope name groups onTrack unscheduled overdue finished meetingsHeld attendanceRate surveyResponseRate goalProgress applicationsWaiting }
  diversity { scheme aim applied approved matched } programmeCsv diversityCsv } }`;
const STATES = [['onTrack', 'On track'], ['unscheduled', 'Nothing scheduled'], ['overdue', 'Overdue'], ['finished', 'Finished']];
const SCOPES = { scheme: 'Scheme', network: 'Network', local_group: 'Local group' };
const COLUMNS = [['groups', 'Groups'], ['onTrack', 'On track'], ['unscheduled', 'Nothing scheduled'], ['overdue', 'Overdue'], ['finished', 'Finished'],
  ['meetingsHeld', 'Meetings held'], ['attendanceRate', 'Attendance %'], ['surveyResponseRate', 'Surveys answered %'], ['goalProgress', 'Goal progress %'],
  ['applicationsWaiting', 'Applications waiting']];

function csvLink(text, filename, label) {
  const link = h('a', { href: URL.createObjectURL(new Blob([text], { type: 'text/csv' })), download: filename }, label);
  return h('p', {}, link);
}

function table(caption, headings, rows) {
  return h('table', {}, h('caption', {}, caption),
    h('thead', {}, h('tr', {}, headings.map((text) => h('th', { scope: 'col' }, text)))),
    h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((cell, i) => (i === 0 ? h('th', { scope: 'row' }, cell) : h('td', {}, cell ?? 'withheld')))))));
}

function label(row) {
  return `${SCOPES[row.scope] || row.scope}: ${row.name}`;
}

function charts(rows) {
  const chart = (caption, key, options = {}) => barChart(caption, rows.map((row) => ({ label: label(row), value: row[key] })), options);
  const states = stackedChart('Groups by cadence kept', rows.map((row) => ({ label: label(row), parts: STATES.map(([key]) => row[key]) })), STATES.map(([, name]) => name));
  return [states, chart('Meetings held', 'meetingsHeld'),
    chart('Attendance (% present)', 'attendanceRate', { max: 100, unit: '%' }), chart('Survey response rate', 'surveyResponseRate', { max: 100, unit: '%' }),
    chart('Goal progress (mean, %)', 'goalProgress', { max: 100, unit: '%' }), chart('Applications waiting', 'applicationsWaiting')];
}

function diversity(data) {
  if (!data.diversity.length) return '';
  return section('Diversity by outcome',
    barChart(`Applied, per diversity aim (fewer than ${data.threshold} withheld)`, data.diversity.map((d) => ({
      label: `${d.scheme}: ${d.aim}`, value: d.applied, note: `approved ${d.approved ?? 'withheld'}, matched ${d.matched ?? 'withheld'}` }))),
    table('Diversity by outcome', ['Scheme', 'Aim', 'Applied', 'Approved', 'Matched'], data.diversity.map((d) => [d.scheme, d.aim, d.applied, d.approved, d.matched])),
    csvLink(data.diversityCsv, 'diversity.csv', 'Download the diversity table (CSV)'));
}

export async function dashboard(networkId) {
  const { coordinatorDashboard: data } = await gql(QUERY, { id: networkId });
  return h('div', {}, section('Programme dashboard',
    h('p', { class: 'meta' }, `Live: counts and rates only. A figure fewer than ${data.threshold} people stand behind is withheld, as in the evaluation.`),
    charts(data.programme),
    table('The programme, per scheme, network and local group', ['Where', ...COLUMNS.map(([, text]) => text)],
      data.programme.map((row) => [label(row), ...COLUMNS.map(([key]) => row[key])])),
    csvLink(data.programmeCsv, 'programme.csv', 'Download the programme table (CSV)')), diversity(data));
}
