package nl.adempauze.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A page: one escalation of a request told to the region's on-call coordinators, step by step, until someone
 * acknowledges it. Only the codes of the escalation (request id, care type, municipality, reason), never who the
 * patient is: notification is never told. Every change asks {@link PageLifecycle#TABLE}; {@code version} lets the
 * store apply a change only to the state it was made from, so a step taken twice takes effect once.
 *
 * @param nextStepAt when the chain moves on unless acknowledged; null once the last tier is paged or acknowledged
 */
public record Page(UUID id, String eventId, String region, String requestId, String careType, String municipality,
                   String reason, PageStatus status, int version, Instant nextStepAt, String acknowledgedBy,
                   Instant acknowledgedAt, Instant createdAt) {

    /** A new page to the primary, due to move to the backup after {@code acknowledgeWithin}. */
    public static Page open(UUID id, String eventId, String region, String requestId, String careType,
                            String municipality, String reason, Instant now, Duration acknowledgeWithin) {
        return new Page(id, eventId, region, requestId, careType, municipality, reason, PageStatus.PRIMARY_PAGED, 0,
                now.plus(acknowledgeWithin), null, null, now);
    }

    /** Not acknowledged in time: the next tier is paged; after the last tier nothing is due any more. */
    public Page escalate(Instant now, Duration acknowledgeWithin) {
        PageStatus next = PageLifecycle.TABLE.next(status, PageCommand.ESCALATE);
        boolean more = PageLifecycle.TABLE.allows(next, PageCommand.ESCALATE);
        return new Page(id, eventId, region, requestId, careType, municipality, reason, next, version + 1,
                more ? now.plus(acknowledgeWithin) : null, null, null, createdAt);
    }

    /** Someone took it: the chain stops. */
    public Page acknowledge(String by, Instant now) {
        PageStatus next = PageLifecycle.TABLE.next(status, PageCommand.ACKNOWLEDGE);
        return new Page(id, eventId, region, requestId, careType, municipality, reason, next, version + 1, null, by,
                now, createdAt);
    }

    public boolean dueAt(Instant now) {
        return nextStepAt != null && !now.isBefore(nextStepAt);
    }

    public boolean acknowledged() {
        return status == PageStatus.ACKNOWLEDGED;
    }
}
