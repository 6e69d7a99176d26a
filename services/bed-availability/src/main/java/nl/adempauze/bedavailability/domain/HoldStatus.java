package nl.adempauze.bedavailability.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Life of a hold: a bed held for an offer until the offer ends or the patient is admitted and discharged. Which
 * status may follow which is {@link Hold#LIFE}, the one table; the methods here only read it.
 */
public enum HoldStatus {
    HELD, ACCEPTED, ADMITTED, DISCHARGED, RELEASED, REFUSED;

    /** Whether some command takes a hold in this status to {@code next}. */
    public boolean canBecome(HoldStatus next) {
        for (HoldCommand command : HoldCommand.values()) {
            if (Hold.LIFE.target(this, command).filter(next::equals).isPresent()) {
                return true;
            }
        }
        return false;
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
