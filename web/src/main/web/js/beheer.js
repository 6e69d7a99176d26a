// Beheer: a region's functional administrator keeps its locations and care types current without a developer.
// Locations are added (with their first free beds), changed (address, municipality, coordinates, features,
// contracts) and opened or closed; a care type's deadlines, stay lengths and protection, the region's freshness
// window, its neighbour regions and its funders are set. The API checks every field; what it refuses is said in
// Dutch next to the field. Every change is audited ("Wijzigingen") and reaches matching at once.
import { h, fill, formatDateTime, announce } from './dom.js';
import { get, post, put } from './api.js';
import { NEEDS, CLOSURE_REASONS, label } from './labels.js';

const ACTIONS = {
  LOCATION_ADDED: 'Locatie toegevoegd', LOCATION_CHANGED: 'Locatie gewijzigd', LOCATION_OPENED: 'Locatie geopend',
  LOCATION_CLOSED: 'Locatie gesloten', REGION_SETTINGS_CHANGED: 'Regio-instellingen gewijzigd',
  CARE_TYPE_SET: 'Zorgsoort ingesteld', NEIGHBOURS_SET: 'Buurregio\'s ingesteld', TRIAGE_SET: 'Triagetabel ingesteld',
  FUNDER_SET: 'Financier ingesteld', PROVIDER_RENAMED: 'Aanbieder hernoemd',
};

/** Dutch messages for the fields the API may name (its own text, in English, is the fallback). */
const SERVER_MESSAGES = {
  id: 'Een code van kleine letters, cijfers en streepjes, zoals loc-assen-de-linde; nog niet in gebruik.',
  'details.providerId': 'Een code van kleine letters, cijfers en streepjes, zoals zorggroep-drentse-aa.',
  'details.providerName': 'Vul de naam van de aanbieder in.',
  'details.name': 'Vul de naam van de locatie in.',
  'details.address.street': 'Vul straat en huisnummer in.',
  'details.address.postcode': 'Vul een Nederlandse postcode in, zoals 9401 KC.',
  'details.address.city': 'Vul de plaats in.',
  'details.latitude': 'Een breedtegraad in Nederland, tussen 50,7 en 53,6 (bv. 52,99).',
  'details.longitude': 'Een lengtegraad in Nederland, tussen 3,3 en 7,3 (bv. 6,56).',
  'details.municipality': 'Kies een gemeente van de regio.',
  municipality: 'Kies een gemeente van de regio (een Wmo-financier is een gemeente).',
  beds: 'Alleen zorgsoorten van de regio, met 0 of meer bedden.',
  reason: 'Geef een reden om de locatie te sluiten.',
  funderId: 'Een code van kleine letters, cijfers en streepjes, zoals gemeente-assen.',
  fundingStream: 'Kies ZVW, WLZ of WMO.',
  name: 'Vul een naam in.',
  freshnessWindowMinutes: 'Tussen 5 minuten en een week (10080).',
  crisisResponseMinutes: 'Tussen 1 en 1440 minuten.',
  plannedResponseMinutes: 'Tussen 1 en 20160 minuten.',
  admissionDeadlineHours: 'Tussen 1 en 336 uur.',
  minStayNights: 'Minimaal 1 nacht.',
  maxStayNights: 'Niet minder dan het minimum, hoogstens 366.',
  protection: 'Alleen een zorgsoort per nacht houdt bedden beschermd.',
  'protection.protectedShare': 'Een aandeel tussen 0 en 1, zoals 0,25.',
  'protection.releaseHorizonHours': 'Tussen 0 en 720 uur.',
};

function dutch(error) {
  if (SERVER_MESSAGES[error.field]) return SERVER_MESSAGES[error.field];
  const field = error.field.replace(/^details\./, '');
  if (SERVER_MESSAGES[`details.${field}`]) return SERVER_MESSAGES[`details.${field}`];
  if (/^contracts\[\d+\]\.funder$/.test(field)) return 'Alleen financiers van de regio, elk één keer.';
  if (/^contracts\[\d+\]/.test(field)) return 'Alleen zorgsoorten van de regio.';
  return error.message;
}

export function mountBeheer(container, session) {
  const regionSelect = h('select', { id: 'beheer-region', 'data-test': 'beheer-region', onchange: () => load() },
    (session.regions || []).map((id) => h('option', { value: id }, id)));
  const settingsPanel = h('section', { class: 'panel', 'data-test': 'beheer-settings' });
  const careTypesPanel = h('section', { class: 'panel', 'data-test': 'beheer-care-types' });
  const neighboursPanel = h('section', { class: 'panel', 'data-test': 'beheer-neighbours' });
  const fundersPanel = h('section', { class: 'panel', 'data-test': 'beheer-funders' });
  const locationsPanel = h('section', { class: 'panel', 'data-test': 'beheer-locations' });
  const formPanel = h('section', { class: 'panel', 'data-test': 'beheer-location-form' });
  const changesPanel = h('section', { class: 'panel', 'data-test': 'beheer-changes' });
  fill(container,
    h('div', { class: 'screen-title' }, h('h1', {}, 'Beheer'), h('label', { for: 'beheer-region' }, 'Regio ', regionSelect)),
    (session.regions || []).length === 0 ? h('p', { class: 'form-error' }, 'U beheert geen regio (uw aanmelding noemt er geen).') : null,
    h('div', { class: 'two-columns' }, h('div', {}, settingsPanel, careTypesPanel, locationsPanel),
      h('div', {}, formPanel, neighboursPanel, fundersPanel, changesPanel)));

  const regionPath = () => `/api/v1/regions/${encodeURIComponent(regionSelect.value)}`;
  const adminPath = () => `/api/v1/admin/regions/${encodeURIComponent(regionSelect.value)}`;
  let region = null;

  async function load() {
    if (!regionSelect.value) return;
    try {
      const [loaded, locations, changes, regions] = await Promise.all([get(regionPath()), get(`${regionPath()}/locations`),
        get(`${adminPath()}/changes?limit=20`), get('/api/v1/regions')]);
      region = loaded;
      renderSettings();
      renderCareTypes();
      renderNeighbours(regions.filter((other) => other.id !== region.id));
      renderFunders();
      renderLocations(locations);
      renderChanges(changes);
      if (!formPanel.hasChildNodes()) showLocationForm(null, []);
    } catch (failure) {
      fill(locationsPanel, h('p', { class: 'form-error' }, failure.message));
    }
  }

  /** Runs a change; on a refusal shows the fields the API named next to them, else reloads. */
  async function change(form, send, done) {
    for (const old of form.querySelectorAll('.form-error')) old.remove();
    try {
      await send();
      announce(done, 'success');
      await load();
      return true;
    } catch (failure) {
      const named = failure.fieldErrors || [];
      for (const error of named) {
        // a location's change names its fields without the 'details.' an addition puts them under
        const input = form.querySelector(`[name="${CSS.escape(error.field)}"]`)
          || form.querySelector(`[name="${CSS.escape(`details.${error.field}`)}"]`);
        const message = h('p', { class: 'form-error', 'data-test': `error-${error.field}` }, dutch(error));
        if (input) input.after(message); else form.prepend(message);
      }
      form.prepend(h('p', { class: 'form-error', role: 'alert', 'data-test': 'beheer-error' }, failure.message));
      return false;
    }
  }

  function renderSettings() {
    const name = input('name', region.name, 'text', null, 'settings-name');
    const freshness = input('freshnessWindowMinutes', minutes(region.freshnessWindow), 'number', null, 'settings-freshness');
    const form = h('form', { 'data-test': 'settings-form', onsubmit: (event) => {
      event.preventDefault();
      change(form, () => put(`${adminPath()}/settings`, { name: name.value, freshnessWindowMinutes: numberOrNull(freshness) }),
        'Regio-instellingen opgeslagen.');
    } }, field('Naam van de regio', name), field('Cijfers gelden als verouderd na (minuten)', freshness),
    h('button', { type: 'submit' }, 'Opslaan'));
    fill(settingsPanel, h('h2', {}, 'Regio'), form);
  }

  function renderCareTypes() {
    fill(careTypesPanel, h('h2', {}, 'Zorgsoorten'), region.careTypes.map((type) => careTypeForm(type)));
  }

  function careTypeForm(type) {
    const protection = type.protection || null;
    const inputs = {
      crisisResponseMinutes: input('crisisResponseMinutes', minutes(type.crisisResponse), 'number', null, `${type.code}-crisis`),
      plannedResponseMinutes: input('plannedResponseMinutes', minutes(type.plannedResponse), 'number', null, `${type.code}-planned`),
      admissionDeadlineHours: input('admissionDeadlineHours', minutes(type.admissionDeadline) / 60, 'number', null, `${type.code}-admission`),
      minStayNights: input('minStayNights', type.minStayNights, 'number', null, `${type.code}-min-stay`),
      maxStayNights: input('maxStayNights', type.maxStayNights, 'number', null, `${type.code}-max-stay`),
    };
    const guarded = type.plannedBooking ? {
      protectedBeds: input('protection.protectedBeds', protection?.protectedBeds ?? '', 'number', null, `${type.code}-protected-beds`),
      protectedShare: input('protection.protectedShare', protection?.protectedShare ?? '', 'number', '0.05', `${type.code}-protected-share`),
      releaseHorizonHours: input('protection.releaseHorizonHours', protection ? minutes(protection.releaseHorizon) / 60 : '', 'number', null, `${type.code}-release-horizon`),
    } : null;
    const form = h('form', { class: 'care-type', 'data-test': `care-type-${type.code}`, onsubmit: (event) => {
      event.preventDefault();
      const body = { name: type.name, fundingStream: type.fundingStream, defaultUrgency: type.defaultUrgency,
        plannedBooking: type.plannedBooking };
      for (const [key, element] of Object.entries(inputs)) body[key] = element.value === '' ? null : Number(element.value);
      if (guarded && guarded.releaseHorizonHours.value !== '') {
        body.protection = { protectedBeds: numberOrNull(guarded.protectedBeds), protectedShare: numberOrNull(guarded.protectedShare),
          releaseHorizonHours: Number(guarded.releaseHorizonHours.value) };
      }
      change(form, () => put(`${adminPath()}/care-types/${encodeURIComponent(type.code)}`, body),
        `Zorgsoort ${type.name} opgeslagen.`);
    } },
    h('h3', {}, `${type.name} (${type.code})`, type.plannedBooking ? h('span', { class: 'badge' }, 'per nacht') : null),
    h('div', { class: 'row' }, field('Reactietijd crisis (min)', inputs.crisisResponseMinutes),
      field('Reactietijd gepland (min)', inputs.plannedResponseMinutes), field('Opnametermijn (uur)', inputs.admissionDeadlineHours),
      field('Minimaal nachten', inputs.minStayNights), field('Maximaal nachten', inputs.maxStayNights)),
    guarded ? h('div', { class: 'row' }, field('Beschermde bedden', guarded.protectedBeds),
      field('Beschermd aandeel (0–1)', guarded.protectedShare), field('Vrijgeven vanaf (uur vóór de nacht)', guarded.releaseHorizonHours)) : null,
    h('button', { type: 'submit', 'data-test': `save-care-type-${type.code}` }, 'Opslaan'));
    return form;
  }

  function renderNeighbours(others) {
    const current = new Map((region.neighbours || []).map((n) => [n.region, n]));
    const rows = others.map((other) => ({
      id: other.id,
      neighbour: h('input', { type: 'checkbox', 'data-test': `neighbour-${other.id}`, checked: current.has(other.id) }),
      whenFull: h('input', { type: 'checkbox', 'data-test': `when-full-${other.id}`, checked: current.get(other.id)?.offerWhenFull }),
      name: other.name,
    }));
    const form = h('form', { 'data-test': 'neighbours-form', onsubmit: (event) => {
      event.preventDefault();
      const neighbours = rows.filter((row) => row.neighbour.checked)
        .map((row) => ({ region: row.id, offerWhenFull: row.whenFull.checked }));
      change(form, () => put(`${adminPath()}/neighbours`, { neighbours }), 'Buurregio\'s opgeslagen.');
    } },
    rows.length === 0 ? h('p', { class: 'muted' }, 'Er zijn geen andere regio\'s.') : h('ul', {}, rows.map((row) => h('li', {},
      h('label', { class: 'check' }, row.neighbour, ` ${row.name}`),
      h('label', { class: 'check' }, row.whenFull, ' locaties aanbieden als de eigen regio vol is')))),
    h('button', { type: 'submit' }, 'Opslaan'));
    fill(neighboursPanel, h('h2', {}, 'Buurregio\'s'), form);
  }

  function renderFunders() {
    const id = input('funderId', '', 'text', null, 'funder-id');
    const name = input('name', '', 'text', null, 'funder-name');
    const stream = h('select', { name: 'fundingStream' }, ['ZVW', 'WLZ', 'WMO'].map((code) => h('option', { value: code }, code)));
    const municipality = h('select', { name: 'municipality' }, h('option', { value: '' }, '–'),
      region.municipalities.map((m) => h('option', { value: m.name }, m.name)));
    const form = h('form', { 'data-test': 'funder-form', onsubmit: (event) => {
      event.preventDefault();
      change(form, () => put(`${adminPath()}/funders/${encodeURIComponent(id.value)}`, { name: name.value,
        fundingStream: stream.value, municipality: municipality.value || null }), `Financier ${name.value} opgeslagen.`);
    } },
    h('div', { class: 'row' }, field('Code (bv. gemeente-assen)', id), field('Naam', name)),
    h('div', { class: 'row' }, field('Financieringsstroom', stream), field('Gemeente (bij Wmo)', municipality)),
    h('button', { type: 'submit' }, 'Financier opslaan'));
    fill(fundersPanel, h('h2', {}, 'Financiers'),
      h('ul', { class: 'small' }, region.funders.map((funder) => h('li', {},
        `${funder.name} (${funder.id}, ${funder.fundingStream}${funder.municipality ? `, ${funder.municipality}` : ''})`))),
      form);
  }

  function renderLocations(locations) {
    fill(locationsPanel, h('div', { class: 'panel-head' }, h('h2', {}, 'Locaties'),
      h('button', { type: 'button', 'data-test': 'new-location', onclick: () => showLocationForm(null, []) }, 'Locatie toevoegen')),
    h('ul', { class: 'cards' }, locations.map((location) => h('li', { 'data-location': location.id },
      h('h3', {}, location.name, location.open ? null : h('span', { class: 'badge' }, 'gesloten')),
      h('p', {}, `${location.providerName} · ${location.address.street}, ${location.address.city} (${location.municipality})`),
      h('p', { class: 'small' }, location.features.length ? location.features.map((code) => label(NEEDS, code)).join(', ') : 'geen bijzondere kenmerken'),
      location.open ? null : h('p', { class: 'small' }, `Gesloten: ${location.closedReason ? label(CLOSURE_REASONS, location.closedReason) : ''}`),
      h('div', { class: 'buttons' },
        h('button', { type: 'button', class: 'secondary', 'data-test': 'edit-location', onclick: async () =>
          showLocationForm(location, (await get(`/api/v1/locations/${encodeURIComponent(location.id)}`)).contracts) }, 'Wijzigen'),
        statusButton(location))))));
  }

  function statusButton(location) {
    const form = h('form', { class: 'inline', onsubmit: (event) => {
      event.preventDefault();
      const reason = form.querySelector('select');
      const body = location.open ? { open: false, reason: reason.value } : { open: true };
      change(form, () => put(`/api/v1/admin/locations/${encodeURIComponent(location.id)}/status`, body),
        location.open ? `${location.name} gesloten.` : `${location.name} geopend.`);
    } },
    // a reason from the list only: bed-availability keeps no free text
    location.open ? h('select', { name: 'reason', 'aria-label': 'Reden van sluiten', 'data-test': 'close-reason' },
      Object.entries(CLOSURE_REASONS).map(([value, text]) => h('option', { value }, text))) : null,
    h('button', { type: 'submit', class: 'secondary', 'data-test': location.open ? 'close-location' : 'open-location' },
      location.open ? 'Sluiten' : 'Openen'));
    return form;
  }

  function showLocationForm(location, contracts) {
    const adding = !location;
    const value = (path, fallback = '') => path.split('.').reduce((at, key) => (at == null ? at : at[key]), location) ?? fallback;
    const inputs = {
      id: adding ? input('id', '', 'text') : null,
      providerId: input('details.providerId', value('providerId')),
      providerName: input('details.providerName', value('providerName')),
      name: input('details.name', value('name')),
      street: input('details.address.street', value('address.street')),
      postcode: input('details.address.postcode', value('address.postcode')),
      city: input('details.address.city', value('address.city')),
      latitude: input('details.latitude', value('latitude'), 'number', 'any'),
      longitude: input('details.longitude', value('longitude'), 'number', 'any'),
    };
    const municipality = h('select', { name: 'details.municipality', 'data-test': 'field-municipality' },
      region.municipalities.map((m) => h('option', { value: m.name, selected: m.name === value('municipality') }, m.name)));
    const features = Object.keys(NEEDS).map((code) => h('label', { class: 'check' },
      h('input', { type: 'checkbox', value: code, 'data-test': `feature-${code}`, checked: (location?.features || []).includes(code) }), ` ${NEEDS[code]}`));
    const contracted = (funder, careType) => contracts.some((c) => c.funder === funder && c.careTypes.includes(careType));
    const contractTable = h('table', { class: 'contracts', 'data-test': 'contracts', name: 'details.contracts' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Financier'), region.careTypes.map((type) => h('th', {}, type.code)))),
      h('tbody', {}, region.funders.map((funder) => h('tr', {}, h('td', {}, funder.name),
        region.careTypes.map((type) => h('td', {}, h('input', { type: 'checkbox', 'aria-label': `${funder.name} ${type.name}`,
          'data-funder': funder.id, 'data-care-type': type.code, checked: contracted(funder.id, type.code) })))))));
    const beds = adding ? region.careTypes.map((type) => field(`Vrije bedden ${type.name}`,
      h('input', { type: 'number', min: 0, name: `beds[${type.code}]`, 'data-test': `beds-${type.code}`, 'data-care-type': type.code }))) : [];
    const form = h('form', { 'data-test': 'location-form', 'data-location': adding ? null : location.id, onsubmit: (event) => {
      event.preventDefault();
      const details = {
        providerId: inputs.providerId.value, providerName: inputs.providerName.value, name: inputs.name.value,
        address: { street: inputs.street.value, postcode: inputs.postcode.value, city: inputs.city.value },
        municipality: municipality.value, latitude: numberOrNull(inputs.latitude), longitude: numberOrNull(inputs.longitude),
        features: features.map((item) => item.querySelector('input')).filter((box) => box.checked).map((box) => box.value),
        contracts: region.funders.map((funder) => ({ funder: funder.id, careTypes: [...contractTable.querySelectorAll(`input[data-funder="${CSS.escape(funder.id)}"]`)]
          .filter((box) => box.checked).map((box) => box.dataset.careType) })).filter((c) => c.careTypes.length > 0),
      };
      if (adding) {
        const bedsBody = {};
        for (const box of form.querySelectorAll('input[data-test^=beds-]')) if (box.value !== '') bedsBody[box.dataset.careType] = Number(box.value);
        change(form, () => post(`${adminPath()}/locations`, { id: inputs.id.value, details, beds: bedsBody }),
          `Locatie ${details.name} toegevoegd.`).then((ok) => { if (ok) showLocationForm(null, []); });
      } else {
        change(form, () => put(`/api/v1/admin/locations/${encodeURIComponent(location.id)}`, details),
          `Locatie ${details.name} gewijzigd.`);
      }
    } },
    adding ? field('Code van de locatie (bv. loc-assen-de-linde)', inputs.id) : h('p', {}, `Code: ${location.id}`),
    field('Code van de aanbieder', inputs.providerId), field('Naam van de aanbieder', inputs.providerName),
    field('Naam van de locatie', inputs.name), field('Straat en huisnummer', inputs.street),
    h('div', { class: 'row' }, field('Postcode', inputs.postcode), field('Plaats', inputs.city)),
    field('Gemeente', municipality),
    h('div', { class: 'row' }, field('Breedtegraad', inputs.latitude), field('Lengtegraad', inputs.longitude)),
    h('fieldset', { class: 'field', name: 'details.features' }, h('legend', {}, 'Kenmerken'), features),
    h('fieldset', { class: 'field' }, h('legend', {}, 'Contracten (financier × zorgsoort)'), contractTable),
    beds,
    h('div', { class: 'buttons' }, h('button', { type: 'submit', 'data-test': 'save-location' }, adding ? 'Locatie toevoegen' : 'Wijzigingen opslaan')));
    fill(formPanel, h('h2', {}, adding ? 'Nieuwe locatie' : `${location.name} wijzigen`), form);
  }

  function renderChanges(changes) {
    fill(changesPanel, h('h2', {}, 'Wijzigingen'), changes.length === 0 ? h('p', { class: 'muted' }, 'Nog geen wijzigingen.')
      : h('ul', { class: 'small' }, changes.map((entry) => h('li', {},
        `${formatDateTime(entry.at)} · ${entry.actorName} · ${ACTIONS[entry.action] || entry.action}: ${entry.target}`))));
  }

  load();
  return () => {};
}

/** An input named as the API names its field; the location form's are found by tests as field-<name>. */
function input(name, value, type = 'text', step = null, test = null) {
  return h('input', { name, type, value: value ?? '', step,
    'data-test': test || `field-${name.replace(/^details\./, '').replace(/\./g, '-')}` });
}

function field(text, control) {
  return h('label', { class: 'field' }, h('span', {}, text), control);
}

function numberOrNull(element) {
  return element.value === '' ? null : Number(element.value);
}

/** An ISO-8601 duration as Jackson writes it (PT30M, PT24H, PT720H) in minutes. */
function minutes(duration) {
  if (typeof duration === 'number') return duration / 60;
  const match = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/.exec(duration || '');
  return match ? Number(match[1] || 0) * 60 + Number(match[2] || 0) : '';
}
