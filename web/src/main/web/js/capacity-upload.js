// The provider's capacity file: every location's free beds in one upload (CSV from a spreadsheet or the provider's
// own system), all or nothing; a refused file names each line to correct. A template with the provider's own
// locations and care types, filled with today's figures, is one click away.
import { h, fill, announce } from './dom.js';
import { postText } from './api.js';

const COLUMNS = 'locationId;careType;freeBeds';

/** {@code own()} answers the provider's locations as the screen last loaded them: [{region, location}]. */
export function capacityUpload(own, onPublished) {
  const file = h('input', { type: 'file', id: 'capacity-file', accept: '.csv,text/csv', 'data-test': 'capacity-file' });
  const result = h('div', { class: 'upload-result', role: 'status', 'data-test': 'capacity-upload-result' });
  const form = h('form', { class: 'capacity-upload', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'capacity-file' }, 'Bestand (CSV)'), file),
    h('p', { class: 'muted small' }, `Kolommen ${COLUMNS} (komma of puntkomma). Alles of niets: één foute regel en er wordt niets gepubliceerd.`),
    h('div', { class: 'buttons' },
      h('button', { type: 'submit', 'data-test': 'capacity-upload' }, 'Publiceren'),
      h('button', { type: 'button', class: 'secondary', 'data-test': 'capacity-template', onclick: () => downloadTemplate(own()) }, 'Sjabloon downloaden')),
    result);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chosen = file.files[0];
    if (!chosen) {
      fill(result, h('p', { class: 'field-error' }, 'Kies eerst een bestand.'));
      return;
    }
    try {
      const answer = await postText('/api/v1/capacity', await chosen.text(), 'text/csv');
      fill(result, h('p', { class: 'ok' }, `${answer.published} cijfer(s) gepubliceerd.`));
      announce(`Vrije bedden uit ${chosen.name} gepubliceerd.`);
      file.value = '';
      onPublished();
    } catch (failure) {
      const lines = failure.fieldErrors || [];
      fill(result, h('p', { class: 'field-error' }, lines.length
        ? `Niets gepubliceerd: ${lines.length} regel(s) kloppen niet.` : failure.message),
      lines.length ? h('ul', { class: 'field-error', 'data-test': 'capacity-upload-errors' },
        lines.map((line) => h('li', { 'data-field': line.field }, describe(line)))) : null);
    }
  });
  return h('section', { class: 'panel', 'aria-labelledby': 'upload-title', 'data-test': 'capacity-upload-panel' },
    h('h2', { id: 'upload-title' }, 'Vrije bedden uit een bestand'), form);
}

/** "Regel 3 (freeBeds): ..." for lines[3].freeBeds; the API's own words after the line. */
function describe(error) {
  const match = /^lines\[(\d+)\](?:\.(\w+))?$/.exec(error.field || '');
  const message = (error.message || '').replace(/^lines\[\d+\]: /, '');
  if (!match) return message;
  return `Regel ${match[1]}${match[2] ? ` (${match[2]})` : ''}: ${message}`;
}

function downloadTemplate(own) {
  const rows = [COLUMNS];
  for (const { region, location } of own) {
    for (const careType of region.careTypes.filter((type) => !type.plannedBooking)) {
      const figure = location.careTypes.find((entry) => entry.careType === careType.code);
      if (figure) rows.push(`${location.locationId};${careType.code};${figure.freeBeds}`);
    }
  }
  const link = h('a', {
    href: URL.createObjectURL(new Blob([`${rows.join('\r\n')}\r\n`], { type: 'text/csv' })),
    download: 'vrije-bedden.csv',
  });
  document.body.append(link);
  link.click();
  link.remove();
}
