package nl.adempauze.notification.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.adempauze.notification.application.PageService;
import nl.adempauze.notification.domain.Page;
import nl.adempauze.notification.domain.PageAttempt;
import nl.adempauze.notification.domain.PageStatus;

/** A page with every message sent for it (tier, person, channel, delivery status). */
public record PageResponse(UUID id, String region, String requestId, String careType, String municipality,
                           String reason, PageStatus status, Instant nextStepAt, String acknowledgedBy,
                           Instant acknowledgedAt, Instant createdAt, List<PageAttempt> attempts) {

    static PageResponse from(Page page, List<PageAttempt> attempts) {
        return new PageResponse(page.id(), page.region(), page.requestId(), page.careType(), page.municipality(),
                page.reason(), page.status(), page.nextStepAt(), page.acknowledgedBy(), page.acknowledgedAt(),
                page.createdAt(), attempts);
    }

    static PageResponse from(PageService.PageView view) {
        return from(view.page(), view.attempts());
    }
}
