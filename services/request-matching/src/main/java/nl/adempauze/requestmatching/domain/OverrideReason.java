package nl.adempauze.requestmatching.domain;

/**
 * Why a coordinator let a crisis request take nights protected for planned respite, as a code (what events carry);
 * the coordinator's own words are a {@link RequestNote}, kept encrypted in request-matching.
 */
public enum OverrideReason {
    /** No other bed can be found before the admission deadline. */
    NO_OTHER_BED_IN_TIME,
    /** The patient is not safe at home tonight. */
    UNSAFE_AT_HOME,
    /** The informal carer dropped out (ill, admitted, exhausted). */
    CARER_UNAVAILABLE,
    /** No planned stay is expected to need the protected nights. */
    PROTECTED_NIGHTS_UNUSED,
    OTHER
}
