package nl.adempauze.bedavailability.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import nl.adempauze.contracts.Nights;

/**
 * Beds per night kept for planned respite at each location of a region, for one care type: a number, a share of
 * the night's free beds (rounded up), or whichever is larger when both are given; never more than the free beds.
 * A crisis stay may take a protected bed that no planned stay claimed once the night starts within
 * {@code releaseHorizon} ("use it or lose it").
 */
public record ProtectionRule(Integer protectedBeds, Double protectedShare, Duration releaseHorizon) {

    public ProtectionRule {
        if (protectedBeds != null && protectedBeds < 0) {
            throw new IllegalArgumentException("protectedBeds cannot be negative");
        }
        if (protectedShare != null && (protectedShare < 0 || protectedShare > 1)) {
            throw new IllegalArgumentException("protectedShare is a share between 0 and 1");
        }
        if (releaseHorizon == null || releaseHorizon.isNegative()) {
            throw new IllegalArgumentException("releaseHorizon is required and cannot be negative");
        }
    }

    /** {@code max(protectedBeds, ceil(protectedShare x freeBeds))}, never more than the free beds. */
    public int protectedOf(int freeBeds) {
        int byNumber = protectedBeds == null ? 0 : protectedBeds;
        // BigDecimal from the share's decimal text: 0.7 x 10 is exactly 7, where doubles would round up to 8.
        int byShare = protectedShare == null ? 0 : BigDecimal.valueOf(protectedShare)
                .multiply(BigDecimal.valueOf(freeBeds)).setScale(0, RoundingMode.CEILING).intValueExact();
        return Math.max(0, Math.min(freeBeds, Math.max(byNumber, byShare)));
    }

    /** Whether a protected bed no planned stay claimed is released to crisis for {@code night} at {@code now}. */
    public boolean releases(LocalDate night, Instant now) {
        return !now.isBefore(Nights.startOf(night).minus(releaseHorizon));
    }
}
