package nl.adempauze.bedavailability.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import nl.adempauze.bedavailability.persistence.CapacityRepository;
import nl.adempauze.bedavailability.persistence.HoldRepository;
import nl.adempauze.bedavailability.persistence.LocationRepository;
import nl.adempauze.contracts.events.BedHeld;
import nl.adempauze.contracts.events.BedHoldRefused;
import nl.adempauze.contracts.events.HoldReleased;
import nl.adempauze.contracts.events.PatientAdmitted;
import nl.adempauze.contracts.events.PatientDischarged;
import nl.adempauze.platform.outbox.Outbox;
import nl.adempauze.platform.web.ApiProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Decides whether a bed can be held for an offer, and follows the hold to release, admission and discharge.
 * Event-driven methods run inside the caller's (idempotent consumer's) transaction; HTTP ones open their own.
 */
@Service
public class HoldService {

    private final HoldRepository holds;
    private final CapacityRepository capacity;
    private final LocationRepository locations;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final Clock clock;

    public HoldService(HoldRepository holds, CapacityRepository capacity, LocationRepository locations,
                       Outbox outbox, TransactionalOperator tx, Clock clock) {
        this.holds = holds;
        this.capacity = capacity;
        this.locations = locations;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Holds one bed for the offer, or refuses with a reason. A second request for the same offer (a new event
     * for an offer that already has a hold, a refusal or a release) changes nothing.
     */
    public Mono<Void> hold(String offerId, String requestId, String locationId, String careType) {
        return holds.find(offerId).hasElement()
                .flatMap(known -> known ? Mono.<Void>empty() : decide(offerId, requestId, locationId, careType));
    }

    private Mono<Void> decide(String offerId, String requestId, String locationId, String careType) {
        Instant now = clock.instant();
        return locations.find(locationId).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(location -> location.isEmpty()
                        ? refuse(offerId, requestId, locationId, careType, HoldRefusal.UNKNOWN_LOCATION)
                        : capacity.holdOne(locationId, careType, now).map(Optional::of).defaultIfEmpty(Optional.empty())
                                .flatMap(figure -> figure.isPresent()
                                        ? record(new Hold(offerId, requestId, locationId, careType, HoldStatus.HELD,
                                                null, now, now), List.of(
                                                new BedHeld(offerId, requestId, locationId, careType, now),
                                                CapacityService.adjusted(location.get().region(), figure.get(), "HOLD")))
                                        : refusalReason(location.get(), careType).flatMap(reason ->
                                                refuse(offerId, requestId, locationId, careType, reason))));
    }

    private Mono<HoldRefusal> refusalReason(Location location, String careType) {
        if (!location.open()) {
            return Mono.just(HoldRefusal.LOCATION_CLOSED);
        }
        return capacity.find(location.id(), careType).map(figure -> HoldRefusal.NO_FREE_BED)
                .defaultIfEmpty(HoldRefusal.CARE_TYPE_NOT_OFFERED);
    }

    private Mono<Void> refuse(String offerId, String requestId, String locationId, String careType,
                              HoldRefusal refusal) {
        Instant now = clock.instant();
        return record(new Hold(offerId, requestId, locationId, careType, HoldStatus.REFUSED, refusal.name(), now, now),
                List.of(new BedHoldRefused(offerId, requestId, locationId, careType, refusal.name(), now)));
    }

    private Mono<Void> record(Hold hold, List<Object> events) {
        // Last line of defence: should two requests for one offer race past the check in hold(), the PK on
        // offer_id fails the second transaction (rolling back its bed) rather than take a second bed; its retry
        // then finds the hold and changes nothing.
        return holds.insert(hold).flatMap(inserted -> inserted
                ? outbox.append(events)
                : Mono.error(new IllegalStateException("Offer " + hold.offerId() + " already has a hold")));
    }

    /** The provider accepted: the bed stays held until admission. */
    public Mono<Void> accept(String offerId) {
        return holds.transition(offerId, HoldStatus.ACCEPTED, null, clock.instant())
                .then();
    }

    /**
     * The offer ended without admission: give the bed back. Releasing twice changes nothing. When no hold exists
     * yet (the release overtook its hold request), a released marker is stored so the late request holds nothing.
     */
    public Mono<Void> release(String offerId, String requestId, String locationId, String careType, String reason) {
        Instant now = clock.instant();
        return holds.transition(offerId, HoldStatus.RELEASED, reason, now)
                .flatMap(hold -> announce(hold, -1, 0, "RELEASE", new HoldReleased(hold.offerId(), hold.requestId(),
                        hold.locationId(), hold.careType(), reason, now)))
                .switchIfEmpty(Mono.defer(() -> holds.insert(new Hold(offerId, requestId, locationId, careType,
                        HoldStatus.RELEASED, reason, now, now)).then()));
    }

    /** The provider confirms the patient arrived: the held bed is now occupied. */
    public Mono<Hold> admit(String offerId) {
        Instant now = clock.instant();
        return tx.transactional(holds.transition(offerId, HoldStatus.ADMITTED, null, now)
                .switchIfEmpty(Mono.defer(() -> wrongState(offerId, "admitted", "accepted")))
                .flatMap(hold -> announce(hold, -1, -1, "ADMISSION", new PatientAdmitted(hold.offerId(),
                        hold.requestId(), hold.locationId(), hold.careType(), now)).thenReturn(hold)));
    }

    /** The patient left: the bed is free again. */
    public Mono<Hold> discharge(String offerId) {
        Instant now = clock.instant();
        return tx.transactional(holds.transition(offerId, HoldStatus.DISCHARGED, null, now)
                .switchIfEmpty(Mono.defer(() -> wrongState(offerId, "discharged", "admitted")))
                .flatMap(hold -> announce(hold, 0, 1, "DISCHARGE", new PatientDischarged(hold.offerId(),
                        hold.requestId(), hold.locationId(), hold.careType(), now)).thenReturn(hold)));
    }

    /** Applies a hold's effect on the bed counts and announces both the fact and the new figure. */
    private Mono<Void> announce(Hold hold, int heldDelta, int freeDelta, String cause, Object fact) {
        return capacity.adjust(hold.locationId(), hold.careType(), heldDelta, freeDelta, clock.instant())
                .zipWith(locations.find(hold.locationId()))
                .flatMap(pair -> outbox.append(fact, CapacityService.adjusted(pair.getT2().region(), pair.getT1(), cause)));
    }

    private Mono<Hold> wrongState(String offerId, String action, String required) {
        return holds.find(offerId)
                .switchIfEmpty(Mono.error(ApiProblem.notFound("Hold", offerId)))
                .flatMap(hold -> Mono.error(ApiProblem.conflict("Hold cannot be " + action,
                        "The hold for offer " + offerId + " is " + hold.status() + "; only a hold that is " + required
                                + " can be " + action)));
    }
}
