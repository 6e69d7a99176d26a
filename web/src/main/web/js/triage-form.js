// "Weet ik niet, help mij kiezen": the region's triage questions (ja / nee / weet ik niet), the advice its table
// gives (asked of the API, nothing stored yet), explained in Dutch with the answers it rests on. The GP then takes
// the suggested care type, picks another, or sends the request to the coordinator when the advice is undecided.
import { h, fill } from './dom.js';
import { get, post } from './api.js';
import { careTypeName } from './labels.js';

const ANSWER_TEXT = { YES: 'ja', NO: 'nee', UNKNOWN: 'weet ik niet' };
const ADVICE_TEXT = {
  HOSPITAL: 'Verwijs naar het ziekenhuis',
  SUPPORT_AT_HOME: 'Zorg of ondersteuning thuis',
};

let sequence = 0;

/**
 * The triage part of the request form. onChoose(careTypeCode) fills the form's care type ('' for "the coordinator
 * chooses"). Returns {element, open(), answers() (null while closed), advice(), reset()}.
 */
export function triageForm(region, onChoose) {
  sequence += 1;
  const prefix = `tri${sequence}`;
  const questions = h('div', { class: 'triage-questions' });
  const result = h('div', { class: 'triage-advice', role: 'status', 'aria-live': 'polite', 'data-test': 'triage-advice' });
  const ask = h('button', { type: 'button', class: 'secondary', 'data-test': 'triage-ask', onclick: () => preview() }, 'Advies vragen');
  const element = h('fieldset', { class: 'triage', hidden: true, 'data-test': 'triage' },
    h('legend', {}, 'Help mij kiezen'),
    h('p', { class: 'hint' }, 'Beantwoord de vragen (afwegingsinstrument ELV). Weet u iets niet, kies dan "weet ik niet".'),
    questions, ask, result);
  let opened = false;
  let current = null;

  async function open() {
    opened = true;
    element.hidden = false;
    if (questions.childElementCount) return;
    try {
      const triage = await get(`/api/v1/regions/${encodeURIComponent(region.id)}/triage`);
      fill(questions, triage.questions.map((question) => h('fieldset', { class: 'field triage-question', 'data-question': question.code },
        h('legend', {}, question.text),
        question.help ? h('p', { class: 'hint' }, question.help) : null,
        Object.entries(ANSWER_TEXT).map(([value, text]) => h('label', { class: 'inline' },
          h('input', {
            type: 'radio', name: `${prefix}-${question.code}`, value, checked: value === 'UNKNOWN',
            'data-test': `triage-${question.code}-${value}`, onchange: () => { current = null; fill(result); },
          }), ` ${text}`)))));
    } catch (failure) {
      fill(questions, h('p', { class: 'field-error' }, `De vragen konden niet worden geladen: ${failure.message}`));
    }
  }

  function answers() {
    if (!opened) return null;
    const given = {};
    for (const input of questions.querySelectorAll('input[type=radio]:checked')) {
      given[input.closest('[data-question]').dataset.question] = input.value;
    }
    return given;
  }

  async function preview() {
    ask.disabled = true;
    try {
      current = await post(`/api/v1/regions/${encodeURIComponent(region.id)}/triage`, { answers: answers() });
      render(current);
      result.scrollIntoView({ block: 'nearest' });
    } catch (failure) {
      current = null;
      const onAnswers = failure.fieldErrors?.find((field) => field.field.startsWith('triage.answers') || field.field.startsWith('answers'));
      fill(result, h('p', { class: 'field-error', 'data-test': 'triage-error' }, onAnswers
        ? `Deze antwoorden spreken elkaar tegen of zijn onbekend: ${failure.message}` : failure.message));
    } finally {
      ask.disabled = false;
    }
  }

  function render(advice) {
    const heading = advice.outcome === 'CARE_TYPE' ? `Advies: ${careTypeName(region, advice.careType)}`
      : advice.outcome === 'NOT_TEMPORARY_STAY' ? `Advies: geen tijdelijk verblijf – ${ADVICE_TEXT[advice.advice] || advice.advice}`
        : 'Geen eenduidig advies: de coördinator kiest de zorgvorm';
    const choose = advice.outcome === 'CARE_TYPE'
      ? h('button', { type: 'button', 'data-test': 'triage-accept', onclick: () => onChoose(advice.careType) }, `${careTypeName(region, advice.careType)} kiezen`)
      : advice.outcome === 'UNDECIDED'
        ? h('button', { type: 'button', 'data-test': 'triage-to-coordinator', onclick: () => onChoose('') }, 'Naar de coördinator sturen')
        : null;
    fill(result,
      h('h3', { 'data-test': 'triage-suggestion' }, heading),
      h('p', { 'data-test': 'triage-explanation' }, advice.explanation),
      advice.reasons.length ? h('ul', { class: 'small' }, advice.reasons.map((reason) => h('li', {}, `${reason.text} – ${ANSWER_TEXT[reason.answer]}`))) : null,
      choose,
      h('p', { class: 'hint' }, advice.outcome === 'UNDECIDED'
        ? 'Laat de zorgvorm leeg en dien de aanvraag in: de coördinator van de regio kiest en daarna wordt een plek gezocht.'
        : 'U kunt ook zelf een andere zorgvorm kiezen; uw antwoorden en het advies gaan mee met de aanvraag.'));
  }

  function reset() {
    opened = false;
    current = null;
    element.hidden = true;
    fill(questions);
    fill(result);
  }

  return { element, open, answers, advice: () => current, reset };
}
