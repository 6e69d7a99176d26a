package nl.adempauze.notification.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import nl.adempauze.platform.domain.DomainException;

/**
 * One on-call shift of a region, {@code [startsAt, endsAt)}: the primary coordinator is paged first, the backup
 * (optional) when the primary does not acknowledge in time.
 */
public record Shift(UUID id, String region, Instant startsAt, Instant endsAt, Contact primary, Contact backup) {

    /**
     * A shift as planned, or a 400 naming the field that is wrong. Times are kept to the microsecond, as stored, so
     * a shift that follows another exactly does not overlap it after the store rounds.
     */
    public static Shift plan(UUID id, String region, Instant startsAt, Instant endsAt, Contact primary,
                             Contact backup) {
        if (startsAt == null) {
            throw DomainException.invalidField("startsAt", "is required");
        }
        if (endsAt == null) {
            throw DomainException.invalidField("endsAt", "is required");
        }
        if (!endsAt.isAfter(startsAt)) {
            throw DomainException.invalidField("endsAt", "must be after startsAt");
        }
        if (primary == null) {
            throw DomainException.invalidField("primary", "is required");
        }
        if (backup != null && backup.userId().equals(primary.userId())) {
            throw DomainException.invalidField("backup.userId", "must be someone else than the primary");
        }
        return new Shift(id, region, startsAt.truncatedTo(ChronoUnit.MICROS), endsAt.truncatedTo(ChronoUnit.MICROS),
                primary, backup);
    }

    public boolean covers(Instant moment) {
        return !moment.isBefore(startsAt) && moment.isBefore(endsAt);
    }

    /** Whether the two shifts share a moment (then they would have two primaries at once). */
    public boolean overlaps(Shift other) {
        return startsAt.isBefore(other.endsAt) && other.startsAt.isBefore(endsAt);
    }
}
