// The API's structured reasons in Dutch: why a candidate stands where it does in a ranking, and what an escalation
// says. Each code has one sentence with its values; a code this app does not know falls back to the API's English
// text. Only text comes out (never HTML): the screens put it in text nodes.

import { formatDateTime } from './dom.js';

const number = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });
const day = new Intl.DateTimeFormat('nl-NL', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

const km = (value) => `${number.format(value)} km`;
const plural = (count, one, many) => `${number.format(count)} ${count === 1 ? one : many}`;
const date = (iso) => day.format(new Date(`${iso}T12:00:00Z`));

/** Minutes as the largest whole unit: "95 minuten", "13 uur", "2 dagen". */
export function age(minutes) {
  if (minutes < 1) return 'minder dan een minuut';
  if (minutes < 120) return plural(minutes, 'minuut', 'minuten');
  if (minutes < 48 * 60) return `${Math.floor(minutes / 60)} uur`;
  return plural(Math.floor(minutes / (24 * 60)), 'dag', 'dagen');
}

function shift(days) {
  if (!days) return 'op de gewenste data';
  return `${plural(Math.abs(days), 'dag', 'dagen')} ${days > 0 ? 'later' : 'eerder'} dan gewenst`;
}

const RANKING = {
  DISTANCE_KM: (v) => `${km(v.km)} van huis`,
  FUNDER_UNKNOWN: (v) => `financier onbekend (+${km(v.penaltyKm)})`,
  CONTRACT_WITH_FUNDER: (v) => `contract met de financier (${v.funder})`,
  NO_CONTRACT: (v) => `geen contract met de financier (${v.funder}) (+${km(v.penaltyKm)})`,
  CAPACITY_FRESH: (v) => `capaciteit ${age(v.minutes)} geleden ververst`,
  CAPACITY_STALE: (v) => `capaciteit ${age(v.minutes)} niet ververst (+${km(v.penaltyKm)})`,
  ACCEPTANCE_RATE: (v) => `${v.accepted} van ${v.answered} recente aanbiedingen geaccepteerd (−${km(v.bonusKm)})`,
  NO_ANSWERED_OFFERS: (v) => `nog geen recente aanbiedingen beantwoord (−${km(v.bonusKm)})`,
  BEDS_FREE: (v) => `${plural(v.beds, 'bed', 'bedden')} vrij`,
  FREE_ON_DATES: (v) => `elke nacht vrij: ${plural(v.nights, 'nacht', 'nachten')} vanaf ${date(v.firstNight)}, `
    + `${shift(v.shiftDays)}${v.penaltyKm ? ` (+${km(v.penaltyKm)})` : ''}`,
  OUTSIDE_REGION: (v) => `buiten de regio (${regionName(v.region)}): aangeboden omdat de eigen regio niets heeft`,
};

/** A region id as a name: "groningen" → "Groningen". */
export function regionName(region) {
  return region ? region.charAt(0).toUpperCase() + region.slice(1) : '';
}

/** The label of a candidate or offer across the border ("buiten de regio: Groningen"), else null. */
export function outsideRegionLabel(item) {
  const region = item?.locationRegion || item?.region;
  return item?.outsideRegion ? `buiten de regio${region ? `: ${regionName(region)}` : ''}` : null;
}

/**
 * A ranked candidate's reasons in Dutch, joined; its English `explanation` when it has no reasons (a ranking stored
 * before them) or one of them has a code this app does not know.
 */
export function candidateExplanation(candidate) {
  const reasons = candidate.reasons || [];
  if (reasons.length === 0 || reasons.some((reason) => !RANKING[reason.code])) {
    return candidate.explanation;
  }
  return reasons.map((reason) => RANKING[reason.code](reason.values || {})).join('; ');
}

const ESCALATION = {
  NO_CANDIDATE: (v, careType) => `Geen open locatie met een vrij bed voor ${careType(v.careType)} past; `
    + `${plural(v.tried, 'locatie', 'locaties')} al geprobeerd`,
  NO_CANDIDATE_ONLY_PROTECTED: (v, careType) => `${ESCALATION.NO_CANDIDATE(v, careType)}; `
    + `${plural(v.protectedOnly, 'locatie heeft', 'locaties hebben')} alleen nachten beschermd voor geplande `
    + 'logeeropvang: een coördinator kan de bescherming opheffen',
  OFFER_EXPIRED: (v) => `Aanbieding aan ${v.locationId} is niet beantwoord vóór ${formatDateTime(v.respondBy)}`,
  DEADLINE_AT_RISK: (v) => `Nodig vóór ${formatDateTime(v.neededBy)} en nog niet gematcht`,
  STAY_DEADLINE_AT_RISK: (v) => `Het verblijf moet uiterlijk ${date(v.latestFirstNight)} beginnen en er is nog `
    + 'geen bed geboekt',
  STAY_WINDOW_PASSED: (v) => `Geen bed gevonden vóór de laatst mogelijke eerste nacht ${date(v.latestFirstNight)}`,
  STAY_OVERRUN: (v) => `Het crisisverblijf bij ${v.locationId} houdt het bed tot en met de nacht van `
    + `${date(v.lastNight)}; daarna kan het bed voor geplande logeeropvang geboekt zijn: ontslaan, of een `
    + 'vervolgplek regelen',
  QUEUE_DEADLINE_PASSED: (v) => `Nodig vóór ${formatDateTime(v.neededBy)}; in ${age(v.minutesInQueue)} in de `
    + 'crisiswachtrij kwam geen passend bed vrij, de wachtrij zoekt niet meer',
  TRIAGE_NEEDED: () => 'Ingediend zonder zorgvorm en de triage gaf geen eenduidig advies: kies de zorgvorm',
};

/**
 * An escalation's detail in Dutch; its English `detail` when it has no code (recorded before codes existed) or a
 * code this app does not know. `careType` names a care type code (the code itself when not given).
 */
export function escalationDetail(escalation, careType = (code) => code) {
  const sentence = ESCALATION[escalation.detailCode];
  return sentence ? sentence(escalation.detailValues || {}, careType) : escalation.detail;
}

/** `render(text)` when there is text, else null (a screen then leaves the line out). */
export function textOrNothing(text, render) {
  return text ? render(text) : null;
}
