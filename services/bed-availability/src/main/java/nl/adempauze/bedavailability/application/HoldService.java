package nl.adempauze.bedavailability.application;

import static nl.adempauze.bedavailability.domain.HoldCommand.ACCEPT;
import static nl.adempauze.bedavailability.domain.HoldCommand.ADMIT;
import static nl.adempauze.bedavailability.domain.HoldCommand.DISCHARGE;
import static nl.adempauze.bedavailability.domain.HoldCommand.RELEASE;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import nl.adempauze.bedavailability.domain.Hold;
import nl.adempauze.bedavailability.domain.HoldCommand;
import nl.adempauze.bedavailability.domain.HoldRefusal;
import nl.adempauze.bedavailability.domain.Location;
import nl.adempauze.bedavailability.domain.NewHold;
import nl.adempauze.bedavailability.persistence.HoldRepository;
import nl.adempauze.bedavailability.persistence.LocationRepository;
import nl.adempauze.contracts.Nights;
import nl.adempauze.contracts.events.HoldRequested;
import nl.adempauze.platform.domain.Changed;
import nl.adempauze.platform.domain.DomainException;
import nl.adempauze.platform.outbox.Outbox;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Decides whether a bed can be held for an offer, and follows the hold to release, admission and discharge.
 * A hold is free now (one bed of the location's current figure, {@link FreeNowBeds}) or on the calendar (one bed on
 * each night of a stay, all nights or none, under the protection rule, {@link StayNights}). Each step loads the
 * hold, lets it decide ({@link Hold#LIFE}), stores it with one conditional update and appends its events.
 * Event-driven methods run inside the caller's (idempotent consumer's) transaction; HTTP ones open their own.
 */
@Service
public class HoldService {

    private final HoldRepository holds;
    private final LocationRepository locations;
    private final FreeNowBeds freeNow;
    private final StayNights stayNights;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final Clock clock;

    public HoldService(HoldRepository holds, LocationRepository locations, FreeNowBeds freeNow, StayNights stayNights,
                       Outbox outbox, TransactionalOperator tx, Clock clock) {
        this.holds = holds;
        this.locations = locations;
        this.freeNow = freeNow;
        this.stayNights = stayNights;
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
                            : holdStay(requested, location.get());
                });
    }

    private Mono<Void> holdFreeNow(HoldRequested requested, Location location) {
        Instant now = clock.instant();
        return freeNow.takeOne(location, requested.careType(), now).map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(adjusted -> adjusted.isPresent()
                        ? record(NewHold.freeNow(requested, now), List.of(adjusted.get()))
                        : freeNow.whyNot(location, requested.careType()).flatMap(reason -> refuse(requested, reason)));
    }

    private Mono<Void> holdStay(HoldRequested requested, Location location) {
        if (!location.open()) {
            return refuse(requested, HoldRefusal.LOCATION_CLOSED);
        }
        Instant now = clock.instant();
        return stayNights.take(location, requested.careType(), NewHold.stayOf(requested), now)
                .flatMap(taken -> taken.decision().held()
                        ? record(NewHold.stay(requested, taken.decision(), now), taken.events())
                                .then(holds.insertNights(requested.offerId(), taken.decision().nights()))
                        : refuse(requested, taken.decision().refusal()));
    }

    private Mono<Void> refuse(HoldRequested requested, HoldRefusal refusal) {
        return record(NewHold.refused(requested, refusal, clock.instant()), List.of());
    }

    /** Stores a new hold and appends its events, then those of the beds it took ({@code bedEvents}). */
    private Mono<Void> record(Changed<Hold> created, List<Object> bedEvents) {
        Hold hold = created.aggregate();
        // Last line of defence: should two requests for one offer race past the check in hold(), the PK on
        // offer_id fails the second transaction (rolling back its beds) rather than take a second bed; its retry
        // then finds the hold and changes nothing.
        return holds.insert(hold).flatMap(inserted -> inserted
                ? outbox.append(concat(created.events(), bedEvents))
                : Mono.error(new IllegalStateException("Offer " + hold.offerId() + " already has a hold")));
    }

    /** The provider accepted: the bed (or the stay's nights) stays held until admission. */
    public Mono<Void> accept(String offerId) {
        Instant now = clock.instant();
        return holds.find(offerId).filter(hold -> hold.allows(ACCEPT))
                .flatMap(hold -> holds.save(hold.accept(now).aggregate(), ACCEPT))
                .then();
    }

    /**
     * The offer ended without admission: give the bed (or every night of the stay) back. Releasing twice changes
     * nothing. When no hold exists yet (the release overtook its hold request), a released marker is stored so the
     * late request holds nothing.
     */
    public Mono<Void> release(String offerId, String requestId, String locationId, String careType, String reason) {
        Instant now = clock.instant();
        return holds.find(offerId).map(Optional::of).defaultIfEmpty(Optional.empty()).flatMap(found -> {
            if (found.isEmpty()) {
                return holds.insert(NewHold.releasedBeforeRequested(offerId, requestId, locationId, careType, reason,
                        now)).then();
            }
            if (!found.get().allows(RELEASE)) {
                return Mono.empty();
            }
            Changed<Hold> released = found.get().release(reason, now);
            return holds.save(released.aggregate(), RELEASE).flatMap(hold -> hold.onCalendar()
                    ? outbox.append(released.events()).then(stayNights.giveBack(hold, null, "RELEASE", now))
                    : freeNow.adjust(hold, -1, 0, "RELEASE")
                            .flatMap(adjusted -> outbox.append(concat(released.events(), List.of(adjusted)))));
        });
    }

    /**
     * The provider confirms the patient arrived: a free-now bed is now occupied (no longer free, no longer held);
     * a stay's nights simply stay held, occupied by the patient.
     */
    public Mono<Hold> admit(String offerId) {
        Instant now = clock.instant();
        return tx.transactional(change(offerId, ADMIT, hold -> hold.admit(now)).flatMap(admitted -> {
            Hold hold = admitted.aggregate();
            return (hold.onCalendar() ? outbox.append(admitted.events())
                    : freeNow.adjust(hold, -1, -1, "ADMISSION")
                            .flatMap(adjusted -> outbox.append(concat(admitted.events(), List.of(adjusted)))))
                    .thenReturn(hold);
        }));
    }

    /**
     * The patient left: a free-now bed is free again; of a stay, the nights after the current one are given back
     * (an early discharge makes capacity appear), while the nights slept stay as they were.
     */
    public Mono<Hold> discharge(String offerId) {
        Instant now = clock.instant();
        return tx.transactional(change(offerId, DISCHARGE, hold -> hold.discharge(now)).flatMap(discharged -> {
            Hold hold = discharged.aggregate();
            return (hold.onCalendar()
                    ? outbox.append(discharged.events())
                            .then(stayNights.giveBack(hold, Nights.nightOf(now), "DISCHARGE", now))
                    : freeNow.adjust(hold, 0, 1, "DISCHARGE")
                            .flatMap(adjusted -> outbox.append(concat(discharged.events(), List.of(adjusted)))))
                    .thenReturn(hold);
        }));
    }

    /**
     * Loads the hold, has it take {@code command} (refused when its life does not allow it) and stores it; the
     * answer holds the hold as stored and the events to append. Should the hold have moved on between loading and
     * storing, the command is refused as for the hold it then is.
     */
    private Mono<Changed<Hold>> change(String offerId, HoldCommand command,
                                       Function<Hold, Changed<Hold>> step) {
        return holds.find(offerId)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("Hold", offerId)))
                .flatMap(hold -> {
                    Changed<Hold> changed = step.apply(hold);
                    return holds.save(changed.aggregate(), command)
                            .map(stored -> new Changed<>(stored, changed.events()))
                            .switchIfEmpty(Mono.defer(() -> holds.find(offerId)
                                    .switchIfEmpty(Mono.error(() -> DomainException.notFound("Hold", offerId)))
                                    .flatMap(now -> Mono.error(now.refused(command)))));
                });
    }

    private static List<Object> concat(List<Object> first, List<Object> then) {
        List<Object> all = new ArrayList<>(first);
        all.addAll(then);
        return all;
    }
}
