package nl.adempauze.notification.api;

import java.time.Instant;
import java.util.UUID;
import nl.adempauze.notification.domain.Contact;
import nl.adempauze.notification.domain.Shift;

/** One shift of the rota. */
public record ShiftResponse(UUID id, String region, Instant startsAt, Instant endsAt, Contact primary,
                            Contact backup) {

    static ShiftResponse from(Shift shift) {
        return new ShiftResponse(shift.id(), shift.region(), shift.startsAt(), shift.endsAt(), shift.primary(),
                shift.backup());
    }
}
