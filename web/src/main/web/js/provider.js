// The provider's screen: its own locations, free beds published now or per night in two clicks, and the inbox of
// offers with a countdown, accept, decline with a reason, and admission and discharge once accepted.
import { h, fill, clock, formatDate, formatDateTime, today, announce } from './dom.js';
import { OFFER_STATUS, URGENCY, NEEDS, DECLINE_REASONS, CLOSURE_REASONS, label, careTypeName } from './labels.js';
import { get, post, put } from './api.js';
import { openLiveStream } from './live.js';
import { loadRegion, regionsOf } from './region.js';
import { refresher } from './refresher.js';
import { regionName } from './explanations.js';
import { handoverFacts } from './handover.js';
import { capacityUpload } from './capacity-upload.js';

const NIGHTS_SHOWN = 14;

export function mountProvider(container, session) {
  const liveState = h('span', { class: 'live-state', role: 'status' }, 'Verbinden…');
  const inbox = h('section', { class: 'panel', 'aria-labelledby': 'inbox-title', 'data-test': 'inbox' });
  const locationsPanel = h('div', { class: 'locations' });
  let lastOwn = [];
  fill(container,
    h('div', { class: 'screen-title' }, h('h1', {}, 'Mijn locaties'), liveState),
    inbox, locationsPanel, capacityUpload(() => lastOwn, () => refresh()));
  const drafts = new Map(); // what the planner has typed but not yet published, kept across live refreshes
  const revealed = new Map(); // offer id -> the patient the planner asked to see (null: none given yet)
  const handovers = new Map(); // offer id -> the handover the planner asked to read, kept across live refreshes
  let pending = null;
  locationsPanel.addEventListener('focusout', () => setTimeout(() => {
    if (pending && !locationsPanel.contains(document.activeElement)) {
      const own = pending;
      pending = null;
      renderLocations(own);
    }
  }, 0));

  async function load() {
    const regions = await regionsOf(session);
    const own = [];
    for (const regionId of regions) {
      const [region, capacityView] = await Promise.all([loadRegion(regionId),
        get(`/api/v1/regions/${encodeURIComponent(regionId)}/capacity`)]);
      for (const location of capacityView.locations.filter((entry) => entry.providerId === session.organisation)) {
        own.push({ region, location });
      }
    }
    lastOwn = own;
    const offers = (await Promise.all(own.map(({ location }) =>
      get(`/api/v1/locations/${encodeURIComponent(location.locationId)}/offers?status=OPEN,ACCEPTED`)))).flat();
    renderInbox(offers, own);
    // not while the planner is typing a figure: the form would be rebuilt under their hands
    if (locationsPanel.contains(document.activeElement) && document.activeElement.tagName !== 'BUTTON') {
      pending = own;
    } else {
      await renderLocations(own);
    }
  }
  const reload = refresher(load, (failure) => announce(failure.message, 'error'));
  const refresh = reload.now;
  const refreshSoon = reload.soon;

  function renderInbox(offers, own) {
    // accepted offers stay in the inbox while admission or discharge is still to be confirmed (a month at most)
    const relevant = offers.filter((offer) => offer.status === 'OPEN'
      || (offer.status === 'ACCEPTED' && Date.now() - new Date(offer.offeredAt).getTime() < 31 * 86400000))
      .sort((a, b) => (a.status === b.status ? new Date(a.respondBy) - new Date(b.respondBy) : a.status === 'OPEN' ? -1 : 1));
    const regionOf = (offer) => own.find(({ location }) => location.locationId === offer.locationId)?.region;
    const nameOf = (offer) => own.find(({ location }) => location.locationId === offer.locationId)?.location.name || offer.locationId;
    fill(inbox, h('h2', { id: 'inbox-title' }, 'Aanbiedingen'),
      relevant.length === 0 ? h('p', { class: 'muted' }, 'Geen aanbiedingen die op u wachten.')
        : h('ul', { class: 'cards' }, relevant.map((offer) => h('li', {
          class: offer.status === 'OPEN' ? 'offer open' : 'offer', 'data-offer': offer.id, 'data-status': offer.status,
        },
        h('h3', {}, `${label(URGENCY, offer.urgency)} · ${careTypeName(regionOf(offer), offer.careType)} · ${nameOf(offer)}`),
        offer.outsideRegion ? h('p', { 'data-test': 'outside-region' }, h('span', { class: 'badge outside' },
          `buiten de regio: aanvraag uit ${regionName(offer.requestRegion)}`)) : null,
        h('p', {}, `Woonplaats ${offer.municipality || '–'}; zorgbehoefte: `,
          offer.needs?.length ? offer.needs.map((need) => label(NEEDS, need)).join(', ') : 'geen bijzonderheden',
          offer.firstNight ? `; ${formatDate(offer.firstNight)}, ${offer.nights} nacht(en)` : ''),
        offer.status === 'OPEN' ? [h('p', {}, 'Antwoord uiterlijk ', formatDateTime(offer.respondBy), ' (', clock(offer.respondBy, 'until'), ')'),
          handoverArea(offer), answerButtons(offer)]
          : [handoverArea(offer), accepted(offer)]))));
  }

  /** The handover to judge the offer by: read (an audited look) when the planner asks, then kept on screen. */
  function handoverArea(offer) {
    if (!offer.handoverAvailable) {
      return offer.status === 'OPEN' ? h('p', { class: 'muted small' }, 'De verwijzer heeft geen overdracht meegestuurd.') : null;
    }
    const area = h('div', { class: 'handover-area' });
    const read = async () => {
      try {
        handovers.set(offer.id, await get(`/api/v1/offers/${offer.id}/handover`));
        fill(area, handoverFacts(handovers.get(offer.id)));
        if (!area.isConnected) refreshSoon(); // a live refresh redrew the inbox while it was asked for
      } catch (failure) {
        announce(failure.message, 'error');
      }
    };
    return fill(area, handovers.has(offer.id) ? handoverFacts(handovers.get(offer.id))
      : h('button', { type: 'button', class: 'secondary small', 'data-test': 'show-handover', onclick: read }, 'Overdracht lezen'));
  }

  function answerButtons(offer) {
    const area = h('div', { class: 'answer' });
    fill(area, h('div', { class: 'buttons' },
      h('button', { type: 'button', 'data-test': 'accept', onclick: () => answer(post(`/api/v1/offers/${offer.id}/accept`), 'Aanbod geaccepteerd.') }, 'Accepteren'),
      h('button', { type: 'button', class: 'secondary', 'data-test': 'decline', onclick: () => fill(area, declineForm(offer, area)) }, 'Afwijzen')));
    return area;
  }

  function declineForm(offer, area) {
    const id = `decline-${offer.id}`;
    const code = h('select', { id: `${id}-code`, name: 'reasonCode' },
      Object.entries(DECLINE_REASONS).map(([value, text]) => h('option', { value }, text)));
    const note = h('textarea', { id: `${id}-note`, name: 'note', rows: 2, maxlength: 500, 'aria-describedby': `${id}-error` });
    const error = h('p', { class: 'field-error', id: `${id}-error` });
    const form = h('form', { class: 'reason-form', novalidate: true },
      h('div', { class: 'field' }, h('label', { for: `${id}-code` }, 'Reden'), code),
      h('div', { class: 'field' }, h('label', { for: `${id}-note` }, 'Toelichting (niet verplicht; alleen zichtbaar voor wie de patiëntgegevens mag zien)'), note, error),
      h('div', { class: 'buttons' }, h('button', { type: 'submit', 'data-test': 'decline-confirm' }, 'Afwijzen'),
        h('button', { type: 'button', class: 'secondary', onclick: () => refresh() }, 'Terug')));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      answer(post(`/api/v1/offers/${offer.id}/decline`, { reasonCode: code.value, note: note.value.trim() || null }), 'Aanbod afgewezen.');
    });
    setTimeout(() => code.focus(), 0);
    return form;
  }

  function accepted(offer) {
    const patientArea = h('div', {});
    const showPatient = async () => {
      try {
        // the look at who the patient is goes on the audit trail: asked for once, then kept across live refreshes
        revealed.set(offer.id, (await get(`/api/v1/offers/${offer.id}`)).patient || null);
        fill(patientArea, patientFacts(revealed.get(offer.id)));
        if (!patientArea.isConnected) refreshSoon(); // a live refresh redrew the inbox while it was asked for
      } catch (failure) {
        announce(failure.message, 'error');
      }
    };
    fill(patientArea, revealed.has(offer.id) ? patientFacts(revealed.get(offer.id))
      : h('button', { type: 'button', class: 'secondary small', 'data-test': 'show-patient', onclick: showPatient }, 'Patiëntgegevens tonen'));
    const area = h('div', { class: 'accepted' },
      h('p', {}, h('strong', {}, label(OFFER_STATUS, offer.status))), patientArea);
    get(`/api/v1/holds/${offer.id}`).then((hold) => {
      if (hold.status === 'DISCHARGED' || hold.status === 'RELEASED') {
        area.closest('li')?.remove();
      } else if (hold.status === 'ACCEPTED') {
        area.append(h('button', { type: 'button', 'data-test': 'admit', onclick: () => answer(post(`/api/v1/holds/${offer.id}/admission`), 'Opname bevestigd.') }, 'Opname bevestigen'));
      } else if (hold.status === 'ADMITTED') {
        area.append(h('button', { type: 'button', class: 'secondary', 'data-test': 'discharge', onclick: () => answer(post(`/api/v1/holds/${offer.id}/discharge`), 'Ontslag bevestigd; het bed is weer vrij.') }, 'Ontslag bevestigen'));
      }
    }).catch(() => {});
    return area;
  }

  function patientFacts(patient) {
    return patient ? h('dl', { class: 'facts' },
      h('dt', {}, 'Patiënt'), h('dd', {}, patient.name || '–'),
      h('dt', {}, 'Geboortedatum'), h('dd', {}, patient.dateOfBirth ? formatDate(patient.dateOfBirth) : '–'),
      patient.address ? [h('dt', {}, 'Adres'), h('dd', {}, [patient.address.street, patient.address.houseNumber, patient.address.postcode, patient.address.city].filter(Boolean).join(' '))] : null,
      patient.phone ? [h('dt', {}, 'Telefoon'), h('dd', {}, patient.phone)] : null)
      : h('p', { class: 'muted' }, 'De verwijzer heeft nog geen patiëntgegevens opgegeven.');
  }

  async function answer(call, message) {
    try {
      await call;
      announce(message, 'success');
    } catch (failure) {
      announce(failure.message, 'error');
    }
    refresh();
  }

  async function renderLocations(own) {
    // one read of a region's nights per care type serves every location of the provider in it
    const nightsViews = new Map();
    const nightsOf = (region, careType) => {
      const key = `${region.id}/${careType.code}`;
      if (!nightsViews.has(key)) {
        nightsViews.set(key, get(`/api/v1/regions/${encodeURIComponent(region.id)}/capacity/nights`
          + `?careType=${careType.code}&from=${today()}&to=${today(NIGHTS_SHOWN - 1)}`));
      }
      return nightsViews.get(key);
    };
    const cards = [];
    for (const { region, location } of own) {
      const card = h('section', { class: 'panel location', 'data-location': location.locationId, 'aria-label': location.name },
        h('div', { class: 'panel-head' }, h('h2', {}, location.name, h('span', { class: 'muted small' }, ` ${location.municipality}`)),
          statusControl(location)));
      for (const careType of region.careTypes) {
        const figure = location.careTypes.find((entry) => entry.careType === careType.code);
        if (!figure) continue;
        card.append(careType.plannedBooking
          ? nightsForm(location, careType, await nightsOf(region, careType))
          : freeNowForm(location, careType, figure));
      }
      cards.push(card);
    }
    fill(locationsPanel, cards.length ? cards : h('p', {}, 'Er staan geen locaties op naam van uw organisatie.'));
  }

  /** Closing takes a reason from the list only: bed-availability keeps no free text. */
  function statusControl(location) {
    const reason = h('select', { 'aria-label': 'Reden van sluiten', 'data-test': 'closure-reason' },
      Object.entries(CLOSURE_REASONS).map(([value, text]) => h('option', { value }, text)));
    return location.open
      ? h('span', {}, reason, ' ', h('button', { type: 'button', class: 'secondary small', onclick: () =>
        answer(put(`/api/v1/locations/${location.locationId}/status`, { open: false, reason: reason.value }), 'Locatie gesloten voor opnames.'),
      }, 'Sluiten voor opnames'))
      : h('span', {}, h('span', { class: 'badge closed' }, `gesloten${location.closedReason ? `: ${label(CLOSURE_REASONS, location.closedReason)}` : ''}`), ' ',
        h('button', { type: 'button', class: 'small', onclick: () => answer(put(`/api/v1/locations/${location.locationId}/status`, { open: true }), 'Locatie weer open.') }, 'Heropenen'));
  }

  function freeNowForm(location, careType, figure) {
    const key = `${location.locationId}/${careType.code}`;
    const id = `free-${location.locationId}-${careType.code}`;
    const value = drafts.has(key) ? drafts.get(key) : figure.freeBeds;
    const input = h('input', { id, type: 'number', min: 0, max: 999, inputmode: 'numeric', value, 'data-test': 'free-beds' });
    const remember = () => drafts.set(key, input.value);
    input.addEventListener('input', remember);
    const step = (delta) => { input.value = Math.max(0, Number(input.value || 0) + delta); remember(); };
    const form = h('form', { class: 'publish', novalidate: true, 'data-care-type': careType.code },
      h('label', { for: id }, `${careType.name}: nu vrij`),
      h('button', { type: 'button', class: 'step', 'aria-label': `Eén bed minder (${careType.name})`, onclick: () => step(-1) }, '−'),
      input,
      h('button', { type: 'button', class: 'step', 'aria-label': `Eén bed meer (${careType.name})`, 'data-test': 'more', onclick: () => step(1) }, '+'),
      h('button', { type: 'submit', 'data-test': 'publish' }, 'Publiceren'),
      h('span', { class: `muted small ${figure.stale ? 'stale-text' : ''}` },
        figure.stale ? 'verouderd: ' : 'bijgewerkt ', formatDateTime(figure.adjustedAt || figure.publishedAt),
        figure.heldBeds ? ` · ${figure.heldBeds} vastgehouden` : ''));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const freeBeds = Number(input.value);
      if (!Number.isInteger(freeBeds) || freeBeds < 0) {
        announce('Vul een heel aantal bedden in (0 of meer).', 'error');
        input.focus();
        return;
      }
      drafts.delete(key);
      answer(put(`/api/v1/locations/${location.locationId}/capacity/${careType.code}`, { freeBeds }),
        `${careType.name}: ${freeBeds} bed(den) vrij gepubliceerd.`);
    });
    return form;
  }

  function nightsForm(location, careType, view) {
    const nights = view.locations.find((entry) => entry.locationId === location.locationId)?.nights || [];
    const inputs = [];
    const cells = [];
    for (let offset = 0; offset < NIGHTS_SHOWN; offset += 1) {
      const night = today(offset);
      const known = nights.find((entry) => entry.night === night);
      const key = `${location.locationId}/${careType.code}/${night}`;
      const id = `night-${location.locationId}-${careType.code}-${night}`;
      const input = h('input', {
        id, type: 'number', min: 0, max: 999, inputmode: 'numeric', 'data-night': night,
        value: drafts.has(key) ? drafts.get(key) : (known ? known.freeBeds : 0),
      });
      input.addEventListener('input', () => drafts.set(key, input.value));
      inputs.push({ night, input, key });
      cells.push(h('div', { class: 'night' }, h('label', { for: id }, formatDate(night)), input,
        known?.heldBeds ? h('span', { class: 'small muted' }, `${known.heldBeds} bezet`) : null));
    }
    const form = h('form', { class: 'publish nights', novalidate: true, 'data-care-type': careType.code },
      h('h3', {}, `${careType.name}: vrije bedden per nacht`), h('div', { class: 'night-grid' }, cells),
      h('button', { type: 'submit', 'data-test': 'publish-nights' }, 'Nachten publiceren'));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const bad = inputs.find(({ input }) => !Number.isInteger(Number(input.value)) || Number(input.value) < 0 || input.value === '');
      if (bad) {
        announce('Vul per nacht een heel aantal bedden in (0 of meer).', 'error');
        bad.input.focus();
        return;
      }
      inputs.forEach(({ key }) => drafts.delete(key));
      answer(put(`/api/v1/locations/${location.locationId}/capacity/${careType.code}/nights`,
        { nights: inputs.map(({ night, input }) => ({ from: night, freeBeds: Number(input.value) })) }),
      `${careType.name}: ${NIGHTS_SHOWN} nachten gepubliceerd.`);
    });
    return form;
  }

  const closeLive = openLiveStream('', refreshSoon, (connection) => {
    liveState.textContent = connection === 'live' ? 'Live' : 'Verbinding herstellen…';
    liveState.classList.toggle('down', connection !== 'live');
    if (connection === 'live') refreshSoon();
  });
  refresh();
  return () => { closeLive(); reload.stop(); };
}
