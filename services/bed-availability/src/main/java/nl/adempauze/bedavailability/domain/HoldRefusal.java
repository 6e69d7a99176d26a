package nl.adempauze.bedavailability.domain;

/** Why a bed could not be held for an offer. */
public enum HoldRefusal {
    NO_FREE_BED, LOCATION_CLOSED, UNKNOWN_LOCATION, CARE_TYPE_NOT_OFFERED
}
