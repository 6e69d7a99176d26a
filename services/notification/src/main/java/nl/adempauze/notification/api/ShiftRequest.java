package nl.adempauze.notification.api;

import java.time.Instant;
import java.util.UUID;
import nl.adempauze.notification.domain.Shift;
import nl.adempauze.platform.domain.DomainException;

/** Body of {@code POST /api/v1/regions/{region}/shifts} and {@code PUT .../shifts/{id}}; backup is optional. */
public record ShiftRequest(Instant startsAt, Instant endsAt, ContactRequest primary, ContactRequest backup) {

    Shift toShift(UUID id, String region) {
        if (primary == null) {
            throw DomainException.invalidField("primary", "is required");
        }
        return Shift.plan(id, region, startsAt, endsAt, primary.toContact("primary"),
                backup == null ? null : backup.toContact("backup"));
    }
}
