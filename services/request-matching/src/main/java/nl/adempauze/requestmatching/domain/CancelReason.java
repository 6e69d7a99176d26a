package nl.adempauze.requestmatching.domain;

/**
 * Why a request was cancelled, as a code: the only form in which the reason leaves request-matching (events,
 * webhooks, the live stream). Anything more the referrer wrote is a {@link RequestNote}, kept encrypted here.
 */
public enum CancelReason {
    /** The patient no longer needs the stay (recovered, the carer is back). */
    NO_LONGER_NEEDED,
    /** A bed or care was found another way. */
    CARE_ARRANGED_ELSEWHERE,
    /** The patient went to hospital instead. */
    ADMITTED_TO_HOSPITAL,
    /** The patient or the family no longer wants the stay. */
    PATIENT_DECLINED,
    /** The patient died. */
    PATIENT_DECEASED,
    /** The request was submitted by mistake or twice. */
    SUBMITTED_IN_ERROR,
    OTHER
}
