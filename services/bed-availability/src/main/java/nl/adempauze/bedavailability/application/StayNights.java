package nl.adempauze.bedavailability.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.adempauze.bedavailability.domain.HeldNight;
import nl.adempauze.bedavailability.domain.Hold;
import nl.adempauze.bedavailability.domain.Location;
import nl.adempauze.bedavailability.domain.NightCalendar;
import nl.adempauze.bedavailability.domain.ProtectionRule;
import nl.adempauze.bedavailability.domain.StayDecision;
import nl.adempauze.bedavailability.domain.StayRequest;
import nl.adempauze.bedavailability.persistence.HoldRepository;
import nl.adempauze.bedavailability.persistence.LocationRepository;
import nl.adempauze.bedavailability.persistence.NightCapacityRepository;
import nl.adempauze.bedavailability.persistence.RegionRepository;
import nl.adempauze.platform.domain.Changed;
import nl.adempauze.platform.outbox.Outbox;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The calendar nights a stay takes and gives back, inside the hold's transaction. The nights are locked in night
 * order first, so concurrent stays over overlapping nights wait for each other, and the domain decides on figures
 * nobody else can change until the transaction commits: a bed is never taken twice.
 */
@Component
public class StayNights {

    private final NightCapacityRepository nights;
    private final HoldRepository holds;
    private final LocationRepository locations;
    private final RegionRepository regions;
    private final Outbox outbox;

    public StayNights(NightCapacityRepository nights, HoldRepository holds, LocationRepository locations,
                      RegionRepository regions, Outbox outbox) {
        this.nights = nights;
        this.holds = holds;
        this.locations = locations;
        this.regions = regions;
        this.outbox = outbox;
    }

    /** What a stay was decided, and when it was held, the announcement of the nights it took. */
    record Taken(StayDecision decision, List<Object> events) {
    }

    /** Decides the stay on its locked nights, and takes a bed on all of them or on none. */
    Mono<Taken> take(Location location, String careType, StayRequest stay, Instant now) {
        return protection(location.region(), careType).flatMap(rule -> nights.lockRange(location.id(), careType,
                        stay.firstNight(), stay.lastNight()).collectList()
                .flatMap(rows -> {
                    StayDecision decision = StayDecision.decide(stay, rows, rule.orElse(null), now);
                    if (!decision.held()) {
                        return Mono.just(new Taken(decision, List.of()));
                    }
                    Changed<NightCalendar> taken = new NightCalendar(location.region(), location.id(), careType,
                            rule.orElse(null), rows).take(decision.nights(), now);
                    return adjust(location.id(), careType, decision.nights(), 1, now)
                            .thenReturn(new Taken(decision, taken.events()));
                }));
    }

    /**
     * Gives back the nights the hold still holds after {@code after} (all when null), exactly as they were taken,
     * and announces them; nothing when it holds none.
     */
    Mono<Void> giveBack(Hold hold, LocalDate after, String cause, Instant now) {
        return holds.heldNights(hold.offerId(), after).collectList().flatMap(held -> {
            if (held.isEmpty()) {
                return Mono.empty();
            }
            List<LocalDate> dates = held.stream().map(HeldNight::night).toList();
            return locations.find(hold.locationId()).flatMap(location -> protection(location.region(), hold.careType())
                    .flatMap(rule -> nights.lockNights(hold.locationId(), hold.careType(), dates).collectList()
                            .flatMap(rows -> {
                                Changed<NightCalendar> given = new NightCalendar(location.region(), hold.locationId(),
                                        hold.careType(), rule.orElse(null), rows).giveBack(held, cause, now);
                                return adjust(hold.locationId(), hold.careType(), held, -1, now)
                                        .then(holds.freeNights(hold.offerId(), held, now))
                                        .then(outbox.append(given.events()));
                            })));
        });
    }

    /** The care type's protection rule in the region, if it has one. */
    private Mono<Optional<ProtectionRule>> protection(String region, String careType) {
        return regions.careType(region, careType).map(type -> Optional.ofNullable(type.protection()))
                .defaultIfEmpty(Optional.empty());
    }

    /** Applies what the domain decided to the locked rows, one night at a time in night order. */
    private Mono<Void> adjust(String locationId, String careType, List<HeldNight> held, int delta, Instant now) {
        return Flux.fromIterable(held)
                .concatMap(night -> nights.adjust(locationId, careType, night, delta, now))
                .then();
    }
}
