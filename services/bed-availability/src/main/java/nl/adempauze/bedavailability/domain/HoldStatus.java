package nl.adempauze.bedavailability.domain;

import java.util.Set;

/** Life of a hold: a bed held for an offer until the offer ends or the patient is admitted and discharged. */
public enum HoldStatus {
    HELD, ACCEPTED, ADMITTED, DISCHARGED, RELEASED, REFUSED;

    /** Statuses in which the hold still occupies a place in {@code held_beds}. */
    public static final Set<HoldStatus> COUNTED_AS_HELD = Set.of(HELD, ACCEPTED);

    public boolean canBecome(HoldStatus next) {
        return switch (this) {
            case HELD -> next == ACCEPTED || next == RELEASED;
            case ACCEPTED -> next == ADMITTED || next == RELEASED;
            case ADMITTED -> next == DISCHARGED;
            case DISCHARGED, RELEASED, REFUSED -> false;
        };
    }
}
