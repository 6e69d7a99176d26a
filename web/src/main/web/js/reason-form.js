// One form for every decision that needs a reason on the record: manual offer, protection override, priority
// raise, cancel. The reason is checked here in Dutch first; the API checks it again.
import { h } from './dom.js';

let sequence = 0;

/** A form with a reason field; onConfirm(reason) returns a promise (its ApiError is shown at the field). */
export function reasonForm({ title, explanation, confirmLabel, onConfirm, onClose, test }) {
  sequence += 1;
  const id = `reason-${sequence}`;
  const error = h('p', { class: 'field-error', id: `${id}-error` });
  const reason = h('textarea', {
    id, name: 'reason', rows: 3, maxlength: 500, required: true, 'aria-describedby': `${id}-error`,
  });
  const confirm = h('button', { type: 'submit', 'data-test': `${test}-confirm` }, confirmLabel);
  const form = h('form', { class: 'reason-form', novalidate: true, 'data-test': test },
    h('h3', {}, title),
    explanation ? h('p', { class: 'muted' }, explanation) : null,
    h('div', { class: 'field' }, h('label', { for: id }, 'Reden (komt in het dossier)'), reason, error),
    h('div', { class: 'buttons' }, confirm,
      h('button', { type: 'button', class: 'secondary', onclick: onClose }, 'Annuleren')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = reason.value.trim();
    if (text.length < 3) {
      showError('Geef een reden van minstens 3 tekens.');
      return;
    }
    confirm.disabled = true;
    try {
      await onConfirm(text);
    } catch (failure) {
      const onField = failure.fieldErrors?.find((field) => field.field === 'reason');
      showError(onField ? `Deze reden wordt niet geaccepteerd: ${onField.message}` : failure.message);
    } finally {
      confirm.disabled = false;
    }
  });
  function showError(message) {
    error.textContent = message;
    reason.setAttribute('aria-invalid', 'true');
    reason.focus();
  }
  setTimeout(() => reason.focus(), 0);
  return form;
}
