package nl.adempauze.requestmatching.domain;

import java.time.Instant;
import nl.adempauze.contracts.Nights;

/**
 * Whether a placement was in time, the rule of the monitoring report:
 * <ul>
 *   <li>a <b>crisis</b> request is placed in time when the offer was accepted no later than its {@code neededBy}
 *       (the time the referrer stated, else submission plus the care type's admission deadline);</li>
 *   <li>a <b>planned</b> stay is placed in time when it was booked before its first night began (12:00 Dutch time
 *       on the date of the booked first night; a stay moved within its flexible days counts from the night it
 *       got).</li>
 * </ul>
 * A placement without such a moment (none is ever stored without one) does not count as in time.
 */
public final class PlacementTarget {

    private PlacementTarget() {
    }

    /** The moment the placement had to be made by; null when the request carries none. */
    public static Instant deadline(Placement placement) {
        if (placement.urgency() == Urgency.PLANNED) {
            return placement.firstNight() != null ? Nights.startOf(placement.firstNight()) : placement.neededBy();
        }
        return placement.neededBy();
    }

    public static boolean met(Placement placement) {
        Instant deadline = deadline(placement);
        if (deadline == null) {
            return false;
        }
        return placement.urgency() == Urgency.PLANNED ? placement.placedAt().isBefore(deadline)
                : !placement.placedAt().isAfter(deadline);
    }
}
