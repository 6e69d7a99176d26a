// One request on the coordinator's board: its clocks, the explained ranking to match by hand from, its offers,
// escalations and decisions, and the coordinator's actions. Patient details are not shown here unless asked for
// (that read is audited).
import { h, fill, clock, formatDateTime, formatDate, announce } from './dom.js';
import { STATUS, OFFER_STATUS, OFFER_REASONS, DECLINE_REASONS, CANCEL_REASONS, OVERRIDE_REASONS, PRIORITY_REASONS, DECISION_REASONS, NOTE_SUBJECTS, URGENCY, NEEDS, ESCALATION_REASONS, DECISIONS, label, careTypeName } from './labels.js';
import { get, post } from './api.js';
import { reasonForm } from './reason-form.js';
import { candidateExplanation, escalationDetail, outsideRegionLabel, regionName, textOrNothing } from './explanations.js';
import { handoverFacts } from './handover.js';

const OPEN = ['SUBMITTED', 'OFFERED', 'WAITING', 'ESCALATED', 'AWAITING_TRIAGE'];

/** Renders the facts of a request (again on every refresh) into `facts`; actions go to `actions`. */
export function renderRequestFacts(facts, actions, request, region, refresh) {
  // a neighbour region's request, shown because it was offered a location of this region: read only
  const fromElsewhere = region?.id && request.region && request.region !== region.id;
  const open = OPEN.includes(request.status) && !fromElsewhere;
  fill(facts,
    h('h2', { id: 'detail-title' }, `${label(URGENCY, request.urgency)} · ${careTypeName(region, request.careType)}`),
    fromElsewhere ? h('p', { class: 'muted', 'data-test': 'from-other-region' },
      `Aanvraag uit de regio ${regionName(request.region)}, aangeboden aan een locatie in deze regio (alleen inzien).`) : null,
    h('dl', { class: 'facts' },
      h('dt', {}, 'Status'), h('dd', { 'data-test': 'detail-status' }, label(STATUS, request.status)),
      h('dt', {}, 'Woonplaats'), h('dd', {}, `${request.municipality || '–'} ${request.postcode || ''}`),
      h('dt', {}, 'Zorgbehoefte'), h('dd', {}, request.needs.length ? request.needs.map((need) => label(NEEDS, need)).join(', ') : 'geen bijzonderheden'),
      h('dt', {}, 'Wacht sinds'), h('dd', {}, formatDateTime(request.submittedAt), ' (', clock(request.submittedAt, 'since'), ')'),
      request.neededBy ? [h('dt', {}, 'Uiterlijk nodig'), h('dd', {}, formatDateTime(request.neededBy), ' (', clock(request.neededBy, 'until'), ')')] : null,
      request.stay?.firstNight ? [h('dt', {}, 'Verblijf'), h('dd', {}, `${formatDate(request.stay.firstNight)}, ${request.stay.nights} nacht(en)`)] : null,
      request.waiting ? [h('dt', {}, 'Wachtlijst'), h('dd', {}, `plaats ${request.waiting.position}`)] : null,
      request.match ? [h('dt', {}, 'Geplaatst bij'), h('dd', {}, `${request.match.locationName} (${request.match.providerName}), ${request.match.city}`)] : null,
      h('dt', {}, 'Verwijzer'), h('dd', {}, request.referrerOrganisation || '–')),
    triageSection(request, region),
    request.escalations.length ? h('section', {}, h('h3', {}, 'Escalaties'), h('ul', {}, request.escalations.map((escalation) => h('li', {},
      `${formatDateTime(escalation.escalatedAt)}: ${label(ESCALATION_REASONS, escalation.reason)}`,
      textOrNothing(escalationDetail(escalation, (code) => careTypeName(region, code)),
        (text) => h('span', { class: 'muted' }, ` – ${text}`)))))) : null,
    rankingTable(request, open, actions, region, refresh),
    request.offers.length ? h('section', {}, h('h3', {}, 'Aanbiedingen'), h('ul', {}, request.offers.map((offer) => h('li', {},
      `${locationName(request, offer.locationId)}: ${label(OFFER_STATUS, offer.status)}`, outsideBadge(offer),
      offer.status === 'OPEN' ? [' (', clock(offer.respondBy, 'until'), ')'] : null,
      offer.reason ? h('span', { class: 'muted' }, ` – ${label(offer.status === 'DECLINED' ? DECLINE_REASONS : OFFER_REASONS, offer.reason)}`) : null)))) : null,
    request.cancelReason ? h('p', { 'data-test': 'cancel-reason' }, `Geannuleerd: ${label(CANCEL_REASONS, request.cancelReason)}`) : null,
    request.decisions?.length ? h('section', {}, h('h3', {}, 'Besluiten'), h('ul', {}, request.decisions.map((decision) => h('li', {},
      `${formatDateTime(decision.decidedAt)}: ${label(DECISIONS, decision.kind)}${decision.decidedBy ? ` door ${decision.decidedBy}` : ''} – ${label(DECISION_REASONS[decision.kind] || {}, decision.reason)}`)))) : null);
}

/**
 * The words written with the reason codes: only in the (audited) view of one request, to those who may see the
 * patient's details, so shown with them.
 */
function notesSection(request) {
  if (!request.notes?.length) return null;
  return h('section', { 'data-test': 'notes' }, h('h3', {}, 'Toelichtingen'),
    h('p', { class: 'muted small' }, 'Vertrouwelijk: alleen hier te zien, en verwijderd met de patiëntgegevens.'),
    h('ul', {}, request.notes.map((note) => {
      const subject = NOTE_SUBJECTS[note.subject];
      return h('li', {}, `${formatDateTime(note.writtenAt)}: ${subject ? subject.text : note.subject} (${label(subject ? subject.reasons : {}, note.reasonCode)})${note.writtenBy ? ` door ${note.writtenBy}` : ''} – `,
        h('span', { class: 'note-text' }, note.text));
    })));
}

/** "buiten de regio" beside a candidate or offer of a neighbour region's location. */
export function outsideBadge(item) {
  const text = outsideRegionLabel(item);
  return text ? [' ', h('span', { class: 'badge outside', 'data-test': 'outside-region' }, text)] : null;
}

function locationName(request, locationId) {
  return request.ranking?.find((candidate) => candidate.locationId === locationId)?.name
    || request.match?.locationId === locationId && request.match.locationName || locationId;
}

function rankingTable(request, open, actions, region, refresh) {
  if (!request.careType) {
    return h('p', { class: 'muted' }, 'Er wordt een plek gezocht zodra de zorgvorm is gekozen.');
  }
  if (!request.ranking?.length) {
    return h('p', { class: 'muted' }, 'Geen passende locaties gevonden voor deze aanvraag.');
  }
  const current = request.currentOffer?.status === 'OPEN' ? request.currentOffer.locationId : null;
  return h('section', {},
    h('h3', {}, 'Rangschikking'),
    h('table', { class: 'ranking', 'data-test': 'ranking' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, '#'), h('th', { scope: 'col' }, 'Locatie'),
        h('th', { scope: 'col' }, 'Afstand'), h('th', { scope: 'col' }, 'Toelichting'), h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, 'Actie')))),
      h('tbody', {}, request.ranking.map((candidate) => h('tr', {},
        h('td', {}, String(candidate.rank)),
        h('th', { scope: 'row' }, candidate.name, outsideBadge(candidate)),
        h('td', {}, candidate.distanceKm === null || candidate.distanceKm === undefined ? '–' : `${candidate.distanceKm.toLocaleString('nl-NL')} km`),
        h('td', { class: 'small', 'data-test': 'explanation' }, candidateExplanation(candidate)),
        h('td', {}, candidate.locationId === current ? h('span', { class: 'badge' }, 'aangeboden')
          : open ? h('button', {
            type: 'button', class: 'small', 'data-test': 'manual-offer', 'data-location': candidate.locationId,
            onclick: () => showAction(actions, reasonForm({
              title: `Aanbieden aan ${candidate.name}`,
              explanation: current ? 'Het lopende aanbod wordt ingetrokken.' : null,
              confirmLabel: 'Aanbieden',
              test: 'manual-offer-form',
              onClose: () => fill(actions),
              onConfirm: (reason) => post(`/api/v1/requests/${request.id}/manual-offer`, { locationId: candidate.locationId, reason })
                .then(() => done(actions, `Aangeboden aan ${candidate.name}.`, refresh)),
            })),
          }, 'Aanbieden') : null))))));
}

/** The triage that came with the request: the advice, its explanation, and what the referrer chose. */
function triageSection(request, region) {
  const triage = request.triage;
  if (!triage) return null;
  const suggestion = triage.suggestion;
  const advice = suggestion.outcome === 'CARE_TYPE' ? careTypeName(region, suggestion.careType)
    : suggestion.outcome === 'NOT_TEMPORARY_STAY' ? `geen tijdelijk verblijf (${suggestion.advice})` : 'geen eenduidig advies';
  return h('section', { 'data-test': 'detail-triage' }, h('h3', {}, 'Triage'),
    h('p', {}, `Advies: ${advice}. `, h('span', { class: 'muted' }, suggestion.explanation)),
    suggestion.reasons.length ? h('ul', { class: 'small' }, suggestion.reasons.map((reason) => h('li', {}, `${reason.text} – ${TRIAGE_ANSWERS[reason.answer]}`))) : null,
    h('p', {}, `Keuze verwijzer: ${triage.chosenCareType ? careTypeName(region, triage.chosenCareType) : 'aan de coördinator gelaten'}`));
}

const TRIAGE_ANSWERS = { YES: 'ja', NO: 'nee', UNKNOWN: 'weet ik niet' };

/** Sets (triage) or changes (re-triage) the care type: a choice of the region's care types and a reason. */
function careTypeForm(actions, request, refresh, region) {
  const select = h('select', { id: 'care-type-choice', 'data-test': 'care-type-choice' },
    (region?.careTypes || []).filter((type) => type.code !== request.careType)
      .map((type) => h('option', { value: type.code }, type.name)));
  const form = reasonForm({
    title: request.careType ? 'Zorgvorm wijzigen' : 'Zorgvorm kiezen',
    explanation: request.careType ? 'Een lopend aanbod wordt ingetrokken; er wordt opnieuw gezocht met de nieuwe zorgvorm.'
      : 'Daarna wordt meteen een plek gezocht.',
    confirmLabel: 'Zorgvorm vastleggen', test: 'care-type-form',
    onClose: () => renderRequestActions(actions, request, refresh, region),
    onConfirm: (reason) => post(`/api/v1/requests/${request.id}/care-type`, { careType: select.value, reason })
      .then(() => done(actions, `Zorgvorm ${careTypeName(region, select.value)} vastgelegd; er wordt een plek gezocht.`, refresh)),
  });
  form.insertBefore(h('div', { class: 'field' }, h('label', { for: 'care-type-choice' }, 'Zorgvorm'), select), form.children[1]);
  showAction(actions, form);
}

/** The buttons for the coordinator's decisions on this request. */
export function renderRequestActions(actions, request, refresh, region) {
  const open = OPEN.includes(request.status);
  const buttons = [];
  if (open && region) {
    buttons.push(actionButton(request.careType ? 'Zorgvorm wijzigen' : 'Zorgvorm kiezen', 'care-type',
      () => careTypeForm(actions, request, refresh, region)));
  }
  if (open && request.careType && request.urgency === 'CRISIS') {
    buttons.push(actionButton('Bescherming opheffen', 'override', () => showAction(actions, reasonForm({
      title: 'Beschermde logeernachten vrijgeven',
      explanation: 'Deze crisisaanvraag mag nachten nemen die voor geplande logeerzorg zijn beschermd.',
      confirmLabel: 'Vrijgeven', test: 'override-form', onClose: () => renderRequestActions(actions, request, refresh, region),
      codes: OVERRIDE_REASONS,
      onConfirm: (reason) => post(`/api/v1/requests/${request.id}/protection-override`, reason)
        .then(() => done(actions, 'Bescherming opgeheven; er wordt opnieuw gezocht.', refresh)),
    }))));
  }
  if (request.status === 'WAITING') {
    buttons.push(actionButton('Prioriteit verhogen', 'priority', () => showAction(actions, reasonForm({
      title: 'Hoger op de wachtlijst', confirmLabel: 'Verhogen', test: 'priority-form',
      onClose: () => renderRequestActions(actions, request, refresh, region),
      codes: PRIORITY_REASONS,
      onConfirm: (reason) => post(`/api/v1/requests/${request.id}/priority`, reason)
        .then(() => done(actions, 'Prioriteit verhoogd.', refresh)),
    }))));
  }
  if (open) {
    buttons.push(actionButton('Aanvraag annuleren', 'cancel', () => showAction(actions, reasonForm({
      title: 'Aanvraag annuleren', confirmLabel: 'Annuleren bevestigen', test: 'cancel-form',
      onClose: () => renderRequestActions(actions, request, refresh, region),
      codes: CANCEL_REASONS,
      onConfirm: (reason) => post(`/api/v1/requests/${request.id}/cancel`, reason)
        .then(() => done(actions, 'Aanvraag geannuleerd.', refresh)),
    })), 'danger'));
  }
  buttons.push(actionButton('Patiëntgegevens tonen', 'patient', () => showPatient(actions, request, refresh, region), 'secondary'));
  if (request.handoverAvailable) {
    buttons.push(actionButton('Overdracht tonen', 'handover', () => showHandover(actions, request, refresh, region), 'secondary'));
  }
  fill(actions, h('div', { class: 'buttons' }, buttons));
}

function actionButton(text, test, onclick, kind = '') {
  return h('button', { type: 'button', class: kind, 'data-test': `action-${test}`, onclick }, text);
}

function showAction(actions, form) {
  fill(actions, form);
}

function done(actions, message, refresh) {
  announce(message, 'success');
  fill(actions);
  refresh();
}

async function showPatient(actions, request, refresh, region) {
  try {
    const full = await get(`/api/v1/requests/${request.id}`);
    const patient = full.patient;
    fill(actions, h('section', { class: 'patient' },
      h('h3', {}, 'Patiënt en contact'),
      h('p', { class: 'muted small' }, 'Deze inzage is vastgelegd in het auditlog.'),
      h('dl', { class: 'facts' },
        h('dt', {}, 'Naam'), h('dd', {}, patient?.name || 'nog niet opgegeven'),
        h('dt', {}, 'Geboortedatum'), h('dd', {}, patient?.dateOfBirth ? formatDate(patient.dateOfBirth) : '–'),
        h('dt', {}, 'Terugbellen'), h('dd', {}, full.contact ? `${full.contact.name}, ${full.contact.phone}` : '–')),
      notesSection(full),
      h('button', { type: 'button', class: 'secondary', onclick: () => renderRequestActions(actions, request, refresh, region) }, 'Verbergen')));
  } catch (failure) {
    announce(failure.message, 'error');
  }
}

/** The handover (aanmeldbericht), shown when asked for: the read is audited. */
async function showHandover(actions, request, refresh, region) {
  try {
    const handover = await get(`/api/v1/requests/${request.id}/handover`);
    fill(actions, h('section', {},
      h('p', { class: 'muted small' }, 'Deze inzage is vastgelegd in het auditlog.'),
      handoverFacts(handover),
      h('button', { type: 'button', class: 'secondary', onclick: () => renderRequestActions(actions, request, refresh, region) }, 'Verbergen')));
  } catch (failure) {
    announce(failure.message, 'error');
  }
}
