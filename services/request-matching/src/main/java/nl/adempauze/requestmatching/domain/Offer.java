package nl.adempauze.requestmatching.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import nl.adempauze.contracts.events.HoldRequested;
import nl.adempauze.contracts.events.OfferAccepted;
import nl.adempauze.contracts.events.OfferDeclined;
import nl.adempauze.contracts.events.OfferExpired;
import nl.adempauze.contracts.events.OfferMade;
import nl.adempauze.contracts.events.OfferWithdrawn;
import nl.adempauze.platform.domain.Changed;
import nl.adempauze.platform.domain.DomainException;

/**
 * A bed proposed to a provider for a request: free now, or the nights {@code firstNight} + {@code nights} of a stay
 * on the calendar. For a crisis stay, how many protected nights it took by release and by override. {@code region}
 * is the request's region; {@code locationRegion} the location's, which differs for an offer across the border
 * (null in offers made before it was kept: the same).
 * <p>
 * An aggregate: each change is a method that asks {@link OfferLifecycle#TABLE} and answers the offer as it is then,
 * with the events that report the change. Nothing here touches a database.
 */
public record Offer(String id, String requestId, String region, String locationId, String providerId, String careType,
                    int rank, String explanation, OfferStatus status, String reason, Instant respondBy,
                    Instant createdAt, Instant offeredAt, Instant answeredAt, LocalDate firstNight, Integer nights,
                    int protectedNightsReleased, int protectedNightsOverridden, String declineCode,
                    String locationRegion) {

    /** Why an offer is withdrawn when the coordinator offers the bed of another location instead. */
    public static final String CHOSEN_ELSEWHERE = "COORDINATOR_CHOSE_ANOTHER_LOCATION";
    /** Why an offer is withdrawn when the coordinator changes the request's care type (re-triage). */
    public static final String CARE_TYPE_CHANGED = "CARE_TYPE_CHANGED";
    static final String NO_ANSWER = "NO_ANSWER";
    static final String HOLD_NOT_ANSWERED = "HOLD_NOT_ANSWERED";
    static final String REQUEST_CANCELLED = "REQUEST_CANCELLED";

    /** The offer's first step: bed-availability is asked to hold the candidate's bed (or nights) for the request. */
    public static Changed<Offer> requestHold(String id, MatchingRequest request, RankedCandidate candidate,
                                             Instant now) {
        Offer offer = new Offer(id, request.id(), request.region(), candidate.locationId(), candidate.providerId(),
                request.careType(), candidate.rank(), candidate.explanation(), OfferStatus.HOLD_REQUESTED, null, null,
                now, null, null, candidate.firstNight(), candidate.nights(), 0, 0, null,
                candidate.region() == null ? request.region() : candidate.region());
        return Changed.of(offer, new HoldRequested(id, request.id(), request.region(), candidate.locationId(),
                request.careType(), request.urgency().name(), candidate.firstNight(), candidate.nights(),
                request.planning().protectionOverride(), now));
    }

    /** Whether the table allows {@code command} now (a late or repeated message is then simply ignored). */
    public boolean can(OfferCommand command) {
        return OfferLifecycle.TABLE.allows(status, command);
    }

    /** Open, and its response deadline has passed. */
    public boolean overdue(Instant now) {
        return status == OfferStatus.OPEN && respondBy.isBefore(now);
    }

    /**
     * The bed is held: offered to the provider, to be answered within {@code responseTime}; the event says whether a
     * handover is there to read first (never what it holds).
     */
    public Changed<Offer> held(Duration responseTime, int protectedReleased, int protectedOverridden,
                               MatchingRequest request, boolean handoverAvailable, Instant now) {
        OfferStatus next = OfferLifecycle.TABLE.next(status, OfferCommand.BED_HELD);
        Offer open = new Offer(id, requestId, region, locationId, providerId, careType, rank, explanation, next,
                reason, now.plus(responseTime), createdAt, now, answeredAt, firstNight, nights, protectedReleased,
                protectedOverridden, declineCode, locationRegion);
        return Changed.of(open, new OfferMade(id, requestId, region, locationId, providerId, careType,
                request.urgency().name(), request.needs(), rank, explanation, open.respondBy(), now,
                regionOfLocation(), handoverAvailable));
    }

    /** Bed-availability could not hold the bed; the cycle moves to the next candidate (no event of its own). */
    public Changed<Offer> holdRefused(String why) {
        return Changed.of(moved(OfferCommand.REFUSE_HOLD, why, answeredAt));
    }

    /** Bed-availability never answered: withdrawn, so that a late hold is released again. */
    public Changed<Offer> withdrawUnansweredHold(Instant now) {
        return withdrawn(OfferCommand.WITHDRAW_UNANSWERED_HOLD, HOLD_NOT_ANSWERED, now);
    }

    /**
     * The provider accepts, expecting the patient at {@code expectedAdmissionAt}: refused once the deadline has
     * passed or when the offer is no longer open. The request's side is {@link MatchingRequest#accept}.
     */
    public Changed<Offer> accept(Instant expectedAdmissionAt, Instant now) {
        requireAnswerable(OfferCommand.ACCEPT);
        Offer accepted = moved(OfferCommand.ACCEPT, reason, now);
        return Changed.of(accepted, new OfferAccepted(id, requestId, region, locationId, providerId, careType,
                expectedAdmissionAt, now, regionOfLocation()));
    }

    /** Refuses an answer to an offer whose response deadline has passed. */
    void requireNotOverdue(Instant now) {
        if (overdue(now)) {
            throw DomainException.conflict("Offer expired",
                    "The response deadline of offer " + id + " passed at " + respondBy);
        }
    }

    /**
     * The provider declines, with a code (OTHER when none is given): the offer's reason and the event carry only
     * the code; anything the provider wrote with it is a {@link RequestNote}.
     */
    public Changed<Offer> decline(DeclineReason code, Instant now) {
        requireAnswerable(OfferCommand.DECLINE);
        DeclineReason reasonCode = code == null ? DeclineReason.OTHER : code;
        Offer declined = new Offer(id, requestId, region, locationId, providerId, careType, rank, explanation,
                OfferLifecycle.TABLE.next(status, OfferCommand.DECLINE), reasonCode.name(), respondBy, createdAt,
                offeredAt, now, firstNight, nights, protectedNightsReleased, protectedNightsOverridden,
                reasonCode.name(), locationRegion);
        return Changed.of(declined, new OfferDeclined(id, requestId, region, locationId, providerId, careType,
                reasonCode.name(), now));
    }

    /** Nobody answered before the deadline. */
    public Changed<Offer> expire(Instant now) {
        Offer expired = moved(OfferCommand.EXPIRE, NO_ANSWER, now);
        return Changed.of(expired, new OfferExpired(id, requestId, region, locationId, providerId, careType, now));
    }

    /** Gives way to another location: the coordinator offers that one by hand. */
    public Changed<Offer> withdrawForAnotherLocation(Instant now) {
        return withdrawn(OfferCommand.WITHDRAW, CHOSEN_ELSEWHERE, now);
    }

    /** The coordinator changed the request's care type: the hold is released, the request matched again. */
    public Changed<Offer> withdrawForCareTypeChange(Instant now) {
        return withdrawn(OfferCommand.WITHDRAW, CARE_TYPE_CHANGED, now);
    }

    /** The request was cancelled: the hold (or the accepted bed) is released by bed-availability. */
    public Changed<Offer> withdrawForCancelledRequest(Instant now) {
        return withdrawn(OfferCommand.WITHDRAW_FOR_CANCELLED_REQUEST, REQUEST_CANCELLED, now);
    }

    private Changed<Offer> withdrawn(OfferCommand command, String why, Instant now) {
        Offer withdrawn = moved(command, why, answeredAt);
        return Changed.of(withdrawn, new OfferWithdrawn(id, requestId, region, locationId, providerId, careType, why,
                now));
    }

    private void requireAnswerable(OfferCommand command) {
        if (!can(command)) {
            throw DomainException.conflict("Offer not open",
                    "Offer " + id + " is " + status + " and can no longer be answered");
        }
    }

    /** The offer in the status the table gives for {@code command}; a null reason keeps the one it had. */
    private Offer moved(OfferCommand command, String why, Instant answered) {
        OfferStatus next = OfferLifecycle.TABLE.next(status, command);
        return new Offer(id, requestId, region, locationId, providerId, careType, rank, explanation, next,
                why != null ? why : reason, respondBy, createdAt, offeredAt, answered, firstNight, nights,
                protectedNightsReleased, protectedNightsOverridden, declineCode, locationRegion);
    }

    /** The location's region as far as known: its own, or for offers made before that was kept, the request's. */
    public String regionOfLocation() {
        return locationRegion == null ? region : locationRegion;
    }

    /** Made to a location of a neighbour region: the request's own region had no candidate. */
    public boolean outsideRegion() {
        return !regionOfLocation().equals(region);
    }
}
