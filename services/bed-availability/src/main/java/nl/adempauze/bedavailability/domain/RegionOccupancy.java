package nl.adempauze.bedavailability.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A region's occupancy over a period of nights, per care type of its catalogue and per location keeping that care
 * type, with the beds as they stand now. How bed-nights are counted depends on how the care type is kept:
 * {@link NightOccupancy} for care types booked per night ({@code plannedBooking}), {@link MidnightCensus} for the
 * free-now ones. {@code occupancy} is taken / known (0..1), null when nothing is known.
 */
public record RegionOccupancy(String region, LocalDate from, LocalDate to, int nights, Instant generatedAt,
                              List<CareTypeOccupancy> careTypes) {

    public record CareTypeOccupancy(String careType, String name, boolean plannedBooking, long takenBedNights,
                                    long knownBedNights, Double occupancy, BedsNow bedsNow,
                                    List<LocationOccupancy> locations) {
    }

    public record LocationOccupancy(String locationId, String name, String municipality, long takenBedNights,
                                    long knownBedNights, Double occupancy, BedsNow bedsNow) {
    }

    /**
     * The beds now: of a free-now care type its current figure, of one booked per night tonight's night. Free beds
     * are unoccupied beds as published (held ones included), held beds those held for offers or stays, available
     * beds the rest.
     */
    public record BedsNow(int freeBeds, int heldBeds, int availableBeds) {

        public static BedsNow of(CapacityFigure figure) {
            return new BedsNow(figure.freeBeds(), figure.heldBeds(), figure.availableBeds());
        }

        public static BedsNow of(NightCapacity night) {
            return new BedsNow(night.freeBeds(), night.heldBeds(), night.availableBeds());
        }

        public BedsNow plus(BedsNow other) {
            return new BedsNow(freeBeds + other.freeBeds, heldBeds + other.heldBeds,
                    availableBeds + other.availableBeds);
        }
    }
}
