// The handover before acceptance (aanmeldbericht): the referrer's optional form section, and the read-only view the
// offered provider and the coordinator see. Every look at it is a read on the audit trail, so screens fetch it only
// when someone asks to see it.
import { h } from './dom.js';
import { HANDOVER, label } from './labels.js';

/** Dutch messages for the handover fields the API may name (indices stripped: handover.problems[2].name). */
export const HANDOVER_MESSAGES = {
  'handover.reasonForAdmission': 'Vul de reden van aanmelding in (hoogstens 1000 tekens).',
  'handover.problems': 'Hoogstens 20 problemen of diagnoses.',
  'handover.problems.name': 'Een probleem of diagnose is hoogstens 300 tekens.',
  'handover.cognitionAndBehaviour.notes': 'De toelichting is hoogstens 1000 tekens.',
  'handover.nursingCare.notes': 'De toelichting is hoogstens 1000 tekens.',
  'handover.infection.carrierOf': 'Dragerschap is hoogstens 300 tekens.',
  'handover.allergies': 'Hoogstens 20 allergieën.',
  'handover.allergies.substance': 'Een allergie is hoogstens 300 tekens.',
  'handover.informalCarer.name': 'Vul de naam van de mantelzorger in.',
  'handover.informalCarer.relationship': 'De relatie is hoogstens 100 tekens.',
  'handover.informalCarer.phone': 'Vul een geldig telefoonnummer in.',
};

const YES_NO = [['urinaryCatheter', 'Blaaskatheter'], ['stoma', 'Stoma']];
const BEHAVIOUR = [['delirium', 'Delier'], ['wandering', 'Dwaalgedrag'], ['agitation', 'Onrust of agitatie']];
const NURSING = [['wounds', 'Wondzorg'], ['injections', 'Injecties'], ['oxygen', 'Zuurstof'], ['tubeFeeding', 'Sondevoeding']];

/**
 * The collapsible form section; `field(name, label, control, hint)` is the form's own (so the API's field errors land
 * next to the control). Returns {element, value(), check()}: value() is null when nothing was filled in.
 */
export function handoverSection(field) {
  const choice = (table, test) => h('select', { 'data-test': test }, h('option', { value: '' }, '–'),
    Object.entries(table).map(([value, text]) => h('option', { value }, text)));
  const boxes = (pairs) => pairs.map(([key, text]) => h('label', { class: 'inline' },
    h('input', { type: 'checkbox', value: key, 'data-handover-box': key }), ` ${text}`));
  const controls = {
    reason: h('textarea', { rows: 2, maxlength: 1000, 'data-test': 'handover-reason' }),
    problems: h('textarea', { rows: 3 }),
    mobility: choice(HANDOVER.mobility), transfers: choice(HANDOVER.transfers, 'handover-transfers'),
    washing: choice(HANDOVER.dependency), toileting: choice(HANDOVER.dependency), eating: choice(HANDOVER.dependency),
    behaviourNotes: h('input', { maxlength: 1000 }), nursingNotes: h('input', { maxlength: 1000 }),
    isolation: choice(HANDOVER.isolation), carrierOf: h('input', { maxlength: 300 }),
    allergies: h('textarea', { rows: 2 }), resuscitation: choice(HANDOVER.resuscitation),
    carerName: h('input', { maxlength: 200, autocomplete: 'off' }), carerRelationship: h('input', { maxlength: 100 }),
    carerPhone: h('input', { type: 'tel', maxlength: 30, autocomplete: 'off' }),
  };
  const element = h('details', { 'data-test': 'handover-section' }, h('summary', {}, 'Overdracht (aanmeldbericht, optioneel)'),
    h('p', { class: 'hint' }, 'Zodat de aanbieder het aanbod kan beoordelen vóór acceptatie. Alleen zichtbaar voor u, de coördinator '
      + 'en de aanbieder die het aanbod krijgt; versleuteld bewaard en elke inzage vastgelegd.'),
    field('handover.reasonForAdmission', 'Reden van aanmelding', controls.reason),
    field('handover.problems', 'Hoofdproblemen en diagnoses', controls.problems, 'Eén per regel'),
    h('fieldset', {}, h('legend', {}, 'ADL-afhankelijkheid'),
      h('div', { class: 'row' }, field('handover.dailyCare.mobility', 'Mobiliteit', controls.mobility),
        field('handover.dailyCare.transfers', 'Transfers', controls.transfers)),
      h('div', { class: 'row' }, field('handover.dailyCare.washing', 'Wassen', controls.washing),
        field('handover.dailyCare.toileting', 'Toiletgang', controls.toileting),
        field('handover.dailyCare.eating', 'Eten', controls.eating)),
      boxes(YES_NO)),
    h('fieldset', {}, h('legend', {}, 'Cognitie en gedrag'), boxes(BEHAVIOUR),
      field('handover.cognitionAndBehaviour.notes', 'Toelichting', controls.behaviourNotes)),
    h('fieldset', {}, h('legend', {}, 'Verpleegkundige zorg'), boxes(NURSING),
      field('handover.nursingCare.notes', 'Toelichting', controls.nursingNotes)),
    h('div', { class: 'row' }, field('handover.infection.isolation', 'Isolatie', controls.isolation),
      field('handover.infection.carrierOf', 'Dragerschap', controls.carrierOf, 'Bijvoorbeeld MRSA of BRMO')),
    field('handover.allergies', 'Allergieën', controls.allergies, 'Eén per regel'),
    field('handover.resuscitationPolicy', 'Reanimatiebeleid', controls.resuscitation),
    h('fieldset', {}, h('legend', {}, 'Mantelzorger (contactpersoon)'),
      h('div', { class: 'row' }, field('handover.informalCarer.name', 'Naam', controls.carerName),
        field('handover.informalCarer.relationship', 'Relatie', controls.carerRelationship),
        field('handover.informalCarer.phone', 'Telefoon', controls.carerPhone))));

  const text = (control) => control.value.trim() || null;
  const lines = (control) => control.value.split('\n').map((line) => line.trim()).filter(Boolean);
  const box = (key) => element.querySelector(`[data-handover-box=${key}]`).checked;
  const flags = (pairs) => Object.fromEntries(pairs.map(([key]) => [key, box(key)]));
  const touched = () => Object.values(controls).some((control) => control.value.trim() !== '')
    || element.querySelector('[data-handover-box]:checked') !== null;

  function value() {
    if (!touched()) return null;
    const carer = text(controls.carerName) || text(controls.carerRelationship) || text(controls.carerPhone);
    return {
      reasonForAdmission: text(controls.reason),
      problems: lines(controls.problems).map((name) => ({ name })),
      dailyCare: {
        mobility: text(controls.mobility), transfers: text(controls.transfers), washing: text(controls.washing),
        toileting: text(controls.toileting), eating: text(controls.eating), ...flags(YES_NO),
      },
      cognitionAndBehaviour: { ...flags(BEHAVIOUR), notes: text(controls.behaviourNotes) },
      nursingCare: { ...flags(NURSING), notes: text(controls.nursingNotes) },
      infection: { isolation: text(controls.isolation), carrierOf: text(controls.carrierOf) },
      allergies: lines(controls.allergies).map((substance) => ({ substance })),
      resuscitationPolicy: text(controls.resuscitation),
      informalCarer: carer ? { name: text(controls.carerName), relationship: text(controls.carerRelationship),
        phone: text(controls.carerPhone) } : null,
    };
  }

  /** The page's own checks, in the API's field names. */
  function check(handover) {
    if (!handover) return [];
    const errors = [];
    if (!handover.reasonForAdmission) errors.push({ field: 'handover.reasonForAdmission', dutch: 'Vul de reden van aanmelding in, of laat de overdracht leeg.' });
    if (handover.problems.length > 20) errors.push({ field: 'handover.problems', dutch: HANDOVER_MESSAGES['handover.problems'] });
    if (handover.problems.some((problem) => problem.name.length > 300)) errors.push({ field: 'handover.problems', dutch: HANDOVER_MESSAGES['handover.problems.name'] });
    if (handover.allergies.length > 20) errors.push({ field: 'handover.allergies', dutch: HANDOVER_MESSAGES['handover.allergies'] });
    if (handover.informalCarer && !handover.informalCarer.name) errors.push({ field: 'handover.informalCarer.name', dutch: HANDOVER_MESSAGES['handover.informalCarer.name'] });
    if (handover.informalCarer?.phone && !/^[+0-9][0-9 ()-]{5,19}$/.test(handover.informalCarer.phone)) {
      errors.push({ field: 'handover.informalCarer.phone', dutch: HANDOVER_MESSAGES['handover.informalCarer.phone'] });
    }
    return errors;
  }

  return { element, value, check };
}

/** The handover as read-only facts with Dutch labels (every text goes in as text, never as HTML). */
export function handoverFacts(handover) {
  const yes = (part, pairs) => pairs.filter(([key]) => part?.[key] === true).map(([, text]) => text);
  const no = (part, pairs) => pairs.filter(([key]) => part?.[key] === false).map(([, text]) => text.toLowerCase());
  const flags = (part, pairs) => {
    const said = [...yes(part, pairs), ...(no(part, pairs).length ? [`geen ${no(part, pairs).join(', ')}`] : [])];
    return said.length ? said.join('; ') : null;
  };
  const row = (term, value) => (value === null || value === undefined || value === '' ? null
    : [h('dt', {}, term), h('dd', {}, value)]);
  const care = handover.dailyCare || {};
  const dependency = [['Wassen', care.washing], ['toiletgang', care.toileting], ['eten', care.eating]]
    .filter(([, value]) => value).map(([term, value]) => `${term}: ${label(HANDOVER.dependency, value).toLowerCase()}`);
  return h('section', { class: 'handover', 'data-test': 'handover' },
    h('h4', {}, 'Overdracht (aanmeldbericht)'),
    h('dl', { class: 'facts' },
      row('Reden van aanmelding', handover.reasonForAdmission),
      row('Problemen en diagnoses', (handover.problems || []).map((problem) => (problem.type
        ? `${problem.name} (${label(HANDOVER.problemType, problem.type)})` : problem.name)).join('; ')),
      row('Mobiliteit', care.mobility ? label(HANDOVER.mobility, care.mobility) : null),
      row('Transfers', care.transfers ? label(HANDOVER.transfers, care.transfers) : null),
      row('ADL', dependency.join('; ')),
      row('Uitscheiding', flags(care, YES_NO)),
      row('Cognitie en gedrag', [flags(handover.cognitionAndBehaviour, BEHAVIOUR), handover.cognitionAndBehaviour?.notes]
        .filter(Boolean).join('. ')),
      row('Verpleegkundige zorg', [flags(handover.nursingCare, NURSING), handover.nursingCare?.notes].filter(Boolean).join('. ')),
      row('Infectie en isolatie', [handover.infection?.isolation ? label(HANDOVER.isolation, handover.infection.isolation) : null,
        handover.infection?.carrierOf ? `drager van ${handover.infection.carrierOf}` : null].filter(Boolean).join('; ')),
      row('Allergieën', (handover.allergies || []).map((allergy) => (allergy.reaction
        ? `${allergy.substance} (${allergy.reaction})` : allergy.substance)).join('; ')),
      row('Reanimatiebeleid', handover.resuscitationPolicy ? label(HANDOVER.resuscitation, handover.resuscitationPolicy) : null),
      row('Mantelzorger', handover.informalCarer ? [handover.informalCarer.name, handover.informalCarer.relationship,
        handover.informalCarer.phone].filter(Boolean).join(', ') : null)));
}
