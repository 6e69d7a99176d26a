package nl.adempauze.requestmatching.domain;

/**
 * Why a provider declined an offer, as a code: for the figures, and all that events say. Anything the provider wrote
 * with it is a {@link RequestNote}.
 */
public enum DeclineReason {
    /** No bed after all (the published figure was out of date). */
    NO_BED,
    /** Not enough staff, or not the right staff, to take the patient. */
    NO_STAFF,
    /** The care asked for is more complex than the location can give. */
    CARE_TOO_COMPLEX,
    /** A need (dementia, bariatric, isolation, ...) cannot be met after all. */
    NEEDS_NOT_MET,
    /** The stay's dates do not suit the location. */
    DATES_NOT_SUITABLE,
    OTHER
}
