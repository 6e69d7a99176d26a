package nl.adempauze.bedavailability.domain;

import java.util.Collection;

/**
 * Occupancy of a care type booked per night (the calendar). Each published night of the period counts its free
 * beds as published as known bed-nights, and the beds stays hold on it (planned and crisis; offered, booked or
 * admitted) as taken. A released stay gave its nights back and an early discharge the nights after it, so neither
 * counts for those nights; the nights a patient slept stay taken. Nights never published are not known.
 */
public final class NightOccupancy {

    private NightOccupancy() {
    }

    /** The occupancy of the nights of {@code period} among {@code nights}; nights outside the period are ignored. */
    public static Occupancy of(Collection<NightCapacity> nights, OccupancyPeriod period) {
        long taken = 0;
        long known = 0;
        for (NightCapacity night : nights) {
            if (period.contains(night.night())) {
                taken += night.heldBeds();
                known += night.freeBeds();
            }
        }
        return new Occupancy(taken, known);
    }
}
