package nl.adempauze.notification.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import nl.adempauze.notification.PagingProperties;
import nl.adempauze.notification.domain.AcknowledgeToken;
import nl.adempauze.notification.domain.AcknowledgementTimes;
import nl.adempauze.notification.domain.Page;
import nl.adempauze.notification.domain.PageAttempt;
import nl.adempauze.notification.persistence.PageDeliveryRepository;
import nl.adempauze.notification.persistence.PageRepository;
import nl.adempauze.platform.domain.DomainException;
import nl.adempauze.platform.security.Caller;
import nl.adempauze.platform.security.Role;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Acknowledging pages (by a region's coordinator in the API, or by whoever holds a signed link from a message) and
 * reading a region's pages with every message sent for them.
 */
@Service
public class PageService {

    private static final int LOG_LIMIT = 200;

    private final PageRepository pages;
    private final PageDeliveryRepository deliveries;
    private final PagingProperties properties;
    private final Clock clock;

    public PageService(PageRepository pages, PageDeliveryRepository deliveries, PagingProperties properties,
                       Clock clock) {
        this.pages = pages;
        this.deliveries = deliveries;
        this.properties = properties;
        this.clock = clock;
    }

    /** A page with the messages sent for it. */
    public record PageView(Page page, List<PageAttempt> attempts) {
    }

    /** What a link did: the page as it is now, and whether this use acknowledged it (false: it already was). */
    public record LinkUse(Page page, boolean acknowledgedNow) {
    }

    /** By a coordinator of the page's region; another region's page does not exist to them (404). */
    public Mono<Page> acknowledge(Caller caller, UUID pageId) {
        if (!caller.is(Role.COORDINATOR)) {
            return Mono.error(DomainException.forbidden("Pages are acknowledged by coordinators"));
        }
        return pages.find(pageId)
                .filter(page -> caller.coordinates(page.region()))
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("Page", pageId.toString())))
                .flatMap(page -> write(page.acknowledge(caller.subject(), clock.instant())));
    }

    /** By the link's holder; empty when the link is not valid (forged, altered, expired, unknown page). */
    public Mono<LinkUse> acknowledgeByLink(String token) {
        return Mono.justOrEmpty(AcknowledgeToken.verify(token, properties.linkSecret(), clock.instant()))
                .flatMap(valid -> pages.find(valid.pageId())
                        .flatMap(page -> page.acknowledged()
                                ? Mono.just(new LinkUse(page, false))
                                : write(page.acknowledge(valid.userId(), clock.instant()))
                                        .map(done -> new LinkUse(done, true))
                                        .onErrorResume(DomainException.class, lost -> pages.find(page.id())
                                                .map(now -> new LinkUse(now, false)))));
    }

    /** A region's pages, newest first, each with its messages. */
    public Mono<List<PageView>> ofRegion(Caller caller, String region) {
        PagingAccess.checkRota(caller, region);
        return pages.ofRegion(region, LOG_LIMIT).collectList()
                .flatMap(found -> deliveries.ofPages(found.stream().map(Page::id).toList()).collectList()
                        .map(attempts -> {
                            Map<UUID, List<PageAttempt>> byPage = attempts.stream()
                                    .collect(Collectors.groupingBy(PageAttempt::pageId));
                            return found.stream()
                                    .map(page -> new PageView(page, byPage.getOrDefault(page.id(), List.of())))
                                    .toList();
                        }));
    }

    /** How quickly the region's pages of the last {@code days} days were acknowledged (p50, p90). */
    public Mono<AcknowledgementTimes> acknowledgementTimes(Caller caller, String region, int days) {
        PagingAccess.checkRota(caller, region);
        if (days < 1 || days > 366) {
            throw DomainException.invalidField("days", "must be 1 to 366");
        }
        Instant now = clock.instant();
        return pages.ofRegionBetween(region, now.minus(Duration.ofDays(days)), now).collectList()
                .map(AcknowledgementTimes::of);
    }

    /** Written only over the state it was made from; a concurrent change answers 409. */
    private Mono<Page> write(Page changed) {
        return pages.update(changed).flatMap(updated -> updated ? Mono.just(changed)
                : Mono.error(DomainException.conflict("Page changed meanwhile",
                        "Page " + changed.id() + " was changed by someone else; load it again")));
    }
}
