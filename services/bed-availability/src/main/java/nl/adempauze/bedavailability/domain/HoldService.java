package nl.adempauze.bedavailability.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
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
     * for an offer that already has a hold or a refusal) changes nothing.
     */
    public Mono<Void> hold(String offerId, String requestId, String locationId, String careType) {
        return holds.find(offerId).hasElement()
                .flatMap(known -> known ? Mono.<Void>empty() : decide(offerId, requestId, locationId, careType));
    }

    private Mono<Void> decide(String offerId, String requestId, String locationId, String careType) {
        Instant now = clock.instant();
        // record(...) completes empty, so each branch ends in thenReturn(true): only a real absence of a
        // free bed (or of the location) may fall through to the refusal below it.
        return locations.find(locationId)
                .flatMap(location -> capacity.holdOne(locationId, careType, now)
                        .flatMap(figure -> record(new Hold(offerId, requestId, locationId, careType, HoldStatus.HELD,
                                        null, now, now), List.of(
                                        new BedHeld(offerId, requestId, locationId, careType, now),
                                        CapacityService.adjusted(location.region(), figure, "HOLD")))
                                .thenReturn(true))
                        .switchIfEmpty(Mono.defer(() -> refuse(offerId, requestId, locationId, careType,
                                location.open() ? refusalWhenOpen(locationId, careType) : Mono.just(HoldRefusal.LOCATION_CLOSED))
                                .thenReturn(true))))
                .switchIfEmpty(Mono.defer(() -> refuse(offerId, requestId, locationId, careType,
                        Mono.just(HoldRefusal.UNKNOWN_LOCATION)).thenReturn(true)))
                .then();
    }

    private Mono<HoldRefusal> refusalWhenOpen(String locationId, String careType) {
        return capacity.find(locationId, careType).map(figure -> HoldRefusal.NO_FREE_BED)
                .defaultIfEmpty(HoldRefusal.CARE_TYPE_NOT_OFFERED);
    }

    private Mono<Void> refuse(String offerId, String requestId, String locationId, String careType,
                              Mono<HoldRefusal> reason) {
        Instant now = clock.instant();
        return reason.flatMap(refusal -> record(
                new Hold(offerId, requestId, locationId, careType, HoldStatus.REFUSED, refusal.name(), now, now),
                List.of(new BedHoldRefused(offerId, requestId, locationId, careType, refusal.name(), now))));
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
        return holds.transition(offerId, EnumSet.of(HoldStatus.HELD), HoldStatus.ACCEPTED, null, clock.instant())
                .then();
    }

    /** The offer ended without admission: give the bed back. Releasing twice changes nothing. */
    public Mono<Void> release(String offerId, String reason) {
        Instant now = clock.instant();
        return holds.transition(offerId, HoldStatus.COUNTED_AS_HELD, HoldStatus.RELEASED, reason, now)
                .flatMap(hold -> capacity.adjust(hold.locationId(), hold.careType(), -1, 0, now)
                        .zipWith(locations.find(hold.locationId()))
                        .flatMap(pair -> outbox.append(
                                new HoldReleased(hold.offerId(), hold.requestId(), hold.locationId(), hold.careType(),
                                        reason, now),
                                CapacityService.adjusted(pair.getT2().region(), pair.getT1(), "RELEASE"))));
    }

    /** The provider confirms the patient arrived: the held bed is now occupied. */
    public Mono<Hold> admit(String offerId) {
        Instant now = clock.instant();
        return tx.transactional(holds.transition(offerId, EnumSet.of(HoldStatus.ACCEPTED), HoldStatus.ADMITTED, null, now)
                .switchIfEmpty(Mono.defer(() -> wrongState(offerId, "admitted", "accepted")))
                .flatMap(hold -> capacity.adjust(hold.locationId(), hold.careType(), -1, -1, now)
                        .zipWith(locations.find(hold.locationId()))
                        .flatMap(pair -> outbox.append(
                                new PatientAdmitted(hold.offerId(), hold.requestId(), hold.locationId(),
                                        hold.careType(), now),
                                CapacityService.adjusted(pair.getT2().region(), pair.getT1(), "ADMISSION")))
                        .thenReturn(hold)));
    }

    /** The patient left: the bed is free again. */
    public Mono<Hold> discharge(String offerId) {
        Instant now = clock.instant();
        return tx.transactional(holds.transition(offerId, EnumSet.of(HoldStatus.ADMITTED), HoldStatus.DISCHARGED, null, now)
                .switchIfEmpty(Mono.defer(() -> wrongState(offerId, "discharged", "admitted")))
                .flatMap(hold -> capacity.adjust(hold.locationId(), hold.careType(), 0, 1, now)
                        .zipWith(locations.find(hold.locationId()))
                        .flatMap(pair -> outbox.append(
                                new PatientDischarged(hold.offerId(), hold.requestId(), hold.locationId(),
                                        hold.careType(), now),
                                CapacityService.adjusted(pair.getT2().region(), pair.getT1(), "DISCHARGE")))
                        .thenReturn(hold)));
    }

    private Mono<Hold> wrongState(String offerId, String action, String required) {
        return holds.find(offerId)
                .switchIfEmpty(Mono.error(ApiProblem.notFound("Hold", offerId)))
                .flatMap(hold -> Mono.error(ApiProblem.conflict("Hold cannot be " + action,
                        "The hold for offer " + offerId + " is " + hold.status() + "; only a hold that is " + required
                                + " can be " + action)));
    }
}
