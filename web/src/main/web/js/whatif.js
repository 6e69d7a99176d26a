// Wat als: the coordinator replays the region's generated year through the real rules with changed settings and
// sees the measures beside today's settings (a table with the difference, two charts, the CSV). The run happens on
// the server (POST .../what-if answers 202 at once); this screen polls the run every few seconds while it runs and
// stops when the screen is left. Nothing here touches the live system: a run changes no request, bed or setting.
import { h, fill, formatDateTime, announce, clock, today as dateToday } from './dom.js';
import { get, post, saveDownload } from './api.js';
import { loadRegion } from './region.js';
import { careTypeName } from './labels.js';
import { barChart } from './charts.js';
import { refresher } from './refresher.js';

const POLL_MS = 2500;
const BUSY = 'Er loopt al een wat-als-berekening; probeer het straks opnieuw.';
const UNAVAILABLE = 'Wat-als-berekeningen zijn op deze installatie niet beschikbaar.';

/** Dutch messages for the fields the API may name (its own text is the fallback). */
const SERVER_MESSAGES = [
  [/^protection\[\d+\]\.protectedBeds$/, 'Tussen 0 en 20 bedden per locatie per nacht.'],
  [/^protection\[\d+\]\.protectedShare$/, 'Een percentage tussen 0 en 100.'],
  [/^protection/, 'Alleen zorgvormen die gepland geboekt worden, elk één keer.'],
  [/^releaseHorizonHours$/, 'Tussen 0 en 336 uur (twee weken).'],
  [/^crisisResponseMinutes$/, 'Tussen 5 en 1440 minuten (een dag).'],
  [/^plannedResponseMinutes$/, 'Tussen 5 en 10080 minuten (een week).'],
  [/^extraBeds\[\d+\]\.locationId$/, 'Kies een locatie van de regio.'],
  [/^extraBeds\[\d+\]\.careType$/, 'Kies een zorgvorm die deze locatie biedt.'],
  [/^extraBeds\[\d+\]\.beds$/, 'Tussen -20 en 20 bedden, niet 0.'],
  [/^months$/, 'Tussen 1 en 12 maanden.'],
  [/^history\.from$/, 'Kies de eerste dag.'],
  [/^history\.to$/, 'Een dag vanaf de eerste dag, uiterlijk vandaag, hooguit een jaar later.'],
];

/**
 * The measures in the order a coordinator reads them: the key ones first. kind says how a value is written;
 * better says which way is an improvement (null: neither, e.g. occupancy).
 */
const MEASURES = [
  { key: 'crisisInTimeShare', text: 'Crisis op tijd geplaatst', chart: 'Crisis op tijd geplaatst', kind: 'share', better: 'up', first: 'Kernmaten',
    detail: (row) => `${row.crisisPlacedInTime} van ${row.crisisRequests}` },
  { key: 'plannedNightsDisplaced', text: 'Logeernachten naar crisis', chart: 'Logeernachten naar crisis', kind: 'count', better: 'down' },
  { key: 'plannedNightsBooked', text: 'Geboekte logeernachten', chart: 'Geboekte logeernachten', kind: 'count', better: 'up',
    detail: (row) => `van ${row.plannedNightsAsked} gevraagd` },
  { key: 'respiteMedianWaitDays', text: 'Wachttijd logeerzorg, mediaan', kind: 'days', better: 'down' },
  { key: 'respiteP90WaitDays', text: 'Wachttijd logeerzorg, p90', kind: 'days', better: 'down' },
  { key: 'acuteOccupancy', text: 'Bezetting acute bedden', chart: 'Bezetting acuut', kind: 'share', better: null },
  { key: 'respiteOccupancy', text: 'Bezetting logeerbedden', chart: 'Bezetting logeerbedden', kind: 'share', better: null },
  { key: 'shareOfOptimum', text: 'Van het haalbare', chart: 'Van het haalbare', kind: 'share', better: 'up',
    prefix: (row) => (row.optimumExact ? '' : 'minstens '),
    detail: (row) => `${row.placedInTime} van ten hoogste ${row.optimum}` },
  { key: 'crisisMedianMinutes', text: 'Tijd tot plaatsing crisis, mediaan', kind: 'minutes', better: 'down', first: 'Verder' },
  { key: 'crisisP90Minutes', text: 'Tijd tot plaatsing crisis, p90', kind: 'minutes', better: 'down' },
  { key: 'crisisRequests', text: 'Crisisaanvragen', kind: 'count', better: null },
  { key: 'plannedBooked', text: 'Geplande aanvragen geboekt', kind: 'count', better: 'up',
    detail: (row) => `van ${row.plannedRequests}` },
  { key: 'protectedNightsToCrisis', text: 'Waarvan beschermde nachten naar crisis', chart: 'Beschermd naar crisis', kind: 'count', better: 'down' },
  { key: 'offersDeclined', text: 'Aanbiedingen afgewezen', kind: 'count', better: 'down' },
  { key: 'offersExpired', text: 'Aanbiedingen verlopen', kind: 'count', better: 'down' },
  { key: 'borderPlacements', text: 'Plaatsingen in een buurregio', kind: 'count', better: null },
  { key: 'placedInTime', text: 'Op tijd geplaatst (alle regio\'s)', kind: 'count', better: 'up' },
];

const decimal = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false });
const longDate = new Intl.DateTimeFormat('nl-NL', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });

/**
 * Fills section with the region's what-if: the explanation, the form pre-filled with today's settings, the run and
 * its result, and the latest runs. Returns stop(): no more polling (the screen was left or another region chosen).
 */
export function mountWhatIf(section, regionId) {
  const base = `/api/v1/regions/${encodeURIComponent(regionId)}/what-if`;
  let stopped = false;
  let poller = null;
  let pollTimer = null;
  let region = null;
  let locations = [];
  let form = null;
  const status = h('p', { role: 'status', 'data-test': 'whatif-progress' });
  const elapsed = h('p', { class: 'muted small' });
  const failure = h('p', { class: 'form-error', role: 'alert', 'data-test': 'whatif-failure' });
  const results = h('div', { 'aria-live': 'polite', 'data-test': 'whatif-results' });
  const history = h('div', { 'data-test': 'whatif-history' });

  fill(section, h('h2', { id: 'whatif-title', tabindex: -1 }, 'Wat als'), explanation(), h('p', { class: 'muted' }, 'Laden…'));

  Promise.all([loadRegion(regionId).then((loaded) => Promise.all([loaded, locationsOf(regionId, loaded)])),
    get(base).catch((error) => error)])
    .then(([[loadedRegion, found], runs]) => {
      if (stopped) return;
      region = loadedRegion;
      locations = found || [];
      if (runs instanceof Error && runs.status === 503) {
        fill(section, h('h2', { id: 'whatif-title', tabindex: -1 }, 'Wat als'), explanation(),
          h('p', { class: 'form-error', 'data-test': 'whatif-unavailable' }, UNAVAILABLE));
        return;
      }
      form = whatIfForm(region, locations, found !== null, start);
      fill(section, h('h2', { id: 'whatif-title', tabindex: -1 }, 'Wat als'), explanation(), form.element,
        h('div', { class: 'whatif-run' }, status, elapsed, failure), results, history);
      if (runs instanceof Error) {
        fill(history, h('p', { class: 'form-error' }, `De eerdere berekeningen konden niet worden geladen: ${runs.message}`));
        return;
      }
      runs = runs.map(normalised);
      renderHistory(runs);
      // a run of this region still going (started before this screen was opened): follow it
      if (runs[0]?.status === 'RUNNING') watch(runs[0]);
    }, (error) => {
      if (!stopped) fill(section, h('h2', { id: 'whatif-title', tabindex: -1 }, 'Wat als'), h('p', { class: 'form-error' }, error.message));
    });

  async function start(body) {
    failure.textContent = '';
    try {
      const run = normalised(await post(base, body));
      if (stopped) return;
      announce('De wat-als-berekening is gestart.', 'info');
      watch(run);
      refreshHistory();
    } catch (error) {
      if (stopped) return;
      form.busy(false);
      if (error.status === 409) form.error(BUSY);
      else if (error.status === 503) form.error(UNAVAILABLE);
      else if (error.fieldErrors?.length) form.showErrors(error.fieldErrors.map((named) => ({ ...named, dutch: dutch(named) })));
      else form.error(error.message);
    }
  }

  /** Shows the run and, while it runs, reads it again every few seconds (a failed read is tried again by itself). */
  function watch(run) {
    stopPolling();
    show(run);
    if (run.status !== 'RUNNING') return;
    form?.busy(true);
    poller = refresher(async () => {
      const next = normalised(await get(`${base}/${encodeURIComponent(run.id)}`));
      if (stopped) return;
      failure.textContent = '';
      show(next);
      if (next.status === 'RUNNING') {
        pollTimer = setTimeout(() => poller?.now(), POLL_MS);
        return;
      }
      form?.busy(false);
      announce(next.status === 'DONE' ? 'De wat-als-berekening is klaar.' : 'De wat-als-berekening is mislukt.',
        next.status === 'DONE' ? 'success' : 'error');
      refreshHistory();
    }, (error) => { failure.textContent = `De berekening kon niet worden gelezen: ${error.message} (wordt opnieuw geprobeerd)`; });
    pollTimer = setTimeout(() => poller?.now(), POLL_MS);
  }

  function show(run) {
    failure.textContent = '';
    if (run.status === 'RUNNING') {
      const months = run.settings?.months ?? 12;
      const text = `Bezig met rekenen… een jaar duurt ongeveer een minuut${months < 12 ? ` (deze berekening: ${monthsText(months)})` : ''}.`;
      // the same sentence is not put there again on every read, so a screen reader says it once
      if (status.textContent !== text) status.textContent = text;
      if (!elapsed.hasChildNodes()) fill(elapsed, `Gestart ${formatDateTime(run.requestedAt)}, bezig sinds `, clock(run.requestedAt, 'since'));
      fill(results);
      return;
    }
    status.textContent = '';
    fill(elapsed);
    if (run.status === 'FAILED') {
      failure.textContent = `De berekening is mislukt: ${run.failure || 'geen reden bekend'}`;
      fill(results);
      return;
    }
    fill(results, resultView(run));
  }

  function resultView(run) {
    const result = run.result;
    const today = result.rows.find((row) => row.policy === 'TODAY');
    // a run without changes has today's row only
    const whatIf = result.rows.find((row) => row.policy === 'WHAT_IF') || null;
    const series = whatIf ? ['vandaag', 'wat als'] : ['vandaag'];
    const values = (key) => (whatIf ? [today[key], whatIf[key]] : [today[key]]);
    const csv = h('button', { type: 'button', class: 'secondary', 'data-test': 'whatif-csv', onclick: async () => {
      try {
        const name = await saveDownload(`${base}/${encodeURIComponent(run.id)}/table.csv`, 'text/csv', 'adempauze-wat-als.csv');
        announce(`${name} gedownload.`, 'success');
      } catch (error) {
        failure.textContent = error.message;
      }
    } }, 'CSV downloaden');
    return h('div', { class: 'whatif-result', 'data-test': 'whatif-result', 'data-run-id': run.id },
      h('div', { class: 'panel-head' }, h('h3', {}, 'Uitkomst'), csv),
      h('p', {}, `Van ${longDate.format(new Date(`${result.from}T12:00:00Z`))} tot en met `
        + `${longDate.format(new Date(`${result.to}T12:00:00Z`))}: ${result.requests} `
        + (run.settings?.history ? 'eigen aanvragen (die van de buurregio\'s meegeteld; de bedden beginnen leeg)'
          : `gegenereerde aanvragen (die van de buurregio's meegeteld; trekking ${result.seed})`)
        + `, berekend ${formatDateTime(run.finishedAt)}.`),
      h('p', { 'data-test': 'whatif-settings' }, h('strong', {}, 'Wat als: '), changesText(run)),
      whatIf && MEASURES.every((entry) => today[entry.key] === whatIf[entry.key])
        ? h('p', { class: 'flag', 'data-test': 'whatif-no-difference' }, 'Deze instellingen maken in deze berekening geen verschil: '
          + 'op dezelfde aanvragen komt alles uit als vandaag. (Een beschermd bed meer doet bijvoorbeeld niets op locaties met '
          + 'maar één bed van die zorgvorm.)')
        : null,
      measuresTable(today, whatIf),
      h('div', { class: 'charts' },
        h('figure', {}, barChart({ title: 'Aandelen, vandaag en wat als', series, format: percent,
          rows: ['crisisInTimeShare', 'shareOfOptimum', 'acuteOccupancy', 'respiteOccupancy'].map((key) => ({
            label: measure(key).chart, values: values(key) })) }),
        h('figcaption', { class: 'muted small' }, 'Aandelen (de tabel hierboven geeft de getallen)')),
        h('figure', {}, barChart({ title: 'Logeernachten, vandaag en wat als', series,
          rows: ['plannedNightsDisplaced', 'protectedNightsToCrisis', 'plannedNightsBooked'].map((key) => ({
            label: measure(key).chart, values: values(key) })) }),
        h('figcaption', { class: 'muted small' }, 'Logeernachten'))));
  }

  /** What the run changed against today's settings, in words; 'de instellingen van vandaag' when nothing. */
  function changesText(run) {
    const settings = run.settings || {};
    const today = run.today || {};
    const parts = [];
    for (const entry of settings.protection || []) {
      const was = (today.protection || []).find((other) => other.careType === entry.careType);
      if (was && was.protectedBeds === entry.protectedBeds && was.protectedShare === entry.protectedShare) continue;
      parts.push(`${careTypeName(region, entry.careType)}: ${protectionText(entry)}${was ? ` (vandaag ${protectionText(was)})` : ''}`);
    }
    const changed = (key) => settings[key] !== null && settings[key] !== undefined && settings[key] !== today[key];
    if (changed('releaseHorizonHours')) {
      parts.push(`beschermde bedden vrij ${settings.releaseHorizonHours} uur vóór de nacht`
        + `${today.releaseHorizonHours != null ? ` (vandaag ${today.releaseHorizonHours})` : ''}`);
    }
    if (changed('crisisResponseMinutes')) parts.push(`reactietijd crisis ${durationText(settings.crisisResponseMinutes)} voor elke zorgvorm`);
    if (changed('plannedResponseMinutes')) parts.push(`reactietijd gepland ${durationText(settings.plannedResponseMinutes)} voor elke zorgvorm`);
    for (const extra of settings.extraBeds || []) {
      const where = locations.find((location) => location.locationId === extra.locationId)?.name || extra.locationId;
      parts.push(`${extra.beds > 0 ? '+' : '−'}${Math.abs(extra.beds)} ${Math.abs(extra.beds) === 1 ? 'bed' : 'bedden'} `
        + `${careTypeName(region, extra.careType)} bij ${where}`);
    }
    if (changed('border')) parts.push(settings.border ? 'buurregio\'s aanbieden als de regio vol is' : 'geen buurregio\'s aanbieden');
    const period = settings.history ? `de eigen aanvragen van ${settings.history.from} tot en met ${settings.history.to}`
      : monthsText(settings.months ?? 12);
    return parts.length ? `${parts.join('; ')}. Periode: ${period}.` : `de instellingen van vandaag. Periode: ${period}.`;
  }

  function renderHistory(runs) {
    fill(history, h('h3', {}, 'Eerdere berekeningen van de regio'), runs.length === 0
      ? h('p', { class: 'muted' }, 'Nog geen berekeningen.')
      : h('table', { 'data-test': 'whatif-runs' },
        h('caption', {}, 'De laatste tien, nieuwste eerst'),
        h('thead', {}, h('tr', {}, ['Gestart', 'Status', 'Instellingen', ''].map((column) => h('th', { scope: 'col' }, column)))),
        h('tbody', {}, runs.map((run) => h('tr', { 'data-run-id': run.id },
          h('th', { scope: 'row' }, formatDateTime(run.requestedAt)),
          h('td', {}, { RUNNING: 'Bezig', DONE: 'Klaar', FAILED: 'Mislukt' }[run.status] || run.status),
          h('td', { class: 'small' }, changesText(run)),
          h('td', {}, run.status === 'DONE' ? h('button', { type: 'button', class: 'secondary small', onclick: () => {
            show(run);
            results.scrollIntoView({ block: 'start' });
          } }, 'Tonen') : null))))));
  }

  /** The latest runs again (a failed read leaves the list as it was: it is not what the person is waiting for). */
  function refreshHistory() {
    get(base).then((runs) => { if (!stopped) renderHistory(runs.map(normalised)); }, () => {});
  }

  function stopPolling() {
    poller?.stop();
    poller = null;
    clearTimeout(pollTimer);
  }

  return () => {
    stopped = true;
    stopPolling();
  };
}

function explanation() {
  return h('div', { class: 'whatif-explanation' },
    h('p', {}, 'Wat als speelt een gegenereerd jaar van deze regio af door dezelfde regels als het echte systeem '
      + '(zoeken en rangschikken, aanbieden met reactietijden, bescherming van logeerbedden, wachtlijst en crisiswachtrij): '
      + 'één keer met de instellingen van vandaag en één keer met de instellingen die u hieronder kiest, op precies dezelfde aanvragen.'),
    h('p', {}, 'Het is geen voorspelling: de aanvragen zijn bedacht uit de inwonertallen van de regio en aannames over de vraag. '
      + 'Het laat zien hoe een andere instelling uitpakt ten opzichte van vandaag. De berekening raakt het live systeem niet: '
      + 'er verandert geen aanvraag, bed of instelling. "Van het haalbare" zet de op tijd geplaatste aanvragen af tegen het '
      + 'hoogst haalbare als alle aanvragen van tevoren bekend waren geweest.'),
    h('p', { class: 'muted small' }, 'Er kan op deze installatie één berekening tegelijk lopen.'));
}

/**
 * The form, pre-filled with today's settings. onRun(body) gets what differs from today (an unchanged form runs
 * today's settings only) and the period. Returns { element, busy(on), error(text), showErrors([{field, dutch}]) }.
 */
function whatIfForm(region, locations, locationsKnown, onRun) {
  const fields = new Map(); // an API field (or its prefix) -> { control, error }
  const formError = h('p', { class: 'form-error', role: 'alert', 'data-test': 'whatif-error' });
  let extraRows = [];
  let extraCounter = 0;

  function field(key, id, labelText, control, hint) {
    Object.assign(control, { id });
    const error = h('p', { class: 'field-error', id: `${id}-error`, 'data-error-for': key });
    const hintElement = hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null;
    control.setAttribute('aria-describedby', [hintElement ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' '));
    fields.set(key, { control, error });
    return h('div', { class: 'field' }, h('label', { for: id }, labelText), control, hintElement, error);
  }

  // protection per care type booked per night
  const plannable = region.careTypes.filter((type) => type.plannedBooking);
  const protections = plannable.map((type) => {
    const today = type.protection || null;
    const todayMode = today?.protectedBeds != null ? 'beds' : today?.protectedShare != null ? 'share' : 'none';
    const todayValue = todayMode === 'beds' ? today.protectedBeds : todayMode === 'share' ? Math.round(today.protectedShare * 100) : '';
    const mode = h('select', { 'data-test': `whatif-protection-mode-${type.code}` },
      h('option', { value: 'none' }, 'Geen bescherming'),
      h('option', { value: 'beds' }, 'Een aantal bedden per locatie'),
      h('option', { value: 'share' }, 'Een deel van de vrije bedden'));
    const value = h('input', { type: 'number', 'data-test': `whatif-protection-value-${type.code}` });
    const valueLabel = h('label', { for: `whatif-protection-value-${type.code}` });
    const valueError = h('p', { class: 'field-error', id: `whatif-protection-value-${type.code}-error`, 'data-error-for': `protection.${type.code}` });
    value.id = `whatif-protection-value-${type.code}`;
    value.setAttribute('aria-describedby', valueError.id);
    const valueField = h('div', { class: 'field' }, valueLabel, value, valueError);
    fields.set(`protection.${type.code}`, { control: value, error: valueError });
    function modeChanged(keepValue) {
      valueField.hidden = mode.value === 'none';
      if (mode.value === 'beds') {
        valueLabel.textContent = 'Beschermde bedden per locatie per nacht';
        Object.assign(value, { min: 0, max: 20, step: 1 });
        if (!keepValue) value.value = todayMode === 'beds' ? todayValue : 1;
      } else if (mode.value === 'share') {
        valueLabel.textContent = 'Percentage van de vrije bedden per nacht (naar boven afgerond)';
        Object.assign(value, { min: 0, max: 100, step: 1 });
        if (!keepValue) value.value = todayMode === 'share' ? todayValue : 50;
      }
    }
    mode.addEventListener('change', () => modeChanged(false));
    mode.value = todayMode;
    value.value = todayValue;
    modeChanged(true);
    const element = h('fieldset', { 'data-test': `whatif-protection-${type.code}` },
      h('legend', {}, type.name),
      h('div', { class: 'row' }, field(`protection.${type.code}.mode`, `whatif-protection-${type.code}`, 'Bescherming', mode,
        `Vandaag: ${protectionText(today)}.`), valueField));
    return {
      type, element, today,
      reset() { mode.value = todayMode; value.value = todayValue; modeChanged(true); },
      /** {careType, protectedBeds, protectedShare} as chosen, or an error text. */
      read() {
        if (mode.value === 'none') return { careType: type.code, protectedBeds: null, protectedShare: null };
        const number = Number(value.value);
        if (value.value === '' || !Number.isInteger(number)) return { error: 'Vul een heel getal in.' };
        if (mode.value === 'beds') {
          return number < 0 || number > 20 ? { error: 'Tussen 0 en 20 bedden per locatie per nacht.' }
            : { careType: type.code, protectedBeds: number, protectedShare: null };
        }
        return number < 0 || number > 100 ? { error: 'Een percentage tussen 0 en 100.' }
          : { careType: type.code, protectedBeds: null, protectedShare: number / 100 };
      },
    };
  });

  // the release horizon: one for every protected care type (today's, when they agree)
  const horizons = [...new Set(plannable.filter((type) => type.protection).map((type) => hours(type.protection.releaseHorizon)))];
  const todayHorizon = horizons.length === 1 ? horizons[0] : null;
  const release = h('input', { type: 'number', min: 0, max: 336, step: 1, 'data-test': 'whatif-release' });

  // the providers' answer deadlines: one for every care type; empty keeps each care type's own
  const response = (pick) => {
    const values = region.careTypes.map((type) => ({ type, minutes: minutesOf(type[pick]) }));
    const distinct = [...new Set(values.map((entry) => entry.minutes))];
    const hint = distinct.length === 1 ? `Vandaag: ${durationText(distinct[0])} voor elke zorgvorm.`
      : `Leeg: zoals vandaag per zorgvorm (${distinct.sort((a, b) => a - b).map((minutes) => `${durationText(minutes)}: `
        + `${values.filter((entry) => entry.minutes === minutes).map((entry) => entry.type.name).join(', ')}`).join('; ')}).`;
    return { today: distinct.length === 1 ? distinct[0] : null, hint };
  };
  const crisisToday = response('crisisResponse');
  const plannedToday = response('plannedResponse');
  const crisis = h('input', { type: 'number', min: 5, max: 1440, step: 1, 'data-test': 'whatif-crisis-response' });
  const planned = h('input', { type: 'number', min: 5, max: 10080, step: 1, 'data-test': 'whatif-planned-response' });

  // extra (or fewer) beds at a location of the region
  const extraList = h('div', { class: 'whatif-extra-beds', 'data-test': 'whatif-extra-beds' });
  const addExtra = h('button', { type: 'button', class: 'secondary small', 'data-test': 'whatif-add-beds', onclick: () => addExtraRow() },
    'Bedden toevoegen');

  function addExtraRow() {
    const number = extraCounter++;
    const row = { number };
    row.location = h('select', { 'data-test': 'whatif-extra-location' }, locations.map((location) =>
      h('option', { value: location.locationId }, `${location.name}${location.municipality ? ` (${location.municipality})` : ''}`)));
    row.careType = h('select', { 'data-test': 'whatif-extra-care-type' });
    row.beds = h('input', { type: 'number', min: -20, max: 20, step: 1, value: 1, 'data-test': 'whatif-extra-beds-count' });
    const fillCareTypes = () => {
      const offered = locations.find((location) => location.locationId === row.location.value)?.careTypes || [];
      fill(row.careType, offered.map((code) => h('option', { value: code }, careTypeName(region, code))));
    };
    row.location.addEventListener('change', fillCareTypes);
    fillCareTypes();
    const id = `whatif-extra-${number}`;
    row.element = h('div', { class: 'row whatif-extra-row', 'data-test': 'whatif-extra-row' },
      field(`extra.${number}.locationId`, `${id}-location`, 'Locatie', row.location),
      field(`extra.${number}.careType`, `${id}-care-type`, 'Zorgvorm', row.careType),
      field(`extra.${number}.beds`, `${id}-beds`, 'Bedden erbij (negatief: eraf)', row.beds),
      h('div', { class: 'field' }, h('button', { type: 'button', class: 'secondary small', onclick: () => {
        extraRows = extraRows.filter((other) => other !== row);
        for (const part of ['locationId', 'careType', 'beds']) fields.delete(`extra.${number}.${part}`);
        row.element.remove();
        addExtra.focus();
      } }, 'Weghalen')));
    extraRows.push(row);
    extraList.append(row.element);
    row.location.focus();
  }

  const neighbours = region.neighbours || [];
  const borderToday = neighbours.some((neighbour) => neighbour.offerWhenFull);
  const border = h('input', { type: 'checkbox', id: 'whatif-border', 'data-test': 'whatif-border' });
  const months = h('select', { 'data-test': 'whatif-months' },
    Array.from({ length: 12 }, (_, index) => 12 - index).map((count) => h('option', { value: count }, monthsText(count))));
  // which requests: a generated year, or the region's own of past days
  const demand = h('select', { 'data-test': 'whatif-demand' },
    h('option', { value: 'generated' }, 'Een gegenereerd jaar'),
    h('option', { value: 'history' }, 'De eigen aanvragen van een periode'));
  const historyFrom = h('input', { type: 'date', 'data-test': 'whatif-history-from', max: dateToday() });
  const historyTo = h('input', { type: 'date', 'data-test': 'whatif-history-to', max: dateToday() });
  const generatedFields = h('div', { class: 'row' },
    field('months', 'whatif-months', 'Periode', months, 'Korter rekent sneller; een jaar duurt ongeveer een minuut.'));
  const historyFields = h('div', { class: 'row' },
    field('history.from', 'whatif-history-from', 'Van', historyFrom, 'De aanvragen die de regio (en haar buurregio\'s) kreeg.'),
    field('history.to', 'whatif-history-to', 'Tot en met', historyTo, 'Uiterlijk vandaag, hooguit een jaar.'));
  function showDemand() {
    generatedFields.hidden = demand.value !== 'generated';
    historyFields.hidden = demand.value !== 'history';
  }
  demand.addEventListener('change', showDemand);
  const submit = h('button', { type: 'submit', 'data-test': 'whatif-run' }, 'Berekenen');
  const reset = h('button', { type: 'button', class: 'secondary', 'data-test': 'whatif-reset', onclick: () => resetAll() },
    'Terug naar vandaag');

  function resetAll() {
    clearErrors();
    for (const protection of protections) protection.reset();
    release.value = todayHorizon ?? '';
    crisis.value = crisisToday.today ?? '';
    planned.value = plannedToday.today ?? '';
    for (const row of extraRows) {
      for (const part of ['locationId', 'careType', 'beds']) fields.delete(`extra.${row.number}.${part}`);
      row.element.remove();
    }
    extraRows = [];
    border.checked = borderToday;
    months.value = '12';
    demand.value = 'generated';
    historyFrom.value = dateToday(-29);
    historyTo.value = dateToday();
    showDemand();
  }

  const element = h('form', { class: 'card whatif-form', novalidate: true, 'aria-labelledby': 'whatif-title', 'data-test': 'whatif-form' },
    h('h3', {}, 'Instellingen'),
    h('p', { class: 'hint' }, 'Het formulier begint met de instellingen van vandaag; wat u verandert, wordt naast vandaag gezet.'),
    protections.length ? h('div', { class: 'row' }, protections.map((protection) => protection.element)) : null,
    h('div', { class: 'row' },
      field('releaseHorizonHours', 'whatif-release', 'Beschermde bedden vrijgeven aan crisis (uur vóór de nacht)', release,
        todayHorizon !== null ? `Vandaag: ${todayHorizon} uur.` : 'Vandaag verschilt dit per zorgvorm of is er geen bescherming.'),
      field('crisisResponseMinutes', 'whatif-crisis-response', 'Reactietijd aanbieder bij crisis (minuten)', crisis, crisisToday.hint),
      field('plannedResponseMinutes', 'whatif-planned-response', 'Reactietijd aanbieder bij gepland (minuten)', planned, plannedToday.hint)),
    h('fieldset', {}, h('legend', {}, 'Extra bedden'),
      locationsKnown ? h('p', { class: 'hint' }, 'Bedden erbij (of eraf, met een negatief getal) op een locatie van de regio, elke nacht van de periode.')
        : h('p', { class: 'form-error' }, 'De locaties van de regio konden niet worden geladen; extra bedden kiezen kan nu niet.'),
      extraList, locationsKnown ? addExtra : null),
    h('div', { class: 'row' },
      h('div', { class: 'field' }, h('label', { class: 'check', for: 'whatif-border' }, border,
        ' Buurregio\'s aanbieden als de eigen regio vol is'),
      h('p', { class: 'hint' }, neighbours.length === 0 ? 'Deze regio heeft geen buurregio\'s.'
        : `Vandaag: ${borderToday ? 'aan' : 'uit'}.`)),
      field('demand', 'whatif-demand', 'Welke aanvragen', demand,
        'Een jaar getrokken naar de grootte van de regio, of de aanvragen die echt binnenkwamen.')),
    generatedFields, historyFields,
    formError,
    h('div', { class: 'buttons' }, submit, reset));

  function clearErrors() {
    for (const { control, error } of fields.values()) {
      error.textContent = '';
      control.removeAttribute('aria-invalid');
    }
    formError.textContent = '';
  }

  /** Shows each error next to its field ([{field, dutch}], field as the form or the API names it). */
  function showErrors(errors) {
    let first = null;
    for (const { field: name, dutch, message } of errors) {
      const target = fields.get(name) || fields.get(name.replace(/\.[^.]+$/, ''));
      const text = dutch || message || 'Deze waarde wordt niet geaccepteerd.';
      if (!target) {
        formError.textContent = text;
        continue;
      }
      target.error.textContent = text;
      target.control.setAttribute('aria-invalid', 'true');
      first = first || target.control;
    }
    first?.focus();
  }

  // the API names fields by their place in the body (protection[0], extraBeds[1]): the sent order is kept here
  let sentNames = new Map();

  element.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors();
    const errors = [];
    const body = {};
    sentNames = new Map();
    const chosen = protections.map((protection) => ({ protection, value: protection.read() }));
    for (const { protection, value } of chosen) {
      if (value.error) errors.push({ field: `protection.${protection.type.code}`, dutch: value.error });
    }
    const same = (a, b) => (a ?? null) === (b ?? null);
    const protectionChanged = chosen.some(({ protection, value }) => !value.error
      && !(same(value.protectedBeds, protection.today?.protectedBeds) && same(value.protectedShare, protection.today?.protectedShare)));
    if (protectionChanged) {
      // every plannable care type, so the body says the whole protection as it is meant
      body.protection = chosen.map(({ value }) => value);
      chosen.forEach(({ protection }, index) => sentNames.set(`protection[${index}]`, `protection.${protection.type.code}`));
    }
    const whole = (input, key, min, max, text, today) => {
      if (input.value === '') return;
      const number = Number(input.value);
      if (!Number.isInteger(number) || number < min || number > max) errors.push({ field: key, dutch: text });
      else if (number !== today) body[key] = number;
    };
    whole(release, 'releaseHorizonHours', 0, 336, 'Tussen 0 en 336 uur (twee weken).', todayHorizon);
    whole(crisis, 'crisisResponseMinutes', 5, 1440, 'Tussen 5 en 1440 minuten (een dag).', crisisToday.today);
    whole(planned, 'plannedResponseMinutes', 5, 10080, 'Tussen 5 en 10080 minuten (een week).', plannedToday.today);
    const seen = new Set();
    const extraBeds = [];
    for (const row of extraRows) {
      const beds = Number(row.beds.value);
      const pair = `${row.location.value}/${row.careType.value}`;
      if (!row.careType.value) errors.push({ field: `extra.${row.number}.careType`, dutch: 'Deze locatie biedt geen zorgvorm.' });
      else if (seen.has(pair)) errors.push({ field: `extra.${row.number}.careType`, dutch: 'Deze locatie en zorgvorm staan er al.' });
      seen.add(pair);
      if (row.beds.value === '' || !Number.isInteger(beds) || beds < -20 || beds > 20 || beds === 0) {
        errors.push({ field: `extra.${row.number}.beds`, dutch: 'Tussen -20 en 20 bedden, niet 0.' });
      }
      sentNames.set(`extraBeds[${extraBeds.length}]`, `extra.${row.number}`);
      extraBeds.push({ locationId: row.location.value, careType: row.careType.value, beds });
    }
    if (extraBeds.length) body.extraBeds = extraBeds;
    if (border.checked !== borderToday) body.border = border.checked;
    if (demand.value === 'history') {
      if (!historyFrom.value) errors.push({ field: 'history.from', dutch: 'Kies de eerste dag.' });
      if (!historyTo.value || (historyFrom.value && historyTo.value < historyFrom.value) || historyTo.value > dateToday()) {
        errors.push({ field: 'history.to', dutch: 'Een dag vanaf de eerste dag, uiterlijk vandaag.' });
      }
      body.history = { from: historyFrom.value, to: historyTo.value };
    } else {
      body.months = Number(months.value);
    }
    if (errors.length) {
      showErrors(errors);
      return;
    }
    busy(true);
    onRun(body);
  });

  function busy(on) {
    submit.disabled = on;
    submit.textContent = on ? 'Bezig met rekenen…' : 'Berekenen';
  }

  resetAll();
  return {
    element,
    busy,
    error: (text) => { formError.textContent = text; },
    // the API's names (protection[0].protectedBeds, extraBeds[1].beds) become the form's
    showErrors: (errors) => showErrors(errors.map((error) => {
      const match = /^(protection\[\d+\]|extraBeds\[\d+\])(\.(.+))?$/.exec(error.field || '');
      if (!match || !sentNames.has(match[1])) return error;
      const name = sentNames.get(match[1]);
      return { ...error, field: name.startsWith('extra.') && match[3] ? `${name}.${match[3]}` : name };
    })),
  };
}

/**
 * The region's locations with the care types each offers ([{locationId, name, municipality, careTypes: [code]}], by
 * name), for the extra-beds picker: the beds free now name the care types taken in at once, the calendar of each
 * care type booked per night (tonight's) the respite ones. Null when they could not be read.
 */
async function locationsOf(regionId, region) {
  const path = `/api/v1/regions/${encodeURIComponent(regionId)}`;
  const tonight = dateToday();
  try {
    const [capacity, ...calendars] = await Promise.all([get(`${path}/capacity`),
      ...region.careTypes.filter((type) => type.plannedBooking).map((type) =>
        get(`${path}/capacity/nights?careType=${encodeURIComponent(type.code)}&from=${tonight}&to=${tonight}`))]);
    const byId = new Map();
    const add = (location, code) => {
      const entry = byId.get(location.locationId)
        || { locationId: location.locationId, name: location.name, municipality: location.municipality, careTypes: [] };
      if (code && !entry.careTypes.includes(code)) entry.careTypes.push(code);
      byId.set(location.locationId, entry);
    };
    for (const location of capacity.locations || []) {
      add(location, null);
      for (const figure of location.careTypes || []) add(location, figure.careType);
    }
    for (const calendar of calendars) for (const location of calendar.locations || []) add(location, calendar.careType);
    const order = region.careTypes.map((type) => type.code);
    return [...byId.values()].filter((location) => location.careTypes.length > 0)
      .map((location) => ({ ...location, careTypes: location.careTypes.sort((a, b) => order.indexOf(a) - order.indexOf(b)) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  } catch (failure) {
    return null;
  }
}

/**
 * The run view as the screen reads it: its measures (`outcome`) as `result`, and today's care types and neighbours
 * summed up as {protection: [{careType, protectedBeds, protectedShare}], releaseHorizonHours, crisisResponseMinutes,
 * plannedResponseMinutes, border} (a value that differs per care type: null).
 */
function normalised(run) {
  const result = run.outcome ?? null;
  const today = run.today || { careTypes: [], neighbours: [] };
  const types = today.careTypes;
  const plannable = types.filter((type) => type.plannedBooking);
  const isProtected = (type) => type.protectedBeds != null || type.protectedShare != null;
  const uniform = (values) => {
    const distinct = [...new Set(values.filter((value) => value !== null && value !== undefined))];
    return distinct.length === 1 ? distinct[0] : null;
  };
  return {
    ...run,
    result,
    today: {
      protection: plannable.map((type) => ({ careType: type.code, protectedBeds: type.protectedBeds ?? null,
        protectedShare: type.protectedShare ?? null })),
      releaseHorizonHours: uniform(plannable.filter(isProtected).map((type) => type.releaseHorizonHours)),
      crisisResponseMinutes: uniform(types.map((type) => type.crisisResponseMinutes)),
      plannedResponseMinutes: uniform(types.map((type) => type.plannedResponseMinutes)),
      border: (today.neighbours || []).some((neighbour) => neighbour.offerWhenFull),
    },
  };
}

function dutch(error) {
  const found = SERVER_MESSAGES.find(([pattern]) => pattern.test(error.field || ''));
  return found ? found[1] : error.message;
}

function measure(key) {
  return MEASURES.find((entry) => entry.key === key);
}

/**
 * Today's and the what-if's measures side by side, with the difference; each row names its measure. Without a
 * what-if row (nothing was changed) only today's column.
 */
function measuresTable(today, whatIf) {
  const columns = whatIf ? ['Maat', 'Vandaag', 'Wat als', 'Verschil'] : ['Maat', 'Vandaag'];
  return h('table', { class: 'whatif-table', 'data-test': 'whatif-table' },
    h('caption', {}, whatIf ? 'Vandaag en wat als, op dezelfde aanvragen' : 'Vandaag (er is niets gewijzigd)'),
    h('thead', {}, h('tr', {}, columns.map((column) => h('th', { scope: 'col' }, column)))),
    h('tbody', {}, MEASURES.map((entry) => {
      const difference = whatIf ? differenceOf(entry, today[entry.key], whatIf[entry.key]) : null;
      return [entry.first ? h('tr', { class: 'group' }, h('th', { scope: 'colgroup', colspan: columns.length }, entry.first)) : null,
        h('tr', { 'data-measure': entry.key },
        h('th', { scope: 'row' }, entry.text),
        h('td', { 'data-test': 'today', 'data-value': today[entry.key] ?? '' }, valueText(entry, today)),
        whatIf ? h('td', { 'data-test': 'whatif', 'data-value': whatIf[entry.key] ?? '' }, valueText(entry, whatIf)) : null,
        difference ? h('td', { 'data-test': 'difference', class: difference.verdict || null }, difference.text,
          difference.verdict ? h('span', { class: 'sr-only' }, difference.verdict === 'better' ? ' (beter)' : ' (slechter)') : null)
          : null)];
    })));
}

function valueText(entry, row) {
  const value = row[entry.key];
  if (value === null || value === undefined) return '–';
  const text = `${entry.prefix ? entry.prefix(row) : ''}${format(entry.kind, value)}`;
  if (!entry.detail) return text;
  return entry.kind === 'share' ? `${text} (${entry.detail(row)})` : `${text} ${entry.detail(row)}`;
}

function format(kind, value) {
  if (kind === 'share') return percent(value);
  if (kind === 'days') return `${decimal.format(value)} ${value === 1 ? 'dag' : 'dagen'}`;
  if (kind === 'minutes') return `${Math.round(value)} min`;
  return String(value);
}

/** The difference as the columns show it: of the rounded values, so that it adds up with what is read beside it. */
function differenceOf(entry, before, after) {
  if (before === null || before === undefined || after === null || after === undefined) return { text: '–' };
  const tenths = (value) => Math.round(value * 10);
  let delta; // in the unit shown: tenths of a %-point, tenths of a day, whole minutes, or the count
  if (entry.kind === 'share') delta = tenths(after * 100) - tenths(before * 100);
  else if (entry.kind === 'days') delta = tenths(after) - tenths(before);
  else if (entry.kind === 'minutes') delta = Math.round(after) - Math.round(before);
  else delta = after - before;
  if (delta === 0) return { text: '0' };
  const sign = delta > 0 ? '+' : '−';
  const size = Math.abs(delta);
  let text;
  if (entry.kind === 'share') text = `${sign}${decimal.format(size / 10)} %-punt`;
  else if (entry.kind === 'days') text = `${sign}${decimal.format(size / 10)} ${size === 10 ? 'dag' : 'dagen'}`;
  else if (entry.kind === 'minutes') text = `${sign}${size} min`;
  else text = `${sign}${size}`;
  if (!entry.better) return { text };
  const improved = entry.better === 'up' ? delta > 0 : delta < 0;
  return { text, verdict: improved ? 'better' : 'worse' };
}

function percent(share) {
  return share === null || share === undefined ? '–' : `${decimal.format(share * 100)}%`;
}

function protectionText(protection) {
  if (!protection || (protection.protectedBeds == null && protection.protectedShare == null)) return 'geen bescherming';
  const parts = [];
  if (protection.protectedBeds != null) {
    parts.push(`${protection.protectedBeds} ${protection.protectedBeds === 1 ? 'bed' : 'bedden'} per locatie per nacht`);
  }
  if (protection.protectedShare != null) parts.push(`${Math.round(protection.protectedShare * 100)}% van de vrije bedden`);
  return parts.join(' en ');
}

function monthsText(count) {
  return count === 12 ? '12 maanden (een jaar)' : `${count} ${count === 1 ? 'maand' : 'maanden'}`;
}

function durationText(minutes) {
  if (minutes >= 60 && minutes % 60 === 0) return `${minutes} min (${minutes / 60} uur)`;
  return `${minutes} min`;
}

/** An ISO-8601 duration as Jackson writes it (PT30M, PT48H; or seconds as a number) in minutes. */
function minutesOf(duration) {
  if (typeof duration === 'number') return duration / 60;
  const match = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/.exec(duration || '');
  return match ? Number(match[1] || 0) * 60 + Number(match[2] || 0) : null;
}

function hours(duration) {
  const minutes = minutesOf(duration);
  return minutes === null ? null : minutes / 60;
}
