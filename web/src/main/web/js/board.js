// The coordinator's board: the whole region at a glance, kept current by the live stream without reloading.
// Every event reloads the board's data (a region is a few dozen locations and requests), so what is shown is
// always what the services hold, never a guess assembled from events.
import { h, fill, clock, formatDateTime, announce } from './dom.js';
import { STATUS, OFFER_STATUS, URGENCY, ESCALATION_REASONS, label, careTypeName, queueText } from './labels.js';
import { get } from './api.js';
import { openLiveStream } from './live.js';
import { loadRegion } from './region.js';
import { capacityTable, municipalityTable, regionMap } from './capacity.js';
import { renderRequestFacts, renderRequestActions, outsideBadge } from './request-detail.js';
import { refresher } from './refresher.js';
import { escalationDetail, textOrNothing } from './explanations.js';
import { boardPaging } from './paging.js';

const SHOWN = 'SUBMITTED,OFFERED,WAITING,ESCALATED,AWAITING_TRIAGE,MATCHED,BOOKED,ADMITTED';
const OPEN = ['SUBMITTED', 'OFFERED', 'WAITING', 'ESCALATED', 'AWAITING_TRIAGE'];
const RECENT_MS = 24 * 3600 * 1000;

export function mountBoard(container, session) {
  const regionId = session.regions[0];
  const state = { regionId, view: 'locations', selected: null, data: null };
  const liveState = h('span', { class: 'live-state', 'data-test': 'live-state', role: 'status' }, 'Verbinden…');
  const regionPicker = session.regions.length > 1 ? h('select', {
    id: 'board-region', onchange: (event) => { state.regionId = event.target.value; select(null); listen(); },
  }, session.regions.map((id) => h('option', { value: id }, id))) : null;
  const summary = h('div', { class: 'summary', 'aria-live': 'off' });
  const requests = h('section', { class: 'panel', 'aria-labelledby': 'requests-title' });
  const offers = h('section', { class: 'panel', 'aria-labelledby': 'offers-title' });
  const escalations = h('section', { class: 'panel', 'aria-labelledby': 'escalations-title' });
  const placed = h('section', { class: 'panel', 'aria-labelledby': 'placed-title' });
  const capacity = h('section', { class: 'panel wide', 'aria-labelledby': 'capacity-title' });
  const facts = h('div', {});
  const actions = h('div', { class: 'actions' });
  const detail = h('aside', { class: 'detail', 'aria-labelledby': 'detail-title', hidden: true, 'data-test': 'detail' },
    h('button', { type: 'button', class: 'secondary close', onclick: () => select(null) }, 'Sluiten'), facts, actions);
  const paging = boardPaging(session, () => render());

  fill(container,
    h('div', { class: 'screen-title' }, h('h1', {}, 'Regiobord'),
      regionPicker ? h('label', { for: 'board-region' }, 'Regio ', regionPicker) : null, liveState),
    summary,
    paging.flag,
    h('div', { class: 'board' }, requests, offers, escalations, paging.panel, placed, capacity),
    detail);

  let locationsOfRegion = null; // names and coordinates: read again only when a location event says they changed
  async function load() {
    const region = encodeURIComponent(state.regionId);
    locationsOfRegion = locationsOfRegion || get(`/api/v1/regions/${region}/locations`)
      .catch((failure) => { locationsOfRegion = null; throw failure; });
    const [regionData, capacityView, locations, list, escalationList] = await Promise.all([
      loadRegion(state.regionId), get(`/api/v1/regions/${region}/capacity`), locationsOfRegion,
      get(`/api/v1/regions/${region}/requests?status=${SHOWN}`), get(`/api/v1/regions/${region}/escalations`)]);
    state.data = { region: regionData, capacityView, locations, list, escalationList };
    paging.show(state.regionId, regionData);
    render();
  }
  const reload = refresher(load, (failure) => announce(failure.message, 'error'));
  const refresh = reload.now;
  function refreshSoon(eventType) {
    if (typeof eventType === 'string' && eventType.startsWith('Location')) locationsOfRegion = null;
    reload.soon();
  }

  function select(requestId) {
    state.selected = requestId;
    detail.hidden = !requestId;
    fill(actions);
    render();
    if (requestId && state.data) {
      const request = state.data.list.find((entry) => entry.id === requestId);
      if (request && request.region === state.regionId) renderRequestActions(actions, request, refreshSoon, state.data.region);
      detail.querySelector('h2')?.focus();
    }
  }

  function render() {
    if (!state.data) return;
    const { region, capacityView, locations, list, escalationList } = state.data;
    // an escalation still in the crisis queue says so ("in de wachtrij" or paused with its reason)
    const queued = (requestId) => {
      const request = list.find((candidate) => candidate.id === requestId);
      const text = request?.status === 'ESCALATED' ? queueText(request) : null;
      return text ? h('div', { class: 'small', 'data-test': 'queue' }, text) : null;
    };
    const open = list.filter((request) => OPEN.includes(request.status));
    const recent = list.filter((request) => !OPEN.includes(request.status)
      && Date.now() - new Date(request.updatedAt).getTime() < RECENT_MS);
    const currentOffers = open.filter((request) => request.currentOffer?.status === 'OPEN');
    const stale = capacityView.locations.flatMap((location) => location.careTypes).filter((figure) => figure.stale).length;
    fill(summary,
      counter('Open aanvragen', open.length, 'open'),
      counter('Lopende aanbiedingen', currentOffers.length, 'offers'),
      counter('Escalaties', escalationList.length, 'escalations', escalationList.length > 0),
      counter('Verouderde cijfers', stale, 'stale', stale > 0));
    fill(requests, h('h2', { id: 'requests-title' }, 'Open aanvragen'),
      open.length === 0 ? h('p', { class: 'muted' }, 'Geen open aanvragen.') : requestTable(open, region));
    fill(offers, h('h2', { id: 'offers-title' }, 'Lopende aanbiedingen'),
      currentOffers.length === 0 ? h('p', { class: 'muted' }, 'Geen aanbiedingen die op antwoord wachten.')
        : h('ul', { class: 'cards', 'data-test': 'offers' }, currentOffers.map((request) => h('li', { 'data-request': request.id },
          h('strong', {}, nameOfOffer(request)),
          ` · ${careTypeName(region, request.careType)} · ${label(OFFER_STATUS, request.currentOffer.status)} · antwoord `,
          clock(request.currentOffer.respondBy, 'until'), outsideBadge(request.currentOffer), ' ', openButton(request)))));
    fill(escalations, h('h2', { id: 'escalations-title' }, 'Escalaties'),
      escalationList.length === 0 ? h('p', { class: 'muted' }, 'Niets dat nu actie vraagt.')
        : h('ul', { class: 'cards attention', 'data-test': 'escalations' }, escalationList.map((escalation) => h('li', { 'data-request': escalation.requestId },
          h('strong', {}, label(ESCALATION_REASONS, escalation.reason)), ` · ${careTypeName(region, escalation.careType)}`,
          escalation.municipality ? ` · ${escalation.municipality}` : '', ' · sinds ', formatDateTime(escalation.escalatedAt),
          textOrNothing(escalationDetail(escalation, (code) => careTypeName(region, code)),
            (text) => h('div', { class: 'muted small' }, text)),
          queued(escalation.requestId),
          paging.noteFor(escalation.requestId),
          list.some((request) => request.id === escalation.requestId) ? openButton({ id: escalation.requestId }) : null))));
    fill(placed, h('h2', { id: 'placed-title' }, 'Geplaatst (24 uur)'),
      recent.length === 0 ? h('p', { class: 'muted' }, 'Nog niemand geplaatst.')
        : h('ul', { class: 'cards', 'data-test': 'placed' }, recent.map((request) => h('li', { 'data-request': request.id, 'data-status': request.status },
          h('strong', {}, label(STATUS, request.status)), ` · ${careTypeName(region, request.careType)} · `,
          request.match ? `${request.match.locationName}, ${request.match.city}` : '',
          queueText(request) ? h('span', { 'data-test': 'queue' }, ` · ${queueText(request)}`) : '', ' ', openButton(request)))));
    fill(capacity, h('div', { class: 'panel-head' }, h('h2', { id: 'capacity-title' }, 'Capaciteit'),
      h('div', { class: 'tabs', role: 'group', 'aria-label': 'Weergave' },
        viewButton('locations', 'Per locatie'), viewButton('municipalities', 'Per gemeente'), viewButton('map', 'Kaart'))),
    state.view === 'locations' ? capacityTable(region, capacityView)
      : state.view === 'municipalities' ? municipalityTable(region, capacityView)
        : h('figure', {}, regionMap(capacityView, locations), h('figcaption', { class: 'muted small' },
          'Groen: vrije bedden; grijs: vol; rood omrand: verouderd; doorgestreept: gesloten.')));
    const chosen = list.find((request) => request.id === state.selected);
    if (chosen) {
      renderRequestFacts(facts, actions, chosen, region, refreshSoon);
    } else if (state.selected) {
      fill(facts, h('p', {}, 'Deze aanvraag staat niet meer op het bord.'));
    }
  }

  function requestTable(open, region) {
    return h('table', { class: 'requests', 'data-test': 'open-requests' },
      h('thead', {}, h('tr', {}, ['Urgentie', 'Zorgvorm', 'Woonplaats', 'Status', 'Wacht sinds', 'Uiterlijk', 'Aanbod']
        .map((title) => h('th', { scope: 'col' }, title)), h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, 'Openen')))),
      h('tbody', {}, open.map((request) => h('tr', {
        'data-request': request.id, 'data-status': request.status,
        class: `${request.urgency === 'CRISIS' ? 'crisis' : ''} ${request.id === state.selected ? 'selected' : ''}`,
      },
      h('td', {}, label(URGENCY, request.urgency)),
      h('td', {}, careTypeName(region, request.careType)),
      h('td', {}, request.municipality || request.postcode || '–'),
      h('td', { class: `status ${request.status.toLowerCase()}` }, label(STATUS, request.status)),
      h('td', {}, clock(request.submittedAt, 'since')),
      h('td', {}, request.neededBy ? clock(request.neededBy, 'until') : '–'),
      h('td', {}, request.currentOffer?.status === 'OPEN' ? [nameOfOffer(request), ' ', clock(request.currentOffer.respondBy, 'until'),
        outsideBadge(request.currentOffer)] : '–'),
      h('td', {}, openButton(request))))));
  }

  function nameOfOffer(request) {
    const { locationId } = request.currentOffer;
    // a location across the border is not among this region's: its ranking names it
    return request.ranking?.find((candidate) => candidate.locationId === locationId)?.name
      || nameOf(state.data.locations, locationId);
  }

  function openButton(request) {
    return h('button', { type: 'button', class: 'small secondary', 'data-test': 'open-request', onclick: () => select(request.id) }, 'Openen');
  }

  function viewButton(view, text) {
    return h('button', {
      type: 'button', class: `tab ${state.view === view ? 'active' : ''}`, 'aria-pressed': String(state.view === view),
      onclick: () => { state.view = view; render(); },
    }, text);
  }

  let closeLive = () => {};
  function listen() {
    closeLive();
    state.data = null;
    locationsOfRegion = null;
    closeLive = openLiveStream(`region=${encodeURIComponent(state.regionId)}`, refreshSoon, (connection) => {
      liveState.textContent = connection === 'live' ? 'Live' : 'Verbinding herstellen…';
      liveState.classList.toggle('down', connection !== 'live');
      if (connection === 'live') refreshSoon();
    });
    refresh();
  }
  // capacity turns stale with time alone, not with an event
  const staleCheck = setInterval(refresh, 60000);
  listen();
  return () => { closeLive(); clearInterval(staleCheck); reload.stop(); paging.stop(); };
}

function nameOf(locations, locationId) {
  return locations.find((location) => location.id === locationId)?.name || locationId;
}

function counter(text, value, test, attention = false) {
  return h('div', { class: `counter ${attention ? 'attention' : ''}`, 'data-test': `count-${test}` },
    h('span', { class: 'value' }, String(value)), h('span', { class: 'label' }, text));
}
