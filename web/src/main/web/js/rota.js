// The on-call rota (Dienstrooster) of a region: who is on call now and until when, the coming shifts, and a form to
// plan a shift or change one; Wisselen swaps primary and backup, Verwijderen removes a shift. The API checks every
// field; what it refuses is said in Dutch next to the field.
import { h, fill, formatDateTime, announce } from './dom.js';
import { call, get, post, put } from './api.js';
import { fillRegionPicker } from './region.js';

/** Dutch messages for the fields the API may name. */
const SERVER_MESSAGES = {
  startsAt: 'Deze dienst overlapt met een andere dienst van de regio: kies een ander begin of einde.',
  endsAt: 'Het einde moet na het begin liggen.',
  primary: 'Vul de dienstdoende coördinator in.',
  'primary.userId': 'Vul een geldige gebruikersnaam in (letters, cijfers, punt, _, @ of -).',
  'primary.email': 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.',
  'primary.phone': 'Vul een mobiel nummer in: 06 12345678, +31 6 12345678 of internationaal (+49…).',
  'backup.userId': 'De achterwacht is iemand anders dan de dienstdoende (een geldige gebruikersnaam).',
  'backup.email': 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.',
  'backup.phone': 'Vul een mobiel nummer in: 06 12345678, +31 6 12345678 of internationaal (+49…).',
};

const PEOPLE = { primary: 'Dienstdoende', backup: 'Achterwacht (mag leeg)' };

export function mountRota(container, session) {
  const regionSelect = h('select', { id: 'rota-region', onchange: () => load() });
  const current = h('section', { class: 'panel', 'aria-labelledby': 'rota-now-title', 'data-test': 'rota-now' });
  const shifts = h('section', { class: 'panel', 'aria-labelledby': 'rota-shifts-title' });
  const form = shiftForm(save);
  fill(container,
    h('div', { class: 'screen-title' }, h('h1', {}, 'Dienstrooster'),
      h('label', { for: 'rota-region' }, 'Regio ', regionSelect)),
    h('div', { class: 'two-columns rota' }, h('div', {}, current, shifts), form.element));

  const region = () => encodeURIComponent(regionSelect.value);

  async function load() {
    try {
      render(await get(`/api/v1/regions/${region()}/on-call`));
    } catch (failure) {
      fill(current, h('p', { class: 'form-error' }, failure.message));
    }
  }

  async function save(body, shiftId) {
    if (shiftId) {
      await put(`/api/v1/regions/${region()}/shifts/${encodeURIComponent(shiftId)}`, body);
      announce('Dienst gewijzigd.', 'success');
    } else {
      await post(`/api/v1/regions/${region()}/shifts`, body);
      announce('Dienst gepland.', 'success');
    }
    await load();
  }

  async function swap(shift) {
    try {
      await put(`/api/v1/regions/${region()}/shifts/${encodeURIComponent(shift.id)}`, {
        startsAt: shift.startsAt, endsAt: shift.endsAt, primary: shift.backup, backup: shift.primary });
      announce(`Gewisseld: ${shift.backup.userId} heeft nu dienst.`, 'success');
      await load();
    } catch (failure) {
      announce(failure.message, 'error');
    }
  }

  async function remove(shift, button) {
    if (button.dataset.confirm !== 'yes') {
      button.dataset.confirm = 'yes';
      button.textContent = 'Zeker verwijderen?';
      return;
    }
    try {
      await call('DELETE', `/api/v1/regions/${region()}/shifts/${encodeURIComponent(shift.id)}`);
      announce('Dienst verwijderd.', 'success');
      await load();
    } catch (failure) {
      announce(failure.message, 'error');
    }
  }

  function render(onCall) {
    const now = onCall.now;
    fill(current, h('h2', { id: 'rota-now-title' }, 'Nu dienst'),
      now ? h('dl', { class: 'facts' },
        h('dt', {}, 'Dienstdoende'), h('dd', { 'data-test': 'now-primary' }, contactText(now.primary)),
        h('dt', {}, 'Achterwacht'), h('dd', { 'data-test': 'now-backup' }, now.backup ? contactText(now.backup) : 'geen'),
        h('dt', {}, 'Tot'), h('dd', { 'data-test': 'covered-until' }, formatDateTime(onCall.coveredUntil || now.endsAt)))
        : h('p', { class: 'flag attention' }, 'Niemand heeft nu dienst: escalaties bereiken niemand.'),
      now && onCall.gapWithinAnHour ? h('p', { class: 'flag attention', 'data-test': 'rota-gap' },
        'Binnen het uur heeft niemand dienst: plan een aansluitende dienst.') : null);
    const all = [now, ...onCall.next].filter(Boolean);
    fill(shifts, h('h2', { id: 'rota-shifts-title' }, 'Diensten'),
      all.length === 0 ? h('p', { class: 'muted' }, 'Geen diensten gepland.')
        : h('table', { 'data-test': 'shifts' },
          h('thead', {}, h('tr', {}, ['Begin', 'Einde', 'Dienstdoende', 'Achterwacht', 'Acties']
            .map((title) => h('th', { scope: 'col' }, title)))),
          h('tbody', {}, all.map((shift) => {
            const removeButton = h('button', { type: 'button', class: 'small secondary', 'data-test': 'remove-shift' }, 'Verwijderen');
            removeButton.addEventListener('click', () => remove(shift, removeButton));
            return h('tr', { 'data-shift': shift.id },
              h('td', {}, formatDateTime(shift.startsAt)), h('td', {}, formatDateTime(shift.endsAt)),
              h('td', { 'data-test': 'primary' }, contactText(shift.primary)),
              h('td', { 'data-test': 'backup' }, shift.backup ? contactText(shift.backup) : '–'),
              h('td', { class: 'shift-actions' },
                shift.backup ? h('button', { type: 'button', class: 'small secondary', 'data-test': 'swap-shift', onclick: () => swap(shift) }, 'Wisselen') : null,
                h('button', { type: 'button', class: 'small secondary', 'data-test': 'edit-shift', onclick: () => form.edit(shift) }, 'Wijzigen'),
                removeButton));
          }))));
  }

  fillRegionPicker(regionSelect, session).then(load,
    (failure) => fill(current, h('p', { class: 'form-error' }, failure.message)));
  return () => {};
}

function contactText(contact) {
  return `${contact.userId} · ${contact.email} · ${contact.phone}`;
}

/** The plan/change form; onSave(body, shiftId) rejects with the API's error, whose fields are shown here. */
function shiftForm(onSave) {
  const fields = new Map();
  let editing = null;
  function field(name, labelText, control) {
    const id = `shift-${name.replace(/\./g, '-')}`;
    Object.assign(control, { id, name });
    control.dataset.field = name;
    const error = h('p', { class: 'field-error', id: `${id}-error`, 'data-error-for': name });
    control.setAttribute('aria-describedby', `${id}-error`);
    fields.set(name, { control, error });
    return h('div', { class: 'field' }, h('label', { for: id }, labelText), control, error);
  }
  const person = (role) => h('fieldset', {}, h('legend', {}, PEOPLE[role]),
    field(`${role}.userId`, 'Gebruikersnaam', h('input', { type: 'text', autocomplete: 'off' })),
    field(`${role}.email`, 'E-mail', h('input', { type: 'email', autocomplete: 'off' })),
    field(`${role}.phone`, 'Mobiel nummer (sms)', h('input', { type: 'tel', autocomplete: 'off', placeholder: '06 12345678' })));
  const title = h('h2', { id: 'shift-form-title' }, 'Dienst plannen');
  const submit = h('button', { type: 'submit', 'data-test': 'save-shift' }, 'Dienst plannen');
  const cancel = h('button', { type: 'button', class: 'secondary', hidden: true, onclick: () => reset() }, 'Annuleren');
  const formError = h('p', { class: 'form-error', role: 'alert' });
  const element = h('form', { class: 'card', novalidate: true, 'aria-labelledby': 'shift-form-title', 'data-test': 'shift-form' },
    title,
    h('div', { class: 'row' },
      field('startsAt', 'Begin', h('input', { type: 'datetime-local' })),
      field('endsAt', 'Einde', h('input', { type: 'datetime-local' }))),
    person('primary'), person('backup'), formError, h('div', { class: 'buttons' }, submit, cancel));
  const value = (name) => fields.get(name).control.value.trim();

  function reset(shift = null) {
    editing = shift;
    element.reset();
    clearErrors();
    const start = shift ? new Date(shift.startsAt) : new Date(Math.floor(Date.now() / 60000) * 60000);
    fields.get('startsAt').control.value = localValue(start);
    fields.get('endsAt').control.value = localValue(shift ? new Date(shift.endsAt) : new Date(start.getTime() + 8 * 3600000));
    for (const role of ['primary', 'backup']) {
      for (const part of ['userId', 'email', 'phone']) fields.get(`${role}.${part}`).control.value = shift?.[role]?.[part] || '';
    }
    title.textContent = shift ? 'Dienst wijzigen' : 'Dienst plannen';
    submit.textContent = shift ? 'Wijziging opslaan' : 'Dienst plannen';
    cancel.hidden = !shift;
  }

  function clearErrors() {
    for (const { control, error } of fields.values()) {
      error.textContent = '';
      control.removeAttribute('aria-invalid');
    }
    formError.textContent = '';
  }

  function showErrors(fieldErrors) {
    let first = null;
    for (const { field: name, dutch } of fieldErrors) {
      const target = fields.get(name) || fields.get(`${name}.userId`);
      const message = dutch || SERVER_MESSAGES[name] || 'Deze waarde wordt niet geaccepteerd.';
      if (!target) {
        formError.textContent = message;
        continue;
      }
      target.error.textContent = message;
      target.control.setAttribute('aria-invalid', 'true');
      first = first || target.control;
    }
    first?.focus();
  }

  function contact(role) {
    const [userId, email, phone] = ['userId', 'email', 'phone'].map((part) => value(`${role}.${part}`));
    return userId || email || phone ? { userId, email, phone } : null;
  }

  element.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors();
    const errors = [];
    // the page asks only for what is missing; the API judges addresses and numbers (its words shown in Dutch)
    if (!value('startsAt')) errors.push({ field: 'startsAt', dutch: 'Kies het begin van de dienst.' });
    if (!value('endsAt')) errors.push({ field: 'endsAt', dutch: 'Kies het einde van de dienst.' });
    const primary = contact('primary');
    const backup = contact('backup');
    for (const [role, person] of [['primary', primary || {}], ['backup', backup]]) {
      if (!person) continue;
      if (!person.userId) errors.push({ field: `${role}.userId`, dutch: 'Vul de gebruikersnaam in.' });
      if (!person.email) errors.push({ field: `${role}.email`, dutch: 'Vul het e-mailadres in.' });
      if (!person.phone) errors.push({ field: `${role}.phone`, dutch: 'Vul het mobiele nummer in.' });
    }
    if (errors.length) {
      showErrors(errors);
      return;
    }
    submit.disabled = true;
    try {
      await onSave({
        startsAt: new Date(value('startsAt')).toISOString(), endsAt: new Date(value('endsAt')).toISOString(),
        primary, backup,
      }, editing?.id);
      reset();
    } catch (failure) {
      if (failure.fieldErrors?.length) showErrors(failure.fieldErrors);
      else formError.textContent = failure.message;
    } finally {
      submit.disabled = false;
    }
  });
  reset();
  return { element, edit: (shift) => { reset(shift); fields.get('startsAt').control.focus(); } };
}

/** A moment as the value of a datetime-local field, in the browser's time zone. */
function localValue(moment) {
  const pad = (number) => String(number).padStart(2, '0');
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}T${pad(moment.getHours())}:${pad(moment.getMinutes())}`;
}
