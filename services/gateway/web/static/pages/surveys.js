// A group's feedback surveys (12 and 24 months, or a scheme's mid-point and end, the closing meeting's), answered once.
import { gql } from '../api.js';
import { field, h, when } from '../dom.js';
import { form, section } from '../ui.js';

function question(q) {
  if (q.kind === 'scale') {
    return h('fieldset', { class: 'choices' }, h('legend', {}, q.text), h('div', { class: 'row' }, [1, 2, 3, 4, 5].map((n) => h('label', { class: 'choice' },
      h('input', { type: 'radio', name: q.key, value: String(n), required: true }), ` ${n}${n === 1 ? ' (not at all)' : n === 5 ? ' (very much)' : ''}`))));
  }
  return field(q.text, h('textarea', { name: q.key, rows: '2' }));
}

export async function surveys(group) {
  const { mySurveys } = await gql('query Surveys { mySurveys { id peerGroupId months sentAt answered closing questions { key text kind } } }');
  const mine = mySurveys.filter((s) => s.peerGroupId === group.id);
  if (!mine.length) return '';
  return section('Feedback surveys', mine.map((survey) => (survey.answered
    ? h('p', {}, `${survey.months}-month survey: answered. Thank you.`)
    : h('div', {}, h('h3', {}, `${survey.closing ? 'Closing meeting: ' : ''}${survey.months}-month survey`), h('p', { class: 'meta' }, 'Sent ', when(survey.sentAt)),
      survey.closing ? h('p', {}, 'Answer these at your closing meeting: together with everyone’s, they make the programme’s evaluation, where only totals of five or more answers show.') : '',
      form({ 'aria-label': `${survey.months}-month survey` }, survey.questions.map(question), async (el) => {
        const data = new FormData(el);
        const answers = survey.questions.map((q) => (q.kind === 'scale' ? { key: q.key, scale: Number(data.get(q.key)) } : { key: q.key, text: data.get(q.key) || null }));
        await gql('mutation Answer($id: ID!, $answers: [SurveyAnswerInput!]!) { answerSurvey(surveyId: $id, answers: $answers) { answered } }', { id: survey.id, answers });
        el.replaceWith(h('p', { role: 'status' }, 'Thank you: your answers are in.'));
      }, 'Send answers')))));
}
