package nl.adempauze.bedavailability.domain;

import java.util.EnumSet;
import java.util.Set;

/** Life of a hold: a bed held for an offer until the offer ends or the patient is admitted and discharged. */
public enum HoldStatus {
    HELD, ACCEPTED, ADMITTED, DISCHARGED, RELEASED, REFUSED;

    public boolean canBecome(HoldStatus next) {
        return switch (this) {
            case HELD -> next == ACCEPTED || next == RELEASED;
            case ACCEPTED -> next == ADMITTED || next == RELEASED;
            case ADMITTED -> next == DISCHARGED;
            case DISCHARGED, RELEASED, REFUSED -> false;
        };
    }

    /** The statuses a hold may be in to move to {@code next}. */
    public static Set<HoldStatus> sourcesOf(HoldStatus next) {
        Set<HoldStatus> sources = EnumSet.noneOf(HoldStatus.class);
        for (HoldStatus status : values()) {
            if (status.canBecome(next)) {
                sources.add(status);
            }
        }
        return sources;
    }
}
