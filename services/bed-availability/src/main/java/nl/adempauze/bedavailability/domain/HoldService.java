package nl.adempauze.bedavailability.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.adempauze.bedavailability.persistence.CapacityRepository;
import nl.adempauze.bedavailability.persistence.HoldNightRepository;
import nl.adempauze.bedavailability.persistence.HoldRepository;
import nl.adempauze.bedavailability.persistence.LocationRepository;
import nl.adempauze.bedavailability.persistence.NightCapacityRepository;
import nl.adempauze.bedavailability.persistence.RegionRepository;
import nl.adempauze.contracts.Nights;
import nl.adempauze.contracts.events.BedHeld;
import nl.adempauze.contracts.events.BedHoldRefused;
import nl.adempauze.contracts.events.HoldReleased;
import nl.adempauze.contracts.events.HoldRequested;
import nl.adempauze.contracts.events.PatientAdmitted;
import nl.adempauze.contracts.events.PatientDischarged;
import nl.adempauze.platform.outbox.Outbox;
import nl.adempauze.platform.domain.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Decides whether a bed can be held for an offer, and follows the hold to release, admission and discharge.
 * A hold is free now (one bed of the location's current figure) or on the calendar (one bed on each night of a
 * stay, all nights or none, under the protection rule). Event-driven methods run inside the caller's (idempotent
 * consumer's) transaction; HTTP ones open their own.
 */
@Service
public class HoldService {

    private final HoldRepository holds;
    private final HoldNightRepository holdNights;
    private final CapacityRepository capacity;
    private final NightCapacityRepository nights;
    private final LocationRepository locations;
    private final RegionRepository regions;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final Clock clock;

    public HoldService(HoldRepository holds, HoldNightRepository holdNights, CapacityRepository capacity,
                       NightCapacityRepository nights, LocationRepository locations, RegionRepository regions,
                       Outbox outbox, TransactionalOperator tx, Clock clock) {
        this.holds = holds;
        this.holdNights = holdNights;
        this.capacity = capacity;
        this.nights = nights;
        this.locations = locations;
        this.regions = regions;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Holds a bed for the offer, or refuses with a reason. A second request for the same offer (a new event for an
     * offer that already has a hold, a refusal or a release) changes nothing.
     */
    public Mono<Void> hold(HoldRequested requested) {
        return holds.find(requested.offerId()).hasElement()
                .flatMap(known -> known ? Mono.<Void>empty() : Mono.defer(() -> decide(requested)));
    }

    private Mono<Void> decide(HoldRequested requested) {
        return locations.find(requested.locationId()).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(location -> {
                    if (location.isEmpty()) {
                        return refuse(requested, HoldRefusal.UNKNOWN_LOCATION);
                    }
                    return requested.firstNight() == null
                            ? holdFreeNow(requested, location.get())
                            : holdNights(requested, location.get());
                });
    }

    private Mono<Void> holdFreeNow(HoldRequested requested, Location location) {
        Instant now = clock.instant();
        return capacity.holdOne(location.id(), requested.careType(), now).map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(figure -> figure.isPresent()
                        ? record(hold(requested, null, null, HoldStatus.HELD, null, now), List.of(
                                new BedHeld(requested.offerId(), requested.requestId(), location.id(),
                                        requested.careType(), null, null, 0, 0, now),
                                CapacityService.adjusted(location.region(), figure.get(), "HOLD")))
                        : freeNowRefusal(location, requested.careType())
                                .flatMap(reason -> refuse(requested, reason)));
    }

    private Mono<HoldRefusal> freeNowRefusal(Location location, String careType) {
        if (!location.open()) {
            return Mono.just(HoldRefusal.LOCATION_CLOSED);
        }
        return capacity.find(location.id(), careType).map(figure -> HoldRefusal.NO_FREE_BED)
                .defaultIfEmpty(HoldRefusal.CARE_TYPE_NOT_OFFERED);
    }

    /**
     * Locks the stay's nights in night order, decides every night in Java under those locks, and takes a bed on
     * all of them or on none.
     */
    private Mono<Void> holdNights(HoldRequested requested, Location location) {
        if (!location.open()) {
            return refuse(requested, HoldRefusal.LOCATION_CLOSED);
        }
        Instant now = clock.instant();
        StayRequest stay = new StayRequest(requested.firstNight(), nightsOf(requested),
                "PLANNED".equals(requested.urgency()), requested.protectionOverride());
        Mono<Optional<ProtectionRule>> rule = regions.careType(location.region(), requested.careType())
                .map(type -> Optional.ofNullable(type.protection())).defaultIfEmpty(Optional.empty());
        return rule.flatMap(protection -> nights.lockRange(location.id(), requested.careType(), stay.firstNight(),
                        stay.lastNight()).collectList()
                .flatMap(rows -> {
                    StayDecision decision = StayDecision.decide(stay, rows, protection.orElse(null), now);
                    if (!decision.held()) {
                        return refuse(requested, decision.refusal());
                    }
                    return take(location, requested.careType(), decision.nights(), now)
                            .flatMap(changed -> record(
                                    hold(requested, stay.firstNight(), stay.nights(), HoldStatus.HELD, null, now),
                                    List.of(new BedHeld(requested.offerId(), requested.requestId(), location.id(),
                                                    requested.careType(), stay.firstNight(), stay.nights(),
                                                    decision.count(NightTake.RELEASED),
                                                    decision.count(NightTake.OVERRIDDEN), now),
                                            NightCapacityService.adjusted(location.region(),
                                                    protection.orElse(null), changed, "HOLD", now)))
                                    .then(holdNights.insert(requested.offerId(), decision.nights())));
                }));
    }

    /** A stay without a number of nights is one night. */
    private static int nightsOf(HoldRequested requested) {
        return requested.nights() == null ? 1 : requested.nights();
    }

    private Mono<List<NightCapacity>> take(Location location, String careType, List<HeldNight> held, Instant now) {
        return Flux.fromIterable(held)
                .concatMap(night -> nights.adjust(location.id(), careType, night, 1, now))
                .collectList();
    }

    private static Hold hold(HoldRequested requested, LocalDate firstNight, Integer nights, HoldStatus status,
                             String reason, Instant now) {
        return new Hold(requested.offerId(), requested.requestId(), requested.locationId(), requested.careType(),
                requested.urgency(), firstNight, nights, status, reason, now, now);
    }

    /** Records the refusal (with the stay that was asked for, if any) and announces it. */
    private Mono<Void> refuse(HoldRequested requested, HoldRefusal refusal) {
        Instant now = clock.instant();
        Integer nights = requested.firstNight() == null ? null : nightsOf(requested);
        return record(hold(requested, requested.firstNight(), nights, HoldStatus.REFUSED, refusal.name(), now),
                List.of(new BedHoldRefused(requested.offerId(), requested.requestId(), requested.locationId(),
                        requested.careType(), refusal.name(), now)));
    }

    private Mono<Void> record(Hold hold, List<Object> events) {
        // Last line of defence: should two requests for one offer race past the check in hold(), the PK on
        // offer_id fails the second transaction (rolling back its beds) rather than take a second bed; its retry
        // then finds the hold and changes nothing.
        return holds.insert(hold).flatMap(inserted -> inserted
                ? outbox.append(events)
                : Mono.error(new IllegalStateException("Offer " + hold.offerId() + " already has a hold")));
    }

    /** The provider accepted: the bed (or the stay's nights) stays held until admission. */
    public Mono<Void> accept(String offerId) {
        return holds.transition(offerId, HoldStatus.ACCEPTED, null, clock.instant())
                .then();
    }

    /**
     * The offer ended without admission: give the bed (or every night of the stay) back. Releasing twice changes
     * nothing. When no hold exists yet (the release overtook its hold request), a released marker is stored so the
     * late request holds nothing.
     */
    public Mono<Void> release(String offerId, String requestId, String locationId, String careType, String reason) {
        Instant now = clock.instant();
        return holds.transition(offerId, HoldStatus.RELEASED, reason, now)
                .flatMap(hold -> {
                    HoldReleased released = new HoldReleased(hold.offerId(), hold.requestId(), hold.locationId(),
                            hold.careType(), reason, now);
                    return hold.onCalendar()
                            ? outbox.append(released).then(giveBackNights(hold, null, "RELEASE", now))
                            : announce(hold, -1, 0, "RELEASE", released);
                })
                .switchIfEmpty(Mono.defer(() -> holds.insert(new Hold(offerId, requestId, locationId, careType,
                        null, null, null, HoldStatus.RELEASED, reason, now, now)).then()));
    }

    /**
     * The provider confirms the patient arrived: a free-now bed is now occupied (no longer free, no longer held);
     * a stay's nights simply stay held, occupied by the patient.
     */
    public Mono<Hold> admit(String offerId) {
        Instant now = clock.instant();
        return tx.transactional(holds.transition(offerId, HoldStatus.ADMITTED, null, now)
                .switchIfEmpty(Mono.defer(() -> wrongState(offerId, "admitted", "accepted")))
                .flatMap(hold -> {
                    PatientAdmitted admitted = new PatientAdmitted(hold.offerId(), hold.requestId(),
                            hold.locationId(), hold.careType(), now);
                    return (hold.onCalendar() ? outbox.append(admitted)
                            : announce(hold, -1, -1, "ADMISSION", admitted)).thenReturn(hold);
                }));
    }

    /**
     * The patient left: a free-now bed is free again; of a stay, the nights after the current one are given back
     * (an early discharge makes capacity appear), while the nights slept stay as they were.
     */
    public Mono<Hold> discharge(String offerId) {
        Instant now = clock.instant();
        return tx.transactional(holds.transition(offerId, HoldStatus.DISCHARGED, null, now)
                .switchIfEmpty(Mono.defer(() -> wrongState(offerId, "discharged", "admitted")))
                .flatMap(hold -> {
                    PatientDischarged discharged = new PatientDischarged(hold.offerId(), hold.requestId(),
                            hold.locationId(), hold.careType(), now);
                    return (hold.onCalendar()
                            ? outbox.append(discharged)
                                    .then(giveBackNights(hold, Nights.nightOf(now), "DISCHARGE", now))
                            : announce(hold, 0, 1, "DISCHARGE", discharged)).thenReturn(hold);
                }));
    }

    /**
     * Gives back the nights the hold still holds after {@code after} (all when null), exactly as they were taken,
     * locking their rows in night order first; announces the changed nights, if any.
     */
    private Mono<Void> giveBackNights(Hold hold, LocalDate after, String cause, Instant now) {
        return holdNights.held(hold.offerId(), after).collectList().flatMap(held -> {
            if (held.isEmpty()) {
                return Mono.empty();
            }
            List<LocalDate> dates = held.stream().map(HeldNight::night).toList();
            return nights.lockNights(hold.locationId(), hold.careType(), dates).then(
                    Flux.fromIterable(held)
                            .concatMap(night -> nights.adjust(hold.locationId(), hold.careType(), night, -1, now))
                            .collectList())
                    .flatMap(changed -> holdNights.free(hold.offerId(), held, now)
                            .then(locations.find(hold.locationId()))
                            .flatMap(location -> regions.careType(location.region(), hold.careType())
                                    .map(type -> Optional.ofNullable(type.protection()))
                                    .defaultIfEmpty(Optional.empty())
                                    .flatMap(rule -> outbox.append(NightCapacityService.adjusted(location.region(),
                                            rule.orElse(null), changed, cause, now)))));
        });
    }

    /** Applies a free-now hold's effect on the bed counts and announces both the fact and the new figure. */
    private Mono<Void> announce(Hold hold, int heldDelta, int freeDelta, String cause, Object fact) {
        return capacity.adjust(hold.locationId(), hold.careType(), heldDelta, freeDelta, clock.instant())
                .zipWith(locations.find(hold.locationId()))
                .flatMap(pair -> outbox.append(fact, CapacityService.adjusted(pair.getT2().region(), pair.getT1(), cause)));
    }

    private Mono<Hold> wrongState(String offerId, String action, String required) {
        return holds.find(offerId)
                .switchIfEmpty(Mono.error(DomainException.notFound("Hold", offerId)))
                .flatMap(hold -> Mono.error(DomainException.conflict("Hold cannot be " + action,
                        "The hold for offer " + offerId + " is " + hold.status() + "; only a hold that is " + required
                                + " can be " + action)));
    }
}
