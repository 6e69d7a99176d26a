// The request form: crisis or planned, with every mistake told in Dutch next to its field, first by the page,
// then by the API (its problem names the field, the page puts the message there).
import { h, today } from './dom.js';
import { NEEDS } from './labels.js';
import { HANDOVER_MESSAGES, handoverSection } from './handover.js';
import { triageForm } from './triage-form.js';

/** Dutch messages for the fields the API may name; the page's own checks use the same words. */
const SERVER_MESSAGES = {
  careType: 'Deze zorgvorm kan niet op deze manier worden aangevraagd (gepland verblijf alleen voor logeerzorg en Wlz-logeeropvang).',
  urgency: 'Kies crisis of gepland.',
  residence: 'Vul een postcode of gemeente in.',
  'residence.postcode': 'Vul een geldige postcode in, zoals 9401 of 9401 GX.',
  'residence.municipality': 'Deze gemeente hoort niet bij de regio.',
  funder: 'Deze financier is niet bekend in de regio.',
  triage: 'Deze regio heeft geen triage: kies een zorgvorm.',
  'triage.answers': 'Deze antwoorden spreken elkaar tegen: pas ze aan.',
  'contact.name': 'Vul de naam in van wie teruggebeld kan worden.',
  'contact.phone': 'Vul een geldig telefoonnummer in.',
  stay: 'Geef bij een gepland verblijf de eerste nacht en het aantal nachten.',
  'stay.firstNight': 'Kies een eerste nacht vanaf vandaag (bij crisis geen datum).',
  'stay.nights': 'Dit aantal nachten past niet bij deze zorgvorm.',
  'stay.flexibleDays': 'Speling is 0 tot 14 dagen.',
  neededBy: 'Deze datum ligt in het verleden.',
  'patient.name': 'Vul de naam van de patiënt in.',
  'patient.dateOfBirth': 'Vul een geldige geboortedatum in.',
  'patient.bsn': 'Dit is geen geldig burgerservicenummer (elfproef).',
  'patient.phone': 'Vul een geldig telefoonnummer in.',
  'followUp.email': 'Vul een geldig e-mailadres in, zoals naam@praktijk.nl.',
  'followUp.phone': 'Vul een mobiel nummer in: 06 12345678, +31 6 12345678 of een buitenlands nummer met +.',
  'followUp.events': 'Kies waarover u bericht wilt krijgen.',
  ...HANDOVER_MESSAGES,
};

export function dutchMessageFor(field) {
  return SERVER_MESSAGES[field] || SERVER_MESSAGES[field.replace(/\[\d+\]/g, '')] || 'Deze waarde wordt niet geaccepteerd.';
}

let formSequence = 0;

/** What a referrer can ask to be told about ("Houd mij op de hoogte"), as the follow-up API names it. */
export const FOLLOW_UP_EVENTS = {
  PLACED: 'Geplaatst (waar en wanneer)',
  ESCALATED: 'Nog geen plek, coördinator gewaarschuwd',
  BOOKED: 'Verblijf geboekt (gepland)',
  REMINDER: 'Herinnering twee dagen vooraf (gepland)',
};

/**
 * Builds the form; onSubmit(body, followUp) sends it, followUp ({email, phone, events} or null) being the optional
 * "Houd mij op de hoogte" part, which goes to its own API once the request exists. Returns {element, showErrors(fieldErrors), reset()}. */
export function requestForm(region, onSubmit) {
  formSequence += 1;
  const prefix = `rf${formSequence}`;
  const fields = new Map();

  function field(name, labelText, control, hint) {
    const id = `${prefix}-${name.replace(/\./g, '-')}`;
    control.id = id;
    control.name = name;
    control.dataset.field = name;
    const error = h('p', { class: 'field-error', id: `${id}-error`, 'data-error-for': name });
    const hintElement = hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null;
    control.setAttribute('aria-describedby', [hintElement ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' '));
    fields.set(name, { control, error });
    return h('div', { class: 'field', 'data-field-wrapper': name }, h('label', { for: id }, labelText), hintElement, control, error);
  }

  const urgency = h('fieldset', { class: 'field', 'data-field-wrapper': 'urgency' },
    h('legend', {}, 'Urgentie'),
    ['CRISIS', 'PLANNED'].map((value) => h('label', { class: 'inline' },
      h('input', { type: 'radio', name: 'urgency', value, checked: value === 'CRISIS', 'data-test': `urgency-${value}` }),
      value === 'CRISIS' ? ' Crisis (opname binnen uren, dag en nacht)' : ' Gepland (logeerzorg op datum)')));
  const careType = h('select', { 'data-test': 'care-type' }, h('option', { value: '' }, 'Kies een zorgvorm'),
    region.careTypes.map((type) => h('option', { value: type.code }, type.name)));
  // "weet ik niet": the triage's questions and advice; choosing fills the care type ('' leaves it to the coordinator)
  const triage = triageForm(region, (code) => {
    careType.value = code;
    careType.dispatchEvent(new Event('change'));
    triageNote.textContent = code ? '' : 'Zonder zorgvorm: de coördinator kiest na het indienen.';
  });
  const triageNote = h('p', { class: 'hint', 'data-test': 'triage-note', 'aria-live': 'polite' });
  const triageOpen = h('button', { type: 'button', class: 'secondary small', 'data-test': 'triage-open', onclick: () => triage.open() },
    'Weet ik niet, help mij kiezen');
  const postcode = h('input', { autocomplete: 'off', inputmode: 'text', maxlength: 7, 'data-test': 'postcode' });
  const municipality = h('select', {}, h('option', { value: '' }, '(niet nodig als de postcode bekend is)'),
    region.municipalities.map((entry) => h('option', { value: entry.name || entry.id }, entry.name || entry.id)));
  const funder = h('select', {}, h('option', { value: '' }, 'Onbekend'),
    region.funders.map((entry) => h('option', { value: entry.id }, entry.name || entry.id)));
  const needs = h('fieldset', { class: 'field' }, h('legend', {}, 'Zorgbehoefte'),
    Object.entries(NEEDS).map(([code, text]) => h('label', { class: 'inline' },
      h('input', { type: 'checkbox', name: 'needs', value: code }), ` ${text}`)));
  const firstNight = h('input', { type: 'date', min: today(), 'data-test': 'first-night' });
  const nights = h('input', { type: 'number', min: 1, max: 366, inputmode: 'numeric', 'data-test': 'nights' });
  const flexibleDays = h('input', { type: 'number', min: 0, max: 14, value: 0, inputmode: 'numeric' });
  const contactName = h('input', { autocomplete: 'name', maxlength: 200, 'data-test': 'contact-name' });
  const contactPhone = h('input', { type: 'tel', autocomplete: 'tel', maxlength: 30, 'data-test': 'contact-phone' });
  const followEmail = h('input', { type: 'email', autocomplete: 'email', maxlength: 254, 'data-test': 'follow-up-email' });
  const followPhone = h('input', { type: 'tel', autocomplete: 'tel', maxlength: 30, 'data-test': 'follow-up-phone' });
  const followEvents = h('fieldset', { class: 'field', 'data-field-wrapper': 'followUp.events' }, h('legend', {}, 'Waarover'),
    Object.entries(FOLLOW_UP_EVENTS).map(([code, text]) => h('label', { class: 'inline' },
      h('input', { type: 'checkbox', name: 'followUpEvents', value: code, checked: true, 'data-test': `follow-up-${code}` }), ` ${text}`)));
  const followEventsError = h('p', { class: 'field-error', 'data-error-for': 'followUp.events' });
  followEvents.append(followEventsError);
  const patientName = h('input', { maxlength: 200, autocomplete: 'off' });
  const patientBirth = h('input', { type: 'date', max: today() });
  const patientBsn = h('input', { inputmode: 'numeric', maxlength: 9, autocomplete: 'off' });

  const plannedPart = h('fieldset', { class: 'planned-only', hidden: true }, h('legend', {}, 'Verblijf'),
    field('stay.firstNight', 'Eerste nacht', firstNight),
    field('stay.flexibleDays', 'Dagen speling (eerder of later)', flexibleDays));
  const handoverPart = handoverSection(field);
  const submit = h('button', { type: 'submit', 'data-test': 'submit-request' }, 'Aanvraag indienen');
  const element = h('form', { class: 'card request-form', novalidate: true, 'data-test': 'request-form' },
    h('h2', {}, 'Nieuwe aanvraag'),
    urgency,
    field('careType', 'Zorgvorm', careType),
    h('div', { class: 'triage-open' }, triageOpen, triageNote),
    triage.element,
    h('div', { class: 'row' },
      field('residence.postcode', 'Postcode woonadres', postcode, '4 cijfers is genoeg, bv. 9401'),
      field('residence.municipality', 'Of gemeente', municipality)),
    needs,
    field('funder', 'Financier (zorgverzekeraar, zorgkantoor of gemeente)', funder),
    plannedPart,
    field('stay.nights', 'Aantal nachten', nights, 'Bij crisis: leeg laten voor de standaardduur'),
    h('fieldset', {}, h('legend', {}, 'Terugbellen'),
      h('div', { class: 'row' }, field('contact.name', 'Naam', contactName), field('contact.phone', 'Telefoon', contactPhone))),
    h('details', { 'data-test': 'follow-up' }, h('summary', {}, 'Houd mij op de hoogte (sms of e-mail)'),
      h('p', { class: 'hint' }, 'Zo hoeft u niet te wachten op een telefoontje: u krijgt een kort bericht met de plek, het adres en de opnametijd, of dat er nog geen plek is. Zonder gegevens van de patiënt.'),
      h('div', { class: 'row' }, field('followUp.email', 'E-mail', followEmail), field('followUp.phone', 'Mobiel nummer', followPhone)),
      followEvents),
    h('details', {}, h('summary', {}, 'Patiëntgegevens (kan ook later)'),
      h('p', { class: 'hint' }, 'Alleen zichtbaar voor u, de coördinator en de aanbieder die accepteert; versleuteld bewaard.'),
      field('patient.name', 'Naam patiënt', patientName),
      h('div', { class: 'row' }, field('patient.dateOfBirth', 'Geboortedatum', patientBirth), field('patient.bsn', 'BSN', patientBsn))),
    handoverPart.element,
    h('p', { class: 'form-error', role: 'alert', 'data-test': 'form-error' }),
    submit);

  const urgencyValue = () => element.querySelector('input[name=urgency]:checked').value;
  urgency.addEventListener('change', () => { plannedPart.hidden = urgencyValue() !== 'PLANNED'; });

  function clearErrors() {
    for (const { control, error } of fields.values()) {
      error.textContent = '';
      control.removeAttribute('aria-invalid');
    }
    followEventsError.textContent = '';
    element.querySelector('.form-error').textContent = '';
  }

  function showErrors(fieldErrors) {
    let first = null;
    for (const fieldError of fieldErrors) {
      const plain = fieldError.field.replace(/\[\d+\]/g, ''); // handover.problems[2].name: the problems box
      const name = fields.has(plain) ? plain
        : [...fields.keys()].find((key) => plain.startsWith(`${key}.`) || key.startsWith(`${plain}.`));
      const target = fields.get(name);
      if (plain === 'followUp.events') {
        followEventsError.textContent = fieldError.dutch || dutchMessageFor(plain);
        continue;
      }
      if (!target) {
        element.querySelector('.form-error').textContent = dutchMessageFor(fieldError.field);
        continue;
      }
      target.error.textContent = fieldError.dutch || dutchMessageFor(fieldError.field);
      target.control.setAttribute('aria-invalid', 'true');
      first = first || target.control;
    }
    first?.focus();
  }

  function check(body) {
    const errors = [];
    const need = (condition, fieldName, dutch) => { if (!condition) errors.push({ field: fieldName, dutch }); };
    need(body.careType || body.triage, 'careType', 'Kies een zorgvorm, of gebruik "Weet ik niet, help mij kiezen".');
    if (!body.careType && triage.advice()?.outcome === 'NOT_TEMPORARY_STAY') {
      need(false, 'careType', `Volgens de triage is tijdelijk verblijf niet de juiste plek: ${triage.advice().explanation}`);
    }
    need(body.residence.postcode || body.residence.municipality, 'residence.postcode', 'Vul een postcode of gemeente in.');
    if (body.residence.postcode) {
      need(/^[1-9][0-9]{3}( ?[A-Za-z]{2})?$/.test(body.residence.postcode), 'residence.postcode', SERVER_MESSAGES['residence.postcode']);
    }
    need(body.contact.name, 'contact.name', SERVER_MESSAGES['contact.name']);
    need(/^[+0-9 ()-]{6,30}$/.test(body.contact.phone), 'contact.phone', body.contact.phone ? SERVER_MESSAGES['contact.phone'] : 'Vul een telefoonnummer in.');
    if (body.urgency === 'PLANNED') {
      need(body.stay?.firstNight, 'stay.firstNight', 'Kies de eerste nacht.');
      need(body.stay?.firstNight >= today() || !body.stay?.firstNight, 'stay.firstNight', 'De eerste nacht ligt in het verleden.');
      need(body.stay?.nights, 'stay.nights', 'Vul het aantal nachten in.');
    }
    if (body.stay?.nights !== undefined && body.stay?.nights !== null) {
      need(Number.isInteger(body.stay.nights) && body.stay.nights >= 1, 'stay.nights', 'Vul een heel aantal nachten in (1 of meer).');
    }
    if (body.patient?.bsn) need(elevenTest(body.patient.bsn), 'patient.bsn', SERVER_MESSAGES['patient.bsn']);
    return [...errors, ...handoverPart.check(body.handover)];
  }

  /** The "Houd mij op de hoogte" part: null when left empty; the API checks the same (and names the same fields). */
  function followUpValue() {
    const email = followEmail.value.trim();
    const phone = followPhone.value.trim();
    if (!email && !phone) return null;
    return { email: email || null, phone: phone || null,
      events: [...element.querySelectorAll('input[name=followUpEvents]:checked')].map((box) => box.value) };
  }

  function checkFollowUp(followUp) {
    if (!followUp) return [];
    const errors = [];
    if (followUp.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(followUp.email)) errors.push({ field: 'followUp.email' });
    const digits = (followUp.phone || '').replace(/[\s-]/g, '').replace(/^00/, '+');
    if (followUp.phone && !/^(06[1-9][0-9]{7}|\+316[1-9][0-9]{7}|\+(?!31)[1-9][0-9]{7,14})$/.test(digits)) {
      errors.push({ field: 'followUp.phone' });
    }
    if (followUp.events.length === 0) errors.push({ field: 'followUp.events' });
    return errors;
  }

  element.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors();
    const urgencyCode = urgencyValue();
    const stay = {};
    if (urgencyCode === 'PLANNED') {
      stay.firstNight = firstNight.value || null;
      stay.flexibleDays = flexibleDays.value === '' ? null : Number(flexibleDays.value);
    }
    if (nights.value !== '') stay.nights = Number(nights.value);
    const patient = patientName.value.trim() ? {
      name: patientName.value.trim(), dateOfBirth: patientBirth.value || null, bsn: patientBsn.value.trim() || null,
    } : null;
    const body = {
      region: region.id, careType: careType.value || null, urgency: urgencyCode,
      residence: { postcode: postcode.value.trim() || null, municipality: municipality.value || null },
      needs: [...element.querySelectorAll('input[name=needs]:checked')].map((box) => box.value),
      funder: funder.value || null,
      contact: { name: contactName.value.trim(), phone: contactPhone.value.trim() },
      stay: Object.keys(stay).length ? stay : null,
      patient,
      handover: handoverPart.value(),
    };
    const answers = triage.answers();
    if (answers) body.triage = { answers };
    const followUp = followUpValue();
    const errors = [...check(body), ...checkFollowUp(followUp)];
    if (errors.length) {
      showErrors(errors);
      return;
    }
    submit.disabled = true;
    try {
      await onSubmit(body, followUp);
      element.reset();
      plannedPart.hidden = true;
      triage.reset();
      triageNote.textContent = '';
    } catch (failure) {
      if (failure.fieldErrors?.length) {
        showErrors(failure.fieldErrors);
      } else {
        element.querySelector('.form-error').textContent = failure.message;
      }
    } finally {
      submit.disabled = false;
    }
  });

  return { element, showErrors };
}

function elevenTest(bsn) {
  if (!/^[0-9]{9}$/.test(bsn)) return false;
  const digits = [...bsn].map(Number);
  const sum = digits.slice(0, 8).reduce((total, digit, index) => total + digit * (9 - index), 0) - digits[8];
  return sum % 11 === 0;
}
