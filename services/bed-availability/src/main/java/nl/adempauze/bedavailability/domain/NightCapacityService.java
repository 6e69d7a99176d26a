package nl.adempauze.bedavailability.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.adempauze.bedavailability.persistence.LocationRepository;
import nl.adempauze.bedavailability.persistence.NightCapacityRepository;
import nl.adempauze.bedavailability.persistence.RegionRepository;
import nl.adempauze.contracts.Nights;
import nl.adempauze.contracts.events.NightCapacityAdjusted;
import nl.adempauze.contracts.events.NightCapacityPublished;
import nl.adempauze.platform.outbox.Outbox;
import nl.adempauze.platform.domain.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Providers publish free beds per night for calendar care types, in one bulk call per location and care type:
 * checked as a whole, then every night versioned, time-stamped and announced in one event, in one transaction.
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
                    Region.CareType type = calendarCareType(region, careType, locationId);
                    List<NightRanges.PublishedNight> toPublish = NightRanges.expand(ranges, Nights.nightOf(now));
                    List<LocalDate> dates = toPublish.stream().map(NightRanges.PublishedNight::night).toList();
                    return nights.lockNights(locationId, careType, dates).collectList()
                            .doOnNext(current -> refuseBelowHeld(toPublish, current))
                            .then(nights.publish(locationId, careType, dates,
                                    toPublish.stream().map(NightRanges.PublishedNight::freeBeds).toList(), now))
                            .flatMap(rows -> outbox.append(published(region.id(), type.protection(), rows, now))
                                    .thenReturn(new Published(location, region, type, rows)));
                }));
        return tx.transactional(work);
    }

    /**
     * Publishes the same free beds for {@code count} nights from {@code firstNight}, inside the caller's
     * transaction (a newly registered location).
     */
    Mono<Void> publishSeries(Location location, Region.CareType type, int freeBeds, LocalDate firstNight, int count) {
        Instant now = clock.instant();
        List<LocalDate> dates = Stream.iterate(firstNight, night -> night.plusDays(1)).limit(count).toList();
        return nights.publish(location.id(), type.code(), dates, dates.stream().map(night -> freeBeds).toList(), now)
                .flatMap(rows -> outbox.append(published(location.region(), type.protection(), rows, now)));
    }

    /** The care type, if it is in the region's catalogue and kept per night; else a problem on {@code careType}. */
    public static Region.CareType calendarCareType(Region region, String careType, String locationId) {
        Region.CareType type = region.careType(careType).orElseThrow(() -> DomainException.invalidField("careType",
                "Care type '" + careType + "' is not in the catalogue of region " + region.id()));
        if (!type.plannedBooking()) {
            throw DomainException.invalidField("careType", "Care type '" + careType + "' is not booked per night: "
                    + "publish its free beds now with PUT /api/v1/locations/" + locationId + "/capacity/" + careType);
        }
        return type;
    }

    private static void refuseBelowHeld(List<NightRanges.PublishedNight> toPublish, List<NightCapacity> current) {
        Map<LocalDate, NightCapacity> byNight = current.stream()
                .collect(Collectors.toMap(NightCapacity::night, Function.identity()));
        for (NightRanges.PublishedNight night : toPublish) {
            NightCapacity known = byNight.get(night.night());
            String refusal = known == null ? null : NightCapacity.publishRefusal(night.freeBeds(), known.heldBeds());
            if (refusal != null) {
                throw DomainException.invalidField("nights[" + night.range() + "].freeBeds",
                        "The night of " + night.night() + ": " + refusal);
            }
        }
    }

    static NightCapacityPublished published(String region, ProtectionRule rule, List<NightCapacity> rows,
                                            Instant at) {
        NightCapacity first = rows.get(0);
        return new NightCapacityPublished(first.locationId(), region, first.careType(),
                rows.stream().map(row -> row.figure(rule)).toList(), at);
    }

    static NightCapacityAdjusted adjusted(String region, ProtectionRule rule, List<NightCapacity> rows, String cause,
                                          Instant at) {
        NightCapacity first = rows.get(0);
        return new NightCapacityAdjusted(first.locationId(), region, first.careType(),
                rows.stream().map(row -> row.figure(rule)).toList(), cause, at);
    }
}
