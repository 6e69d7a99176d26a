// The board's on-call part: a flag when nobody is on call within the hour, and the region's pages that nobody has
// acknowledged yet, with Bevestigen. Pages are not on the live stream (notification keeps them), so this part also
// asks again every 10 seconds: a page made seconds after the escalation that redrew the board still shows.
import { h, fill, clock, formatDateTime, formatTime, announce } from './dom.js';
import { ESCALATION_REASONS, PAGE_STATUS, label, careTypeName } from './labels.js';
import { get, post } from './api.js';
import { refresher } from './refresher.js';

const POLL_MS = 10000;
const ACKNOWLEDGED_SHOWN_MS = 12 * 3600 * 1000;

/** onChange() is called after each load, so the board can redraw what uses noteFor. */
export function boardPaging(session, onChange) {
  const flag = h('div', { class: 'on-call-flag', 'data-test': 'on-call', role: 'status' });
  const panel = h('section', { class: 'panel', 'aria-labelledby': 'pages-title' });
  const mayAcknowledge = session.roles.includes('COORDINATOR');
  const state = { regionId: null, region: null, onCall: null, pages: [] };

  async function load() {
    if (!state.regionId) return;
    const region = encodeURIComponent(state.regionId);
    const [onCall, pages] = await Promise.all([
      get(`/api/v1/regions/${region}/on-call`), get(`/api/v1/regions/${region}/pages`)]);
    Object.assign(state, { onCall, pages });
    render();
    onChange();
  }
  const reload = refresher(load, (failure) => announce(failure.message, 'error'));
  const poll = setInterval(reload.soon, POLL_MS);

  async function acknowledge(page, button) {
    button.disabled = true;
    try {
      const taken = await post(`/api/v1/pages/${encodeURIComponent(page.id)}/acknowledge`);
      state.pages = state.pages.map((known) => (known.id === taken.id ? { ...known, ...taken, attempts: known.attempts } : known));
      render();
      onChange();
      announce(`Oproep bevestigd: de keten stopt.`, 'success');
    } catch (failure) {
      announce(failure.message, 'error');
      reload.now();
    } finally {
      button.disabled = false;
    }
  }

  function render() {
    const { onCall } = state;
    if (onCall) {
      const now = onCall.now;
      fill(flag,
        onCall.gapWithinAnHour ? h('p', { class: 'flag attention', 'data-test': 'on-call-gap' },
          h('strong', {}, now ? 'Binnen het uur heeft niemand dienst.' : 'Niemand heeft nu dienst.'),
          ' Escalaties bereiken dan niemand: ', h('a', { href: '#/dienstrooster' }, 'plan een dienst'), '.') : null,
        now ? h('p', { class: 'muted small', 'data-test': 'on-call-now' },
          `Dienst: ${now.primary.userId}`, now.backup ? `, achterwacht ${now.backup.userId}` : '',
          `, tot ${formatDateTime(onCall.coveredUntil || now.endsAt)}`) : null);
    }
    const since = Date.now() - ACKNOWLEDGED_SHOWN_MS;
    const open = state.pages.filter((page) => page.status !== 'ACKNOWLEDGED');
    const taken = state.pages.filter((page) => page.status === 'ACKNOWLEDGED'
      && new Date(page.acknowledgedAt).getTime() > since);
    fill(panel, h('h2', { id: 'pages-title' }, 'Oproepen'),
      open.length === 0 ? h('p', { class: 'muted' }, 'Geen oproepen die op bevestiging wachten.')
        : h('ul', { class: 'cards attention', 'data-test': 'open-pages' }, open.map((page) => pageCard(page))),
      taken.length === 0 ? null : h('details', {}, h('summary', {}, `Bevestigd (${taken.length})`),
        h('ul', { class: 'cards', 'data-test': 'acknowledged-pages' }, taken.map((page) => pageCard(page)))));
  }

  function pageCard(page) {
    const acknowledged = page.status === 'ACKNOWLEDGED';
    const button = acknowledged || !mayAcknowledge ? null
      : h('button', { type: 'button', class: 'small', 'data-test': 'acknowledge' }, 'Bevestigen');
    button?.addEventListener('click', () => acknowledge(page, button));
    return h('li', { 'data-page': page.id, 'data-request': page.requestId, 'data-status': page.status },
      h('strong', {}, label(ESCALATION_REASONS, page.reason)), ` · ${careTypeName(state.region, page.careType)}`,
      page.municipality ? ` · ${page.municipality}` : '', ' · opgeroepen ', formatDateTime(page.createdAt),
      h('div', { class: 'small', 'data-test': 'page-state' }, acknowledged ? acknowledgedText(page)
        : [label(PAGE_STATUS, page.status), page.nextStepAt ? [' · volgende stap ', clock(page.nextStepAt, 'until')] : '']),
      button);
  }

  return {
    flag,
    panel,
    /** Shows the region (again from the start when it changed); region is its reference data, for care type names. */
    show(regionId, region) {
      if (regionId !== state.regionId) Object.assign(state, { regionId, onCall: null, pages: [] });
      state.region = region || state.region;
      reload.soon();
    },
    soon: reload.soon,
    /** What the latest page of a request says, for its escalation card: acknowledged by whom, or still paging. */
    noteFor(requestId) {
      const page = state.pages.find((candidate) => candidate.requestId === requestId);
      if (!page) return null;
      return h('div', { class: 'small', 'data-test': 'page-note' }, page.status === 'ACKNOWLEDGED'
        ? `Oproep ${acknowledgedText(page).toLowerCase()}` : `Oproep: ${label(PAGE_STATUS, page.status).toLowerCase()}`);
    },
    stop() { clearInterval(poll); reload.stop(); },
  };
}

function acknowledgedText(page) {
  return `Bevestigd door ${page.acknowledgedBy} om ${formatTime(page.acknowledgedAt)}`;
}
