// Monitoring and evaluation for a chosen period and region: requests, placements, time to placement (median and
// p90) per urgency and care type, share placed within the target, declines and escalations by reason, planned
// nights taken by crisis, occupancy; as charts and tables, and the figures as CSV. Below them "Wat als"
// (whatif.js): the region's generated year, or its own requests of a period, replayed with changed settings
// beside today's.
import { h, fill, today, announce } from './dom.js';
import { URGENCY, DECLINE_REASONS, ESCALATION_REASONS, label, careTypeName } from './labels.js';
import { get, saveDownload } from './api.js';
import { loadRegion, fillRegionPicker } from './region.js';
import { barChart, table } from './charts.js';
import { mountWhatIf } from './whatif.js';

export function mountMonitoring(container, session) {
  const regionSelect = h('select', { id: 'monitoring-region' });
  const from = h('input', { id: 'monitoring-from', type: 'date', value: today(-29) });
  const to = h('input', { id: 'monitoring-to', type: 'date', value: today() });
  const error = h('p', { class: 'form-error', role: 'alert' });
  const results = h('div', { 'aria-live': 'polite', 'data-test': 'monitoring-results' });
  const form = h('form', { class: 'filters card', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: 'monitoring-region' }, 'Regio'), regionSelect),
    h('div', { class: 'field' }, h('label', { for: 'monitoring-from' }, 'Van'), from),
    h('div', { class: 'field' }, h('label', { for: 'monitoring-to' }, 'Tot en met'), to),
    h('div', { class: 'field' }, h('button', { type: 'submit', 'data-test': 'show-figures' }, 'Tonen')),
    h('div', { class: 'field' }, h('button', { type: 'button', class: 'secondary', 'data-test': 'csv', onclick: () => csv() }, 'CSV downloaden')),
    error);
  const whatIf = h('section', { class: 'panel whatif', 'aria-labelledby': 'whatif-title', 'data-test': 'whatif' });
  fill(container, h('div', { class: 'screen-title' }, h('h1', {}, 'Monitoring en evaluatie'),
    h('button', { type: 'button', class: 'link', 'data-test': 'to-whatif', onclick: () => {
      whatIf.scrollIntoView({ block: 'start' });
      whatIf.querySelector('h2')?.focus();
    } }, 'Naar Wat als')), form, results, whatIf);
  let stopWhatIf = () => {};
  let left = false;
  function showWhatIf() {
    if (left) return;
    stopWhatIf();
    stopWhatIf = mountWhatIf(whatIf, regionSelect.value);
  }
  regionSelect.addEventListener('change', showWhatIf);

  form.addEventListener('submit', (event) => { event.preventDefault(); show(); });

  function period() {
    error.textContent = '';
    if (!from.value || !to.value || from.value > to.value) {
      error.textContent = 'Kies een periode: de begindatum ligt op of voor de einddatum.';
      return null;
    }
    return `from=${from.value}&to=${to.value}`;
  }

  async function show() {
    const query = period();
    if (!query) return;
    const regionId = regionSelect.value;
    try {
      const [region, figures, occupancy, acknowledgement] = await Promise.all([loadRegion(regionId),
        get(`/api/v1/regions/${encodeURIComponent(regionId)}/figures?${query}`),
        get(`/api/v1/regions/${encodeURIComponent(regionId)}/occupancy?${query}`),
        // the pages' figures count back from now: the days since the period's first day
        get(`/api/v1/regions/${encodeURIComponent(regionId)}/pages/acknowledgement-times?days=${daysSince(from.value)}`)
          .catch(() => null)]);
      render(region, figures, occupancy, acknowledgement);
    } catch (failure) {
      error.textContent = failure.message;
    }
  }

  async function csv() {
    const query = period();
    if (!query) return;
    try {
      const name = await saveDownload(`/api/v1/regions/${encodeURIComponent(regionSelect.value)}/figures.csv?${query}`, 'text/csv',
        'adempauze-cijfers.csv');
      announce(`${name} gedownload.`, 'success');
    } catch (failure) {
      error.textContent = failure.message;
    }
  }

  function render(region, figures, occupancy, acknowledgement) {
    const groups = figures.byUrgencyAndCareType || [];
    const sum = (pick) => groups.reduce((total, group) => total + (pick(group) || 0), 0);
    const placements = sum((group) => group.placements);
    const within = sum((group) => group.withinTarget?.withinTarget);
    const escalations = sum((group) => Object.values(group.escalationsByReason || {}).reduce((a, b) => a + b, 0));
    const takenByCrisis = (figures.careTypes || []).reduce((total, type) =>
      total + (type.protectedNightsTakenByCrisis?.byRelease || 0) + (type.protectedNightsTakenByCrisis?.byOverride || 0), 0);
    const groupName = (group) => `${label(URGENCY, group.urgency)} · ${careTypeName(region, group.careType)}`;
    const declines = totals(groups.map((group) => group.declinesByReason || {}));
    const escalationReasons = totals(groups.map((group) => group.escalationsByReason || {}));
    const occupied = (occupancy.careTypes || []).filter((type) => type.knownBedNights > 0);

    fill(results,
      h('div', { class: 'summary' },
        kpi('Aanvragen', sum((group) => group.submitted), 'submitted'),
        kpi('Plaatsingen', placements, 'placements'),
        kpi('Binnen de norm', placements ? `${Math.round((100 * within) / placements)}%` : '–', 'within-target'),
        kpi('Escalaties', escalations, 'escalations'),
        kpi('Beschermde nachten naar crisis', takenByCrisis, 'taken-by-crisis'),
        acknowledgement ? kpi(`Oproep bevestigd, mediaan · p90 (${acknowledgement.acknowledged} van ${acknowledgement.pages})`,
          `${seconds(acknowledgement.p50Seconds)} · ${seconds(acknowledgement.p90Seconds)}`, 'time-to-acknowledge') : null),
      h('div', { class: 'charts' },
        h('section', { class: 'panel' }, h('h2', {}, 'Tijd tot plaatsing'),
          barChart({ title: 'Tijd tot plaatsing per urgentie en zorgvorm, mediaan en p90', series: ['mediaan', 'p90'], format: minutes,
            rows: groups.filter((group) => group.timeToPlacement?.count).map((group) => ({
              label: groupName(group), values: [group.timeToPlacement.medianMinutes, group.timeToPlacement.p90Minutes] })) }),
          table('Per urgentie en zorgvorm', ['Urgentie · zorgvorm', 'Aanvragen', 'Geplaatst', 'Mediaan', 'p90', 'Binnen de norm'],
            groups.map((group) => [groupName(group), String(group.submitted), String(group.placements),
              minutes(group.timeToPlacement?.medianMinutes), minutes(group.timeToPlacement?.p90Minutes),
              group.withinTarget?.share === null || group.withinTarget?.share === undefined ? '–'
                : `${Math.round(group.withinTarget.share * 100)}% (${group.withinTarget.withinTarget} van ${group.withinTarget.placements})`]), 'placement-table')),
        h('section', { class: 'panel' }, h('h2', {}, 'Afwijzingen per reden'),
          barChart({ title: 'Afwijzingen per reden', series: ['afwijzingen'], rows: declines.map(([code, count]) => ({ label: label(DECLINE_REASONS, code), values: [count] })) }),
          table('Afwijzingen', ['Reden', 'Aantal'], declines.map(([code, count]) => [label(DECLINE_REASONS, code), String(count)]), 'declines-table')),
        h('section', { class: 'panel' }, h('h2', {}, 'Escalaties per reden'),
          table('Escalaties', ['Reden', 'Aantal'], escalationReasons.map(([code, count]) => [label(ESCALATION_REASONS, code), String(count)]), 'escalations-table')),
        h('section', { class: 'panel' }, h('h2', {}, 'Geplande logeerzorg'),
          table('Per zorgvorm', ['Zorgvorm', 'Geboekte nachten', 'Beschermd, vrijgegeven aan crisis', 'Beschermd, door besluit coördinator', 'Nu op wachtlijst'],
            (figures.careTypes || []).filter((type) => type.plannedNightsBooked || type.waitingListNow?.length
              || type.protectedNightsTakenByCrisis?.byRelease || type.protectedNightsTakenByCrisis?.byOverride)
              .map((type) => [careTypeName(region, type.careType), String(type.plannedNightsBooked),
                String(type.protectedNightsTakenByCrisis?.byRelease || 0), String(type.protectedNightsTakenByCrisis?.byOverride || 0),
                String(type.waitingListNow?.length || 0)]), 'respite-table')),
        h('section', { class: 'panel' }, h('h2', {}, 'Bezetting'),
          barChart({ title: 'Bezetting per zorgvorm', series: ['bezetting'], format: (value) => `${Math.round(value * 100)}%`,
            rows: occupied.map((type) => ({ label: type.name || careTypeName(region, type.careType), values: [type.occupancy] })) }),
          table('Bezetting per zorgvorm (bednachten)', ['Zorgvorm', 'Bezet', 'Bekend', 'Bezetting', 'Nu vrij'],
            occupied.map((type) => [type.name || careTypeName(region, type.careType), String(type.takenBedNights), String(type.knownBedNights),
              type.occupancy === null ? '–' : `${Math.round(type.occupancy * 100)}%`, String(type.bedsNow?.availableBeds ?? '–')]), 'occupancy-table'))));
  }

  fillRegionPicker(regionSelect, session).then(() => {
    show();
    showWhatIf();
  }, (failure) => { error.textContent = failure.message; });
  // leaving the screen stops the what-if's polling
  return () => {
    left = true;
    stopWhatIf();
  };
}

function kpi(text, value, test) {
  return h('div', { class: 'counter', 'data-test': `kpi-${test}` }, h('span', { class: 'value' }, String(value)), h('span', { class: 'label' }, text));
}

function totals(maps) {
  const sums = new Map();
  for (const map of maps) for (const [key, count] of Object.entries(map)) sums.set(key, (sums.get(key) || 0) + count);
  return [...sums.entries()].sort((a, b) => b[1] - a[1]);
}

function minutes(value) {
  if (value === null || value === undefined) return '–';
  const rounded = Math.round(value);
  return rounded >= 60 ? `${Math.floor(rounded / 60)} u ${String(rounded % 60).padStart(2, '0')} min` : `${rounded} min`;
}

function seconds(value) {
  if (value === null || value === undefined) return '–';
  return value >= 60 ? `${Math.floor(value / 60)} min ${String(value % 60).padStart(2, '0')} s` : `${value} s`;
}

/** Days from the given date (YYYY-MM-DD) up to and including today, within what the API takes (1 to 366). */
function daysSince(date) {
  const days = Math.round((new Date(`${today()}T12:00:00Z`) - new Date(`${date}T12:00:00Z`)) / 86400000) + 1;
  return Math.min(366, Math.max(1, days));
}
