package nl.adempauze.bedavailability.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import nl.adempauze.bedavailability.domain.Location;
import nl.adempauze.bedavailability.domain.NightCalendar;
import nl.adempauze.bedavailability.domain.NightCapacity;
import nl.adempauze.bedavailability.domain.NightRanges;
import nl.adempauze.bedavailability.domain.Region;
import nl.adempauze.bedavailability.persistence.LocationRepository;
import nl.adempauze.bedavailability.persistence.NightCapacityRepository;
import nl.adempauze.bedavailability.persistence.RegionRepository;
import nl.adempauze.contracts.Nights;
import nl.adempauze.platform.domain.Changed;
import nl.adempauze.platform.domain.DomainException;
import nl.adempauze.platform.outbox.Outbox;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Providers publish free beds per night for calendar care types, in one bulk call per location and care type:
 * checked as a whole by the {@link NightCalendar}, then every night versioned, time-stamped and announced in one
 * event, in one transaction.
 */
@Service
public class NightCapacityService {

    private final NightCapacityRepository nights;
    private final LocationRepository locations;
    private final RegionRepository regions;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final Clock clock;

    public NightCapacityService(NightCapacityRepository nights, LocationRepository locations,
                                RegionRepository regions, Outbox outbox, TransactionalOperator tx, Clock clock) {
        this.nights = nights;
        this.locations = locations;
        this.regions = regions;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
    }

    /** The nights as now published, with what the figures need to be shown. */
    public record Published(Location location, Region region, Region.CareType careType, List<NightCapacity> nights) {
    }

    /**
     * Publishes free beds for the nights of {@code ranges}. Bad input (a care type not booked per night, a night
     * in the past or too far ahead, overlapping ranges, fewer free beds than held) changes nothing.
     */
    public Mono<Published> publish(String locationId, String careType, List<NightRanges.Range> ranges) {
        Instant now = clock.instant();
        Mono<Published> work = locations.find(locationId)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("Location", locationId)))
                .flatMap(location -> regions.find(location.region()).flatMap(region -> {
                    Region.CareType type = region.calendarCareType(careType, locationId);
                    List<NightRanges.PublishedNight> toPublish = NightRanges.expand(ranges, Nights.nightOf(now));
                    List<LocalDate> dates = toPublish.stream().map(NightRanges.PublishedNight::night).toList();
                    return nights.lockNights(locationId, careType, dates).collectList()
                            .map(current -> new NightCalendar(region.id(), locationId, careType, type.protection(),
                                    current).publish(toPublish, now))
                            .flatMap(published -> save(locationId, careType, toPublish, published, now))
                            .map(rows -> new Published(location, region, type, rows));
                }));
        return tx.transactional(work);
    }

    /**
     * Publishes the same free beds for {@code count} nights from {@code firstNight}, inside the caller's
     * transaction (a newly registered location).
     */
    Mono<Void> publishSeries(Location location, Region.CareType type, int freeBeds, LocalDate firstNight, int count) {
        Instant now = clock.instant();
        List<NightRanges.PublishedNight> toPublish = Stream.iterate(firstNight, night -> night.plusDays(1))
                .limit(count).map(night -> new NightRanges.PublishedNight(night, freeBeds, 0)).toList();
        Changed<NightCalendar> published = new NightCalendar(location.region(), location.id(), type.code(),
                type.protection(), List.of()).publish(toPublish, now);
        return save(location.id(), type.code(), toPublish, published, now).then();
    }

    /** Stores what the calendar decided (one upsert, in night order) and appends its announcement. */
    private Mono<List<NightCapacity>> save(String locationId, String careType,
                                           List<NightRanges.PublishedNight> toPublish,
                                           Changed<NightCalendar> published, Instant now) {
        return nights.publish(locationId, careType, toPublish.stream().map(NightRanges.PublishedNight::night).toList(),
                        toPublish.stream().map(NightRanges.PublishedNight::freeBeds).toList(), now)
                .flatMap(rows -> outbox.append(published.events()).thenReturn(rows));
    }
}
