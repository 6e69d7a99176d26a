// The referrer's screen: a request form (crisis or planned) and "my requests", live, with where and when once a
// bed is found.
import { h, fill, clock, formatDateTime, formatDate, announce } from './dom.js';
import { STATUS, URGENCY, CANCEL_REASONS, label, careTypeName, queueText } from './labels.js';
import { get, post, put, newIdempotencyKey } from './api.js';
import { openLiveStream } from './live.js';
import { loadRegion, regionsOf } from './region.js';
import { requestForm, FOLLOW_UP_EVENTS } from './request-form.js';
import { refresher } from './refresher.js';
import { reasonForm } from './reason-form.js';

const OPEN = ['SUBMITTED', 'OFFERED', 'WAITING', 'ESCALATED', 'AWAITING_TRIAGE'];

export function mountReferrer(container, session) {
  const liveState = h('span', { class: 'live-state', role: 'status' }, 'Verbinden…');
  const formArea = h('div', {});
  const mine = h('section', { class: 'panel', 'aria-labelledby': 'mine-title', 'data-test': 'my-requests' });
  fill(container, h('div', { class: 'screen-title' }, h('h1', {}, 'Aanvragen'), liveState),
    h('div', { class: 'two-columns' }, formArea, mine));
  const regions = new Map();
  const followUps = new Map(); // request id -> follow-up set from this screen, shown under "Mijn aanvragen"
  let stopped = false;

  async function start() {
    try {
      const ids = await regionsOf(session);
      for (const id of ids) regions.set(id, await loadRegion(id));
      const region = regions.get(ids[0]);
      // One key per request the GP means to send: sending the same form again after an error carries the same key,
      // so when only the answer was lost (the request was made) the API returns that request instead of making a
      // second one and holding a second bed. A changed form is another request, with a key of its own.
      let pending = null;
      const { element } = requestForm(region, async (body, followUp) => {
        const sent = JSON.stringify(body);
        if (pending?.body !== sent) pending = { body: sent, key: newIdempotencyKey() };
        let created;
        try {
          created = await post('/api/v1/requests', body, { headers: { 'Idempotency-Key': pending.key } });
        } catch (failure) {
          refresh(); // a request made before its answer was lost shows under "my requests"
          throw failure;
        }
        pending = null;
        announce(`Aanvraag ingediend: ${label(STATUS, created.status)}.`, 'success');
        if (followUp) await follow(created.id, followUp);
        refresh();
      });
      fill(formArea, element);
      refresh();
    } catch (failure) {
      announce(failure.message, 'error');
      // without the region there is no form: try again, so a GP is not left with an empty screen
      if (!stopped) setTimeout(start, 3000);
    }
  }

  // Notification hears of a new request a moment after it is made (404 until then): try a few times, then say so.
  async function follow(requestId, followUp) {
    for (let attempt = 1; ; attempt += 1) {
      try {
        followUps.set(requestId, await put(`/api/v1/requests/${requestId}/follow-up`, followUp));
        announce('Aanvraag ingediend; u krijgt bericht zodra er nieuws is.', 'success');
        return;
      } catch (failure) {
        if (failure.status !== 404 || attempt >= 8 || stopped) {
          announce(`Aanvraag ingediend, maar op de hoogte houden lukte niet: ${failure.message}`, 'error');
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
      }
    }
  }

  function followUpText(followUp) {
    const channels = [followUp.phone ? 'sms' : null, followUp.email ? 'e-mail' : null].filter(Boolean).join(' en ');
    const about = followUp.events.map((code) => (FOLLOW_UP_EVENTS[code] || code).replace(/ \(.*\)$/, '').toLowerCase());
    return `Bericht per ${channels}: ${about.join(', ')}`;
  }

  const reload = refresher(async () => render(await get('/api/v1/requests')),
    (failure) => announce(failure.message, 'error'));
  const refresh = reload.now;

  function render(requests) {
    fill(mine, h('h2', { id: 'mine-title' }, 'Mijn aanvragen'),
      requests.length === 0 ? h('p', { class: 'muted' }, 'Nog geen aanvragen van uw organisatie.')
        : h('ul', { class: 'cards' }, requests.map((request) => h('li', { 'data-request': request.id, 'data-status': request.status },
          h('h3', {}, `${label(URGENCY, request.urgency)} · ${careTypeName(regions.get(request.region), request.careType)}`),
          h('p', {}, h('strong', { class: `status ${request.status.toLowerCase()}`, 'data-test': 'status' }, label(STATUS, request.status)),
            ` · ingediend ${formatDateTime(request.submittedAt)}`,
            request.stay?.firstNight ? ` · ${formatDate(request.stay.firstNight)}, ${request.stay.nights} nacht(en)` : '',
            request.waiting ? ` · wachtlijst plaats ${request.waiting.position}` : '',
            queueText(request) ? h('span', { 'data-test': 'queue' }, ` · ${queueText(request)}`) : ''),
          request.match ? h('p', { class: 'match', 'data-test': 'match' },
            `${request.match.locationName} (${request.match.providerName}), ${request.match.street}, ${request.match.postcode} ${request.match.city}`,
            request.match.firstNight ? ` · vanaf ${formatDate(request.match.firstNight)}, ${request.match.nights} nacht(en)`
              : request.match.expectedAdmissionAt ? ` · opname verwacht ${formatDateTime(request.match.expectedAdmissionAt)}` : '')
            : OPEN.includes(request.status) ? h('p', { class: 'muted' }, 'Wacht sinds ', clock(request.submittedAt, 'since')) : null,
          followUps.has(request.id) ? h('p', { class: 'muted', 'data-test': 'follow-up-choice' }, followUpText(followUps.get(request.id))) : null,
          OPEN.includes(request.status) ? cancelButton(request) : null))));
  }

  /** Cancel with a reason from the list (all that leaves the request) and an optional note, kept inside. */
  function cancelButton(request) {
    const area = h('div', {});
    const button = h('button', {
      type: 'button', class: 'secondary small', 'data-test': 'cancel',
      onclick: () => fill(area, reasonForm({
        title: 'Aanvraag annuleren', confirmLabel: 'Annuleren bevestigen', test: 'cancel-form', codes: CANCEL_REASONS,
        onClose: () => refresh(),
        onConfirm: (reason) => post(`/api/v1/requests/${request.id}/cancel`, reason).then(() => {
          announce('Aanvraag geannuleerd.', 'success');
          refresh();
        }),
      })),
    }, 'Annuleren');
    fill(area, button);
    return area;
  }

  const closeLive = openLiveStream('', reload.soon, (connection) => {
    liveState.textContent = connection === 'live' ? 'Live' : 'Verbinding herstellen…';
    liveState.classList.toggle('down', connection !== 'live');
    if (connection === 'live') refresh();
  });
  start();
  return () => { stopped = true; closeLive(); reload.stop(); };
}
