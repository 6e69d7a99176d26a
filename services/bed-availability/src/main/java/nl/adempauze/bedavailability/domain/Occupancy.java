package nl.adempauze.bedavailability.domain;

/**
 * Bed-nights taken out of bed-nights known, over a period: the occupancy a coordinator reads. {@link #ratio()} is
 * taken / known, rounded to four decimals, or null when nothing is known (nothing published, or a period whose
 * nights nobody can know yet).
 */
public record Occupancy(long takenBedNights, long knownBedNights) {

    public static final Occupancy NONE = new Occupancy(0, 0);

    public Occupancy {
        if (takenBedNights < 0 || knownBedNights < takenBedNights) {
            throw new IllegalArgumentException("Taken bed-nights (" + takenBedNights + ") must lie between 0 and the "
                    + "known bed-nights (" + knownBedNights + ")");
        }
    }

    public Occupancy plus(Occupancy other) {
        return new Occupancy(takenBedNights + other.takenBedNights, knownBedNights + other.knownBedNights);
    }

    /** Taken / known, between 0 and 1, rounded to four decimals; null when no bed-night is known. */
    public Double ratio() {
        if (knownBedNights == 0) {
            return null;
        }
        return Math.round(10_000.0 * takenBedNights / knownBedNights) / 10_000.0;
    }
}
