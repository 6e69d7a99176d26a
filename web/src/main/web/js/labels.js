// The Dutch words shown for the API's codes. Care types, municipalities and funders come from the region itself.

export const STATUS = {
  SUBMITTED: 'Ingediend', OFFERED: 'Aangeboden', WAITING: 'Op wachtlijst', MATCHED: 'Geplaatst',
  BOOKED: 'Geboekt', ADMITTED: 'Opgenomen', DISCHARGED: 'Ontslagen', ESCALATED: 'Geëscaleerd',
  CANCELLED: 'Geannuleerd', AWAITING_TRIAGE: 'Triage nodig',
};

export const OFFER_STATUS = {
  HOLD_REQUESTED: 'Bed wordt vastgehouden', HOLD_REFUSED: 'Bed niet beschikbaar', OPEN: 'Wacht op antwoord',
  ACCEPTED: 'Geaccepteerd', DECLINED: 'Afgewezen', EXPIRED: 'Verlopen', WITHDRAWN: 'Ingetrokken',
};

/** Why an offer ended without the provider's answer; a declined offer's reason is one of DECLINE_REASONS. */
export const OFFER_REASONS = {
  COORDINATOR_CHOSE_ANOTHER_LOCATION: 'coördinator koos een andere locatie', NO_ANSWER: 'niet op tijd beantwoord',
  REQUEST_CANCELLED: 'aanvraag geannuleerd', HOLD_NOT_ANSWERED: 'bed kon niet worden vastgehouden',
  CARE_TYPE_CHANGED: 'coördinator wijzigde de zorgvorm',
};

export const URGENCY = { CRISIS: 'Crisis', PLANNED: 'Gepland' };

export const NEEDS = {
  DEMENTIA: 'Geschikt voor dementie', BARIATRIC: 'Bariatrisch', ISOLATION: 'Isolatie', OXYGEN: 'Zuurstof',
  PARTNER_STAY: 'Partner verblijft mee',
};

export const DECLINE_REASONS = {
  NO_BED: 'Toch geen bed vrij', NO_STAFF: 'Geen (passend) personeel', CARE_TOO_COMPLEX: 'Zorg te complex',
  NEEDS_NOT_MET: 'Zorgbehoefte niet te bieden', DATES_NOT_SUITABLE: 'Data passen niet', OTHER: 'Anders',
};

/** Why a request was cancelled (the code is all that leaves the request; a note stays inside, encrypted). */
export const CANCEL_REASONS = {
  NO_LONGER_NEEDED: 'Niet meer nodig', CARE_ARRANGED_ELSEWHERE: 'Elders zorg geregeld',
  ADMITTED_TO_HOSPITAL: 'Opgenomen in het ziekenhuis', PATIENT_DECLINED: 'Patiënt of familie wil niet meer',
  PATIENT_DECEASED: 'Patiënt overleden', SUBMITTED_IN_ERROR: 'Per vergissing ingediend', OTHER: 'Anders',
};

/** Why a coordinator released protected respite nights to a crisis request. */
export const OVERRIDE_REASONS = {
  NO_OTHER_BED_IN_TIME: 'Geen ander bed op tijd', UNSAFE_AT_HOME: 'Thuis niet veilig',
  CARER_UNAVAILABLE: 'Mantelzorger valt uit', PROTECTED_NIGHTS_UNUSED: 'Beschermde nachten niet nodig voor planning',
  OTHER: 'Anders',
};

/** Why a coordinator moved a waiting request up the waiting list. */
export const PRIORITY_REASONS = {
  CARER_OVERBURDENED: 'Mantelzorger overbelast', HEALTH_DETERIORATED: 'Gezondheid achteruitgegaan',
  CARER_UNAVAILABLE: 'Mantelzorger valt uit', WAITED_LONG: 'Wacht al erg lang', OTHER: 'Anders',
};

/** What a note (the words written with a reason code) explains, with the codes it was written with. */
export const NOTE_SUBJECTS = {
  CANCELLED: { text: 'Annulering', reasons: CANCEL_REASONS },
  OFFER_DECLINED: { text: 'Afwijzing', reasons: DECLINE_REASONS },
  PROTECTION_OVERRIDDEN: { text: 'Bescherming opgeheven', reasons: OVERRIDE_REASONS },
  PRIORITY_RAISED: { text: 'Prioriteit verhoogd', reasons: PRIORITY_REASONS },
};

/** Why a location closed for new admissions (a code only: bed-availability keeps no free text). */
export const CLOSURE_REASONS = {
  OUTBREAK: 'Uitbraak (infectie)', STAFF_SHORTAGE: 'Personeelstekort', RENOVATION: 'Verbouwing of onderhoud',
  CALAMITY: 'Calamiteit (brand, water, stroom)', OTHER: 'Anders',
};

export const ESCALATION_REASONS = {
  NO_CANDIDATE: 'Geen passende plek', OFFER_EXPIRED: 'Aanbod niet beantwoord', DEADLINE_AT_RISK: 'Deadline in gevaar',
  STAY_WINDOW_PASSED: 'Periode verstreken', STAY_OVERRUN: 'Verblijf loopt uit',
  QUEUE_DEADLINE_PASSED: 'Uit de wachtrij: deadline verstreken', TRIAGE_NEEDED: 'Triage nodig',
};

/** Where a page's escalation chain stands. */
export const PAGE_STATUS = {
  PRIMARY_PAGED: 'Dienstdoende opgeroepen', BACKUP_PAGED: 'Achterwacht opgeroepen',
  REGION_PAGED: 'Alle coördinatoren opgeroepen', ACKNOWLEDGED: 'Bevestigd',
};

/** The codes a decision of each kind is recorded with (other kinds keep the coordinator's words). */
export const DECISION_REASONS = { PROTECTION_OVERRIDDEN: OVERRIDE_REASONS, PRIORITY_RAISED: PRIORITY_REASONS };

export const DECISIONS = {
  PROTECTION_OVERRIDDEN: 'Bescherming opgeheven', PRIORITY_RAISED: 'Prioriteit verhoogd',
  MANUAL_OFFER: 'Met de hand aangeboden', MANUAL_OFFER_MADE: 'Met de hand aangeboden',
  QUEUE_PAUSED: 'Wachtrij gepauzeerd', QUEUE_RESUMED: 'Wachtrij hervat', CARE_TYPE_SET: 'Zorgvorm gekozen',
};

/**
 * A crisis request's place in the crisis queue as plain text (never HTML): placed from it after how long, queued,
 * or paused with the coordinator's reason; null when it was never queued.
 */
export function queueText(request) {
  const queue = request.queue;
  if (!queue) return null;
  if (queue.placedAfterQueueMinutes != null) return `geplaatst na ${queue.placedAfterQueueMinutes} minuten in de wachtrij`;
  if (!queue.queued) return null;
  return queue.paused ? `wachtrij gepauzeerd: ${queue.pausedReason}` : 'in de wachtrij';
}

export const ROLES = {
  COORDINATOR: 'Coördinator', PROVIDER: 'Zorgaanbieder', REFERRER: 'Verwijzer', ADMIN: 'Beheerder',
};

export function label(table, code) {
  return (code && table[code]) || code || '–';
}

/** The care type's name from the region's catalogue, else its code. */
export function careTypeName(region, code) {
  if (!code) return 'zorgvorm nog niet gekozen';
  const careType = region?.careTypes?.find((type) => type.code === code);
  return careType ? careType.name : code;
}

/** The handover's (aanmeldbericht) categories in Dutch; see docs/HANDOVER.md for the zib each follows. */
export const HANDOVER = {
  mobility: { INDEPENDENT: 'Zelfstandig', WITH_AID: 'Met loophulpmiddel', WITH_HELP: 'Met hulp van een ander', BEDRIDDEN: 'Bedlegerig' },
  transfers: { INDEPENDENT: 'Zelfstandig', ONE_PERSON: 'Met één persoon', TWO_PERSONS: 'Met twee personen', HOIST: 'Met tillift' },
  dependency: { INDEPENDENT: 'Zelfstandig', PARTLY_DEPENDENT: 'Gedeeltelijk hulp nodig', FULLY_DEPENDENT: 'Volledig afhankelijk' },
  isolation: { NONE: 'Geen isolatie', CONTACT: 'Contactisolatie', DROPLET: 'Druppelisolatie', AIRBORNE: 'Aerogene isolatie' },
  resuscitation: { RESUSCITATE: 'Wel reanimeren', DO_NOT_RESUSCITATE: 'Niet reanimeren', NOT_DISCUSSED: 'Nog niet besproken' },
  problemType: {
    DIAGNOSIS: 'diagnose', SYMPTOM: 'symptoom', COMPLAINT: 'klacht', FUNCTIONAL_LIMITATION: 'functionele beperking',
    COMPLICATION: 'complicatie',
  },
};
