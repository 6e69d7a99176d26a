package nl.adempauze.bedavailability.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.adempauze.contracts.Nights;

/**
 * Occupancy of a free-now care type, counted as a hospital counts its beds: a census at midnight. A free-now
 * figure has no nights of its own, so each night of the period is counted at its midnight (00:00 Dutch time,
 * halfway through the night): the beds holds took then (held for an open or accepted offer, or occupied by an
 * admitted patient) are taken bed-nights, and those plus the beds the figure showed free and not held at that
 * moment are known bed-nights. A night counts only once its midnight has passed and a figure stood at that
 * moment; before a location's first figure nothing is known.
 */
public final class MidnightCensus {

    private MidnightCensus() {
    }

    /** A stand of the free-now figure from {@code at}: unoccupied beds and, of those, the beds held for offers. */
    public record Stand(Instant at, int freeBeds, int heldBeds) {

        /** The beds free and not held: offerable, so not taken. */
        public int availableBeds() {
            return Math.max(0, freeBeds - heldBeds);
        }
    }

    /** A bed a free-now hold took from {@code from} until {@code until} (null: it still has it). */
    public record Taking(Instant from, Instant until) {

        /** Holds in these statuses have their bed to this day: held, accepted, or occupied by the patient. */
        public static final Set<HoldStatus> STILL_TAKING =
                Collections.unmodifiableSet(EnumSet.of(HoldStatus.HELD, HoldStatus.ACCEPTED, HoldStatus.ADMITTED));
        /** Holds in these statuses never took a bed. */
        public static final Set<HoldStatus> TOOK_NONE = Collections.unmodifiableSet(EnumSet.of(HoldStatus.REFUSED));

        /**
         * The bed a hold took: from its taking until its release or its patient's discharge, or to this day when
         * it is held, accepted or admitted still; a refused hold took none.
         */
        public static Optional<Taking> of(HoldStatus status, Instant createdAt, Instant updatedAt) {
            if (TOOK_NONE.contains(status)) {
                return Optional.empty();
            }
            return Optional.of(new Taking(createdAt, STILL_TAKING.contains(status) ? null : updatedAt));
        }

        boolean covers(Instant moment) {
            return !from.isAfter(moment) && (until == null || until.isAfter(moment));
        }
    }

    /** The moment the night of {@code night} is counted: midnight between {@code night} and the next day. */
    public static Instant midnightOf(LocalDate night) {
        return night.plusDays(1).atStartOfDay(Nights.ZONE).toInstant();
    }

    /**
     * The occupancy of one location's care type over the period, counted up to {@code now}. {@code stands} must
     * be in the order they were taken (by time); the last one at or before a midnight is the figure then.
     */
    public static Occupancy count(List<Stand> stands, Collection<Taking> takings, OccupancyPeriod period,
                                  Instant now) {
        Occupancy total = Occupancy.NONE;
        for (LocalDate night : period.nights()) {
            Instant midnight = midnightOf(night);
            if (midnight.isAfter(now)) {
                break;
            }
            Stand stand = standAt(stands, midnight);
            if (stand == null) {
                continue;
            }
            long taken = takings.stream().filter(taking -> taking.covers(midnight)).count();
            total = total.plus(new Occupancy(taken, taken + stand.availableBeds()));
        }
        return total;
    }

    private static Stand standAt(List<Stand> stands, Instant moment) {
        Stand found = null;
        for (Stand stand : stands) {
            if (stand.at().isAfter(moment)) {
                break;
            }
            found = stand;
        }
        return found;
    }
}
