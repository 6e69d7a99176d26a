package nl.adempauze.bedavailability.domain;

import java.time.Duration;
import java.time.Instant;
import nl.adempauze.contracts.events.CapacityAdjusted;
import nl.adempauze.contracts.events.CapacityPublished;
import nl.adempauze.platform.domain.DomainException;

/**
 * Free beds of one care type at one location. {@code freeBeds} are unoccupied beds, {@code heldBeds} those of
 * them held for offers; only the rest may be offered. A figure not published within the region's freshness
 * window is stale: it is still used, but shown and ranked as doubtful.
 */
public record CapacityFigure(String locationId, String careType, int freeBeds, int heldBeds, long version,
                             Instant publishedAt, Instant adjustedAt) {

    public int availableBeds() {
        return freeBeds - heldBeds;
    }

    public boolean isStale(Instant now, Duration freshnessWindow) {
        return publishedAt.plus(freshnessWindow).isBefore(now);
    }

    /** Refuses publishing {@code newFreeBeds} when that is below the beds held (see {@link #publishRefusal}). */
    public void checkPublishable(int newFreeBeds) {
        String refusal = publishRefusal(newFreeBeds, heldBeds);
        if (refusal != null) {
            throw DomainException.invalidField("freeBeds", refusal);
        }
    }

    /**
     * A provider may publish any number of free beds, but not fewer than the beds already held for its open or
     * accepted offers: those must be declined or admitted first, or a held bed would vanish under a patient.
     */
    public static String publishRefusal(int newFreeBeds, int heldBeds) {
        if (newFreeBeds < heldBeds) {
            return heldBeds + " bed(s) are held for offers to this location; publish at least " + heldBeds
                    + " free beds, or answer those offers first";
        }
        return null;
    }

    /** The figure as its provider published it, announced to the region. */
    public CapacityPublished published(String region) {
        return new CapacityPublished(locationId, region, careType, freeBeds, heldBeds, availableBeds(), version,
                publishedAt);
    }

    /** The figure after a hold's life changed it ({@code cause}), announced to the region. */
    public CapacityAdjusted adjusted(String region, String cause) {
        return new CapacityAdjusted(locationId, region, careType, freeBeds, heldBeds, availableBeds(), version, cause,
                publishedAt, adjustedAt);
    }
}
