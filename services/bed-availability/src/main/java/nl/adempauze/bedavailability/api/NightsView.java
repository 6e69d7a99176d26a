package nl.adempauze.bedavailability.api;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import nl.adempauze.bedavailability.domain.NightCapacity;
import nl.adempauze.bedavailability.domain.ProtectionRule;

/**
 * Calendar capacity of one care type in a region between two nights: per location that keeps the care type on
 * its calendar, each published night's figures and how many nights still have a bed available. Nights never
 * published are absent.
 */
public record NightsView(String region, String careType, LocalDate from, LocalDate to, long freshnessWindowMinutes,
                         Instant generatedAt, List<LocationNights> locations) {

    public record LocationNights(String locationId, String name, String municipality, boolean open, int freeNights,
                                 List<Night> nights) {
    }

    /**
     * One night: free beds as published, held beds (planned and crisis stays), available beds, and of those the
     * protected beds no planned stay has claimed yet (kept from crisis until released or overridden).
     */
    public record Night(LocalDate night, int freeBeds, int heldBeds, int availableBeds, int protectedBeds,
                        long version, Instant publishedAt, boolean stale) {

        static Night of(NightCapacity row, ProtectionRule rule, Instant now, Duration freshnessWindow) {
            return new Night(row.night(), row.freeBeds(), row.heldBeds(), row.availableBeds(),
                    row.unclaimedProtected(rule), row.version(), row.publishedAt(),
                    row.isStale(now, freshnessWindow));
        }
    }

    /** Answer to a publication: the nights of one care type at one location as they now stand. */
    public record Published(String locationId, String careType, List<Night> nights) {
    }
}
