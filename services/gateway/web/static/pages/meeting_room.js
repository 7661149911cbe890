// A meeting: attendance, notes, and the room that runs a protocol live (step, whose turn, timer, prompts).
import { gql, serverNow, subscribe } from '../api.js';
import { barChart } from '../charts.js';
import { announce, checkboxes, checked, field, h, replace, when, where, words } from '../dom.js';
import { session } from '../session.js';
import { action, form, option, section, select, title, values } from '../ui.js';

const STEP = 'title role seconds guidance prompts pitfalls presenterListensInSilence';
const RUN = `id protocolName meetingId presenterId facilitatorId stepIndex turnIndex speakerId turnOrder stepStartedAt
  turnStartedAt turnEndsAt finished version steps { ${STEP} } currentStep { ${STEP} } fairness { gini shares { memberId seconds share } }`;
const MEETING = `query Meeting($id: ID!, $groupId: ID!) {
  meeting(id: $id) { id startsAt minutes mode place notes attendance { memberId present } protocolRuns { id protocolName finished } }
  peerGroup(id: $groupId) { id name members { id name role } protocols { key name summary } }
}`;

function clock(ms) {
  const total = Math.round(Math.abs(ms) / 1000);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

function timerText(run) {
  const ends = run.turnEndsAt ? Date.parse(run.turnEndsAt) : Date.parse(run.turnStartedAt) + run.currentStep.seconds * 1000;
  const left = ends - serverNow();
  return { text: left >= 0 ? `${clock(left)} left` : `${clock(left)} over time`, over: left < 0 };
}

function stage(run, nameOf, advance) {
  if (run.finished) {
    return h('div', { class: 'step-now' }, h('h2', {}, 'The protocol is complete'), barChart('How the speaking time was shared',
      run.fairness.shares.map((s) => ({ label: nameOf(s.memberId), value: Math.round(s.share * 100), note: `${clock(s.seconds * 1000)} spoken` })), { max: 100, unit: '%' }),
    h('p', { class: 'meta' }, `Evenness: ${run.fairness.gini < 0.2 ? 'time was shared fairly' : 'some took more time than others'} (Gini ${run.fairness.gini.toFixed(2)}).`));
  }
  const step = run.currentStep;
  const mine = run.presenterId === session.me.id;
  const speaker = run.speakerId ? nameOf(run.speakerId) : null;
  const timer = h('p', { class: 'timer', id: 'timer', role: 'timer', 'aria-live': 'off' });
  return h('div', { class: 'step-now', 'aria-labelledby': 'step-title' },
    h('p', { class: 'kind' }, `Step ${run.stepIndex + 1} of ${run.steps.length}`), h('h2', { id: 'step-title' }, step.title),
    h('p', { class: 'turn', id: 'turn' }, speaker ? (run.speakerId === session.me.id ? 'Your turn' : `${speaker}’s turn`) : 'Everyone may speak; the facilitator moves on'),
    run.turnOrder.length > 1 ? h('p', { class: 'meta' }, 'Turn order: ', run.turnOrder.map(nameOf).join(' → ')) : '',
    timer,
    step.presenterListensInSilence ? h('p', { class: mine ? 'silence' : 'notice', id: 'silence' },
      mine ? 'You listen in silence: sift and sort, take what you want.' : `${nameOf(run.presenterId)} listens in silence.`) : '',
    h('p', {}, step.guidance),
    step.prompts.length ? h('div', {}, h('h3', {}, 'Prompts'), h('ul', { id: 'prompts' }, step.prompts.map((p) => h('li', {}, p)))) : '',
    step.pitfalls.length ? h('div', { class: 'meta' }, h('h3', {}, 'Watch out for'), h('ul', {}, step.pitfalls.map((p) => h('li', {}, p)))) : '',
    advance);
}

function room(view, runId, nameOf) {
  const box = h('div', { class: 'room', id: 'room' });
  let current = null;
  const tick = () => {
    const timer = document.getElementById('timer');
    if (!timer || !current || current.finished) return;
    const { text, over } = timerText(current);
    timer.textContent = text;
    timer.classList.toggle('over', over);
  };
  const draw = (run) => {
    const changed = current && (current.stepIndex !== run.stepIndex || current.turnIndex !== run.turnIndex);
    current = run;
    const floor = !run.finished && (run.speakerId ? run.speakerId === session.me.id : run.facilitatorId === session.me.id);
    const advance = floor ? action(run.speakerId ? 'I’m done: pass the turn' : 'Next step', async () => {
      draw((await gql(`mutation Advance($id: ID!, $at: Int) { advanceProtocolRun(id: $id, atVersion: $at) { ${RUN} } }`, { id: run.id, at: run.version })).advanceProtocolRun);
    }) : '';
    replace(box, h('div', {}, stage(run, nameOf, advance)), h('aside', { 'aria-label': 'Steps' }, h('h2', {}, run.protocolName),
      h('ol', { class: 'steps' }, run.steps.map((s, i) => h('li', { class: i < run.stepIndex || run.finished ? 'done' : '', 'aria-current': i === run.stepIndex && !run.finished ? 'step' : null },
        `${s.title} (${clock(s.seconds * 1000)}${s.role === 'each_peer' ? ' each' : ''})`)))));
    tick();
    if (changed) announce(run.finished ? 'The protocol is complete.' : `${run.currentStep.title}: ${run.speakerId ? `${nameOf(run.speakerId)}’s turn` : 'everyone'}`);
  };
  const timer = setInterval(tick, 250);
  view.onLeave(() => clearInterval(timer));
  gql(`query Run($id: ID!) { protocolRun(id: $id) { ${RUN} } }`, { id: runId }).then((data) => draw(data.protocolRun));
  view.onLeave(subscribe(`subscription Run($id: ID!) { protocolRun(id: $id) { ${RUN} } }`, { id: runId }, (data) => {
    if (!current || data.protocolRun.version >= current.version) draw(data.protocolRun);
  }));
  return box;
}

const RUNNING = 'query Running($id: ID!) { meeting(id: $id) { protocolRuns { id finished } } }';

// Start is refused while a round runs (someone pressed it first): this member joins that round instead.
function startForm(group, meeting, join) {
  return form({ 'aria-label': 'Start a protocol' }, [
    field('Protocol', select('protocol', group.protocols.map((p) => option(p.key, `${p.name} — ${p.summary}`)))),
    field('Presenter', select('presenterId', group.members.map((m) => option(m.id, m.name)))),
    field('Mentor (for the Veridical Report)', select('mentorId', [option('', 'None'), ...group.members.map((m) => option(m.id, m.name))])),
  ], async (el) => {
    const v = values(el);
    try {
      const started = await gql('mutation Start($meetingId: ID!, $protocol: String!, $presenterId: ID!, $mentorId: ID) { startProtocolRun(meetingId: $meetingId, protocol: $protocol, presenterId: $presenterId, mentorId: $mentorId) { id } }',
        { meetingId: meeting.id, protocol: v.protocol, presenterId: v.presenterId, mentorId: v.mentorId || null });
      join(started.startProtocolRun.id);
    } catch (error) {
      const running = error.code === 'CONFLICT' && (await gql(RUNNING, { id: meeting.id })).meeting.protocolRuns.find((r) => !r.finished);
      if (!running) throw error;
      join(running.id, `${error.message} Your choices were not used; you are in the running round.`);
    }
  }, 'Start');
}

// Until a round runs, the page follows the meeting, so it turns into the live room as soon as anyone starts one.
function startOrJoin(view, group, meeting, nameOf) {
  const place = h('div', {});
  let shown = null;
  const join = (runId, refusal = '') => {
    if (!shown) {
      shown = runId;
      stop();
      replace(place, room(view, runId, nameOf));
    }
    if (refusal) place.prepend(h('p', { class: 'error', role: 'alert' }, refusal));
  };
  replace(place, section('Run a protocol', h('p', {}, 'Whoever starts it facilitates; each step has a time box and a turn order.'), startForm(group, meeting, join)));
  const stop = subscribe('subscription Running($id: ID!) { meetingRun(meetingId: $id) { id } }', { id: meeting.id }, ({ meetingRun }) => {
    if (meetingRun) join(meetingRun.id);
  });
  view.onLeave(stop);
  return place;
}

function records(view, group, meeting) {
  const present = meeting.attendance.filter((a) => a.present).map((a) => a.memberId);
  const attendance = form({ 'aria-label': 'Attendance' }, [checkboxes('Who was there', 'present', group.members.map((m) => m.id), present, (id) => group.members.find((m) => m.id === id).name)],
    async (el) => {
      await gql('mutation Attendance($id: ID!, $present: [ID!]!) { recordAttendance(meetingId: $id, presentMemberIds: $present) { id } }', { id: meeting.id, present: checked(el, 'present') });
      return 'Attendance recorded.';
    }, 'Record attendance');
  const notes = form({ 'aria-label': 'Meeting notes' }, [field('Notes (confidential to the group)', h('textarea', { name: 'notes', rows: '4' }, meeting.notes))], async (el) => {
    await gql('mutation Notes($id: ID!, $notes: String!) { writeMeetingNotes(meetingId: $id, notes: $notes) { id } }', { id: meeting.id, notes: values(el).notes });
    return 'Notes saved.';
  }, 'Save notes');
  return section('Attendance and notes', attendance, notes);
}

export async function meetingRoom(view) {
  const data = await gql(MEETING, { id: view.params.meetingId, groupId: view.params.id });
  const { meeting, peerGroup: group } = data;
  const nameOf = (id) => group.members.find((m) => m.id === id)?.name || 'A member';
  const live = meeting.protocolRuns.find((r) => !r.finished);
  view.main.append(title(`Meeting of ${group.name}`),
    h('p', { class: 'meta' }, when(meeting.startsAt), ` · ${meeting.minutes} minutes · ${words(meeting.mode)}`, meeting.place ? [' · ', where(meeting.place)] : '', ' · ', h('a', { href: `/peer-groups/${group.id}` }, 'back to the group')),
    live ? room(view, live.id, nameOf) : startOrJoin(view, group, meeting, nameOf),
    meeting.protocolRuns.filter((r) => r.finished).length ? section('Earlier rounds', h('ul', {}, meeting.protocolRuns.filter((r) => r.finished).map((r) => h('li', {}, r.protocolName)))) : '',
    records(view, group, meeting));
}
