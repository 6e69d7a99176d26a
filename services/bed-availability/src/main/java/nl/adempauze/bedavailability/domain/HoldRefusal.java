package nl.adempauze.bedavailability.domain;

/** Why a bed could not be held for an offer. */
public enum HoldRefusal {
    /** No bed left (free now, or on at least one night of the stay). */
    NO_FREE_BED,
    /** A night of a crisis stay has only protected beds left, not yet released, and no override. */
    NIGHT_PROTECTED,
    /** A night of the stay was never published for this care type at this location. */
    NIGHTS_NOT_PUBLISHED,
    LOCATION_CLOSED,
    UNKNOWN_LOCATION,
    /** Free-now hold for a care type the location has no free-now figure for. */
    CARE_TYPE_NOT_OFFERED
}
