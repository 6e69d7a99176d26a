// One form for every decision that needs a reason on the record: manual offer, care type, protection override,
// priority raise, cancel, decline. With `codes` the reason is a choice from a fixed list (the code is all that events,
// webhooks and the live stream carry) plus an optional note, kept encrypted inside Adempauze; without, it is words.
// The form checks in Dutch first; the API checks again.
import { h } from './dom.js';

let sequence = 0;

/**
 * A form with a reason. Without `codes`: a text field, onConfirm(text). With `codes` ({CODE: 'Dutch label'}): a
 * choice and an optional note, onConfirm({ reasonCode, note }). onConfirm returns a promise (its ApiError is shown
 * at the field).
 */
export function reasonForm({ title, explanation, confirmLabel, onConfirm, onClose, test, codes }) {
  sequence += 1;
  const id = `reason-${sequence}`;
  const error = h('p', { class: 'field-error', id: `${id}-error` });
  const choice = codes ? h('select', { id: `${id}-code`, name: 'reasonCode', required: true, 'data-test': `${test}-code` },
    h('option', { value: '' }, 'Kies een reden'),
    Object.entries(codes).map(([value, text]) => h('option', { value }, text))) : null;
  const words = h('textarea', {
    id, name: codes ? 'note' : 'reason', rows: 3, maxlength: 500, required: !codes, 'aria-describedby': `${id}-error`,
  });
  const confirm = h('button', { type: 'submit', 'data-test': `${test}-confirm` }, confirmLabel);
  const form = h('form', { class: 'reason-form', novalidate: true, 'data-test': test },
    h('h3', {}, title),
    explanation ? h('p', { class: 'muted' }, explanation) : null,
    codes ? h('div', { class: 'field' }, h('label', { for: `${id}-code` }, 'Reden (komt in het dossier)'), choice) : null,
    h('div', { class: 'field' },
      h('label', { for: id }, codes ? 'Toelichting (niet verplicht; alleen zichtbaar voor wie de patiëntgegevens mag zien)'
        : 'Reden (komt in het dossier)'), words, error),
    h('div', { class: 'buttons' }, confirm,
      h('button', { type: 'button', class: 'secondary', onclick: onClose }, 'Annuleren')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = words.value.trim();
    if (codes && !choice.value) {
      showError('Kies een reden.', choice);
      return;
    }
    if (!codes && text.length < 3) {
      showError('Geef een reden van minstens 3 tekens.', words);
      return;
    }
    confirm.disabled = true;
    try {
      await onConfirm(codes ? { reasonCode: choice.value, note: text || null } : text);
    } catch (failure) {
      const onField = failure.fieldErrors?.find((field) => ['reason', 'reasonCode', 'note'].includes(field.field));
      showError(onField ? `Deze reden wordt niet geaccepteerd: ${onField.message}` : failure.message,
        onField?.field === 'reasonCode' ? choice : words);
    } finally {
      confirm.disabled = false;
    }
  });
  function showError(message, control) {
    error.textContent = message;
    control.setAttribute('aria-invalid', 'true');
    control.focus();
  }
  setTimeout(() => (choice || words).focus(), 0);
  return form;
}
