// The API's structured reasons in Dutch: why a candidate stands where it does in a ranking. Each code has one
// sentence with its values; a code this app does not know falls back to the API's English text. Only text comes
// out (never HTML): the screens put it in text nodes.

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
};

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
