package nl.adempauze.requestmatching.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.adempauze.contracts.Nights;
import nl.adempauze.contracts.events.CareTypeChanged;
import nl.adempauze.contracts.events.ProtectionOverridden;
import nl.adempauze.contracts.events.RequestCancelled;
import nl.adempauze.contracts.events.RequestEscalated;
import nl.adempauze.contracts.events.RequestMatched;
import nl.adempauze.contracts.events.RequestSubmitted;
import nl.adempauze.contracts.events.RequestWaitlisted;
import nl.adempauze.contracts.events.StayBooked;
import nl.adempauze.contracts.events.StayReminderIssued;
import nl.adempauze.contracts.events.WaitingPriorityRaised;
import nl.adempauze.platform.domain.Changed;
import nl.adempauze.platform.domain.DomainException;

/**
 * A referrer's request for a bed; it belongs to the {@code referrerOrganisation} that follows it (null when a
 * coordinator took it without naming one). Whom to call back and who the patient is are not part of it: they are
 * read only when shown.
 * <p>
 * An aggregate: each change is a method that asks {@link RequestLifecycle#TABLE} and answers the request as it is
 * then, with the events that report the change. Nothing here touches a database.
 */
public record MatchingRequest(String id, String region, String careType, Urgency urgency, List<String> needs,
                              String postcode, String municipality, double latitude, double longitude, String funder,
                              Instant neededBy, RequestStatus status, String matchedOfferId,
                              Instant expectedAdmissionAt, String cancelReason, Instant submittedAt, Instant updatedAt,
                              Planning planning, String referrerOrganisation) {

    /** How far ahead a provider may plan an admission; beyond that it is a typo, not a plan. */
    private static final Duration ADMISSION_HORIZON = Duration.ofDays(366);

    /**
     * The calendar side of a request: the planned stay wanted (null for crisis), the number of nights (a crisis
     * stay's expected length), its series, waiting-list standing and the coordinator's decisions.
     * {@code roundStartedAt}: hold refusals before it do not rule a location out (capacity may have appeared since).
     */
    public record Planning(Stay stay, Integer nights, String seriesId, int priority, boolean protectionOverride,
                           Instant roundStartedAt, Instant waitingSince, Instant bookedAt) {

        public static Planning none(Instant submittedAt) {
            return new Planning(null, null, null, 0, false, submittedAt, null, null);
        }

        Planning withRound(Instant startedAt, boolean override) {
            return new Planning(stay, nights, seriesId, priority, override, startedAt, waitingSince, bookedAt);
        }

        Planning withPriority(int raised) {
            return new Planning(stay, nights, seriesId, raised, protectionOverride, roundStartedAt, waitingSince,
                    bookedAt);
        }

        /** The first time it waited is kept, so its place in line is kept too. */
        Planning waitingFrom(Instant now) {
            return new Planning(stay, nights, seriesId, priority, protectionOverride, roundStartedAt,
                    waitingSince != null ? waitingSince : now, bookedAt);
        }

        Planning booked(Instant at) {
            return new Planning(stay, nights, seriesId, priority, protectionOverride, roundStartedAt, waitingSince, at);
        }
    }

    public MatchProfile profile() {
        return new MatchProfile(careType, urgency, Set.copyOf(needs), latitude, longitude, funder);
    }

    public MatchProfile profile(boolean contractRequired) {
        return new MatchProfile(careType, urgency, Set.copyOf(needs), latitude, longitude, funder, contractRequired);
    }

    /** Whether the table allows {@code command} now. */
    public boolean can(RequestCommand command) {
        return RequestLifecycle.TABLE.allows(status, command);
    }

    /** The night a planned stay is wanted from: its first night, or the earliest of its options. */
    private LocalDate wantedFirstNight() {
        Stay stay = planning.stay();
        return stay == null ? null : stay.firstNight() != null ? stay.firstNight() : stay.earliestFirstNight();
    }

    // --- submission and matching

    /** A request just submitted (status SUBMITTED), announced to the other services. */
    public Changed<MatchingRequest> submitted(Instant now) {
        if (status != RequestStatus.SUBMITTED) {
            throw new IllegalStateException("Request " + id + " is " + status + ", not newly submitted");
        }
        return Changed.of(this, new RequestSubmitted(id, region, careType, urgency.name(), needs, municipality,
                funder, neededBy, wantedFirstNight(), planning.nights(), planning.seriesId(), now,
                referrerOrganisation));
    }

    /** A hold was requested for the request's best candidate (the hold's event is the offer's). */
    public Changed<MatchingRequest> holdRequested(Instant now) {
        return Changed.of(moved(RequestCommand.REQUEST_HOLD, now));
    }

    /** The held bed was offered to its provider (the offer's event says so). */
    public Changed<MatchingRequest> offered(Instant now) {
        return Changed.of(moved(RequestCommand.OFFER, now));
    }

    /** A bed appeared for a waiting request: a new round, in which earlier refusals no longer count. */
    public Changed<MatchingRequest> rematch(Instant now) {
        RequestLifecycle.TABLE.next(status, RequestCommand.REMATCH);
        return Changed.of(copy(status, updatedAt, planning.withRound(now, planning.protectionOverride())));
    }

    /**
     * The search found no candidate: a planned request waits on the waiting list (or, when its dates have all begun,
     * goes to the coordinator), a crisis request escalates. {@code tried}: locations tried before;
     * {@code protectedOnly}: locations with only protected nights free.
     */
    public Changed<MatchingRequest> noCandidate(int tried, int protectedOnly, boolean windowPassed, Instant now) {
        if (urgency == Urgency.PLANNED) {
            if (windowPassed) {
                return windowPassed(now);
            }
            return waitlist("No location has a free " + careType + " bed on every night of the stay"
                    + (tried > 0 ? "; " + tried + " location(s) already tried" : ""), now);
        }
        String detail = "No open location with a free " + careType + " bed meets the needs; " + tried
                + " location(s) already tried";
        if (protectedOnly > 0) {
            detail += "; " + protectedOnly + " location(s) have only nights protected for planned respite:"
                    + " a coordinator may override the protection";
            return escalate("NO_CANDIDATE", detail, EscalationDetailCode.NO_CANDIDATE_ONLY_PROTECTED,
                    values("careType", careType, "tried", tried, "protectedOnly", protectedOnly), now);
        }
        return escalate("NO_CANDIDATE", detail, EscalationDetailCode.NO_CANDIDATE,
                values("careType", careType, "tried", tried), now);
    }

    /** Puts a planned request on the waiting list; announced once, the first time it waits. */
    public Changed<MatchingRequest> waitlist(String reason, Instant now) {
        MatchingRequest waiting = moved(RequestCommand.WAITLIST, now, planning.waitingFrom(now));
        Stay stay = planning.stay();
        if (planning.waitingSince() != null || stay == null) {
            return Changed.of(waiting);
        }
        return Changed.of(waiting, new RequestWaitlisted(id, region, careType, wantedFirstNight(), stay.nights(),
                reason, now));
    }

    /** The last night a waiting stay could begin on has begun: it leaves the waiting list for the coordinator. */
    public Changed<MatchingRequest> windowPassed(Instant now) {
        LocalDate latestFirstNight = planning.stay().latestFirstNight();
        return escalate("STAY_WINDOW_PASSED", "No bed was found before the last possible first night "
                + latestFirstNight, EscalationDetailCode.STAY_WINDOW_PASSED,
                values("latestFirstNight", latestFirstNight), now);
    }

    private Changed<MatchingRequest> escalate(String reason, String detail, EscalationDetailCode code,
            Map<String, Object> values, Instant now) {
        return escalate(reason, detail, code, values, RequestCommand.ESCALATE, now);
    }

    private Changed<MatchingRequest> escalate(String reason, String detail, EscalationDetailCode code,
            Map<String, Object> values, RequestCommand command, Instant now) {
        return Changed.of(moved(command, now), escalated(reason, detail, code, values, now));
    }

    private RequestEscalated escalated(String reason, String detail, EscalationDetailCode code,
            Map<String, Object> values, Instant now) {
        return new RequestEscalated(id, region, careType, urgency.name(), reason, detail, code.name(), values, now);
    }

    /**
     * Detail values as name, value, name, value, ... (kept in that order); numbers stay numbers, dates and moments
     * become ISO text, an unknown value is left out.
     */
    private static Map<String, Object> values(Object... keysAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            if (value != null) {
                values.put((String) keysAndValues[i], value instanceof Number ? value : value.toString());
            }
        }
        return Collections.unmodifiableMap(values);
    }

    // --- the crisis queue

    /**
     * Whether the request, now escalated, waits in the region's crisis queue: a crisis request that found no
     * candidate and whose admission deadline has not passed.
     */
    public boolean joinsCrisisQueue(Instant now) {
        return urgency == Urgency.CRISIS && status == RequestStatus.ESCALATED
                && (neededBy == null || neededBy.isAfter(now));
    }

    /** Something fitting appeared for the queued request: a new round, in which earlier refusals no longer count. */
    public Changed<MatchingRequest> retryFromQueue(Instant now) {
        RequestLifecycle.TABLE.next(status, RequestCommand.RETRY_FROM_QUEUE);
        return Changed.of(copy(status, updatedAt, planning.withRound(now, planning.protectionOverride())));
    }

    /** A coordinator pauses the queue's re-matching of this request; refused unless it waits in the queue. */
    public CrisisQueueEntry pauseQueue(CrisisQueueEntry entry, String reason) {
        if (reason == null || reason.isBlank()) {
            throw DomainException.invalidField("reason", "reason is required");
        }
        requireQueued(entry, RequestCommand.PAUSE_QUEUE);
        if (entry.paused()) {
            throw DomainException.conflict("Queue already paused", "The crisis queue is already paused for request "
                    + id + ": " + entry.pausedReason());
        }
        return entry.pausedFor(reason);
    }

    /** A coordinator lets the queue re-match this request again; refused unless it is paused in the queue. */
    public CrisisQueueEntry resumeQueue(CrisisQueueEntry entry) {
        requireQueued(entry, RequestCommand.RESUME_QUEUE);
        if (!entry.paused()) {
            throw DomainException.conflict("Queue not paused", "The crisis queue is not paused for request " + id);
        }
        return entry.resumed();
    }

    private void requireQueued(CrisisQueueEntry entry, RequestCommand command) {
        if (!can(command) || entry == null || !entry.inQueue()) {
            throw DomainException.conflict("Request not queued", "Request " + id + " is " + status
                    + " and not in the crisis queue; only a crisis request escalated for lack of a candidate is");
        }
    }

    /** The queued request's admission deadline passed without a bed: it leaves the queue, the coordinator is told. */
    public Changed<CrisisQueueEntry> leaveQueue(CrisisQueueEntry entry, Instant now) {
        RequestLifecycle.TABLE.next(status, RequestCommand.LEAVE_QUEUE);
        long minutesInQueue = entry.minutesInQueue(now);
        return Changed.of(entry.left(now), escalated("QUEUE_DEADLINE_PASSED", "Needed by " + neededBy
                + "; no fitting bed appeared in " + minutesInQueue + " minute(s) in the crisis queue,"
                + " which no longer looks for one", EscalationDetailCode.QUEUE_DEADLINE_PASSED,
                values("neededBy", neededBy, "minutesInQueue", minutesInQueue), now));
    }

    // --- answers and the patient's stay

    /** An accepted offer, and the request it matched or booked; what {@link #accept} answers. */
    public record Acceptance(MatchingRequest request, Offer offer) {
    }

    /**
     * The provider accepts {@code offer}: a planned stay is booked, anything else matched. The patient is expected
     * at {@code expectedAdmissionAt} if given (between an hour ago and a year ahead), else {@code admissionDelay}
     * after the stay's first night begins (planned) or after now. Refused when the offer's deadline has passed or
     * it is no longer open.
     */
    public Changed<Acceptance> accept(Offer offer, Instant expectedAdmissionAt, Duration admissionDelay, Instant now) {
        offer.requireNotOverdue(now);
        if (expectedAdmissionAt != null && (expectedAdmissionAt.isBefore(now.minus(Duration.ofHours(1)))
                || expectedAdmissionAt.isAfter(now.plus(ADMISSION_HORIZON)))) {
            throw DomainException.invalidField("expectedAdmissionAt",
                    "expectedAdmissionAt must lie between now and one year ahead");
        }
        boolean plannedStay = urgency == Urgency.PLANNED && offer.firstNight() != null;
        // a planned stay begins on its first night; a crisis admission soon after acceptance
        Instant expected = expectedAdmissionAt != null ? expectedAdmissionAt
                : (plannedStay ? Nights.startOf(offer.firstNight()) : now).plus(admissionDelay);
        Changed<Offer> accepted = offer.accept(expected, now);
        if (plannedStay) {
            MatchingRequest booked = moved(RequestCommand.BOOK, now, planning.booked(now)).matchedTo(offer, expected);
            return Changed.of(new Acceptance(booked, accepted.aggregate()), accepted.events().get(0),
                    new StayBooked(id, offer.id(), region, offer.locationId(), offer.providerId(), offer.careType(),
                            offer.firstNight(), offer.nights(), now));
        }
        MatchingRequest matched = moved(RequestCommand.MATCH, now).matchedTo(offer, expected);
        return Changed.of(new Acceptance(matched, accepted.aggregate()), accepted.events().get(0),
                new RequestMatched(id, offer.id(), region, offer.locationId(), offer.providerId(), offer.careType(),
                        expected, now));
    }

    private MatchingRequest matchedTo(Offer offer, Instant expected) {
        return new MatchingRequest(id, region, careType, urgency, needs, postcode, municipality, latitude, longitude,
                funder, neededBy, status, offer.id(), expected, cancelReason, submittedAt, updatedAt, planning,
                referrerOrganisation);
    }

    /** The provider confirmed the patient arrived (bed-availability announced it). */
    public Changed<MatchingRequest> admitted(Instant now) {
        return Changed.of(moved(RequestCommand.ADMIT, now));
    }

    /** The patient left the bed (bed-availability announced it). */
    public Changed<MatchingRequest> discharged(Instant now) {
        return Changed.of(moved(RequestCommand.DISCHARGE, now));
    }

    /**
     * Cancels the request until the patient is admitted; the offers are withdrawn by {@link Offer}. The reason is a
     * code (OTHER when none is given): anything written with it is a {@link RequestNote}, never in the event.
     */
    public Changed<MatchingRequest> cancel(CancelReason reason, Instant now) {
        if (!can(RequestCommand.CANCEL)) {
            throw DomainException.conflict("Request cannot be cancelled", "The patient of request " + id
                    + " is already " + status + "; the provider records discharge");
        }
        String why = (reason == null ? CancelReason.OTHER : reason).name();
        MatchingRequest cancelled = moved(RequestCommand.CANCEL, now);
        cancelled = new MatchingRequest(id, region, careType, urgency, needs, postcode, municipality, latitude,
                longitude, funder, neededBy, cancelled.status(), matchedOfferId, expectedAdmissionAt, why, submittedAt,
                now, planning, referrerOrganisation);
        return Changed.of(cancelled, new RequestCancelled(id, region, why, now));
    }

    // --- the coordinator's decisions

    /**
     * Lets a crisis request take nights protected for planned respite, while it looks for a bed, when its care
     * type ({@code rule}, null if unknown) protects nights at all. Starts a new round: locations refused for
     * protection before are tried again.
     */
    public Changed<MatchingRequest> overrideProtection(CareTypeRule rule, OverrideReason reason, Instant now) {
        if (urgency != Urgency.CRISIS) {
            throw DomainException.conflict("Not a crisis request", "Only a crisis request can be"
                    + " allowed to take nights protected for planned respite");
        }
        if (!can(RequestCommand.OVERRIDE_PROTECTION)) {
            throw DomainException.conflict("Request not open", "Request " + id + " is " + status
                    + "; protection can only be overridden while it looks for a bed");
        }
        if (rule == null || !rule.onCalendar() || rule.protection() == null) {
            throw DomainException.conflict("No protection applies", "Care type " + careType
                    + " has no beds protected for planned respite in region " + region);
        }
        MatchingRequest overridden = moved(RequestCommand.OVERRIDE_PROTECTION, now, planning.withRound(now, true));
        return Changed.of(overridden, new ProtectionOverridden(id, region, careType,
                reason.name(), now));
    }

    /** Moves a waiting request up the waiting list (see {@link WaitingListOrder}). */
    public Changed<MatchingRequest> raisePriority(PriorityReason reason, Instant now) {
        if (!can(RequestCommand.RAISE_PRIORITY)) {
            throw DomainException.conflict("Request not waiting", "Request " + id + " is " + status
                    + "; only a request on the waiting list can be moved up");
        }
        Planning raised = planning.withPriority(planning.priority() + 1);
        return Changed.of(moved(RequestCommand.RAISE_PRIORITY, now, raised), new WaitingPriorityRaised(id, region,
                careType, raised.priority(), reason.name(), now));
    }

    /**
     * Submitted without a care type and the triage did not settle one ({@code ruleId}: the rule that said so, null
     * when none did): the request awaits the region's coordinator, who is told.
     */
    public Changed<MatchingRequest> awaitTriage(String ruleId, Instant now) {
        if (careType != null) {
            throw new IllegalStateException("Request " + id + " has care type " + careType);
        }
        return escalate("TRIAGE_NEEDED", "Submitted without a care type; the triage did not settle one: the"
                + " coordinator sets it", EscalationDetailCode.TRIAGE_NEEDED, values("ruleId", ruleId),
                RequestCommand.AWAIT_TRIAGE, now);
    }

    /**
     * A coordinator sets the care type of a request awaiting triage, or changes it while the request looks for a bed
     * (re-triage): it is matched afresh with {@code rule}'s care type (earlier refusals no longer count, a protection
     * override no longer applies). Without a stated time, a crisis request is then needed within the care type's
     * admission deadline. The caller withdraws an offer in flight.
     */
    public Changed<MatchingRequest> setCareType(CareTypeRule rule, Instant now) {
        if (!can(RequestCommand.SET_CARE_TYPE)) {
            throw DomainException.conflict("Request not open", "Request " + id + " is " + status
                    + "; its care type can only be set while it looks for a bed");
        }
        if (rule.code().equals(careType)) {
            throw DomainException.invalidField("careType", "Request " + id + " already has care type " + careType);
        }
        Instant needed = neededBy != null || urgency != Urgency.CRISIS ? neededBy : now.plus(rule.admissionDeadline());
        MatchingRequest changed = new MatchingRequest(id, region, rule.code(), urgency, needs, postcode, municipality,
                latitude, longitude, funder, needed, RequestLifecycle.TABLE.next(status, RequestCommand.SET_CARE_TYPE),
                matchedOfferId, expectedAdmissionAt, cancelReason, submittedAt, now, planning.withRound(now, false),
                referrerOrganisation);
        return Changed.of(changed, new CareTypeChanged(id, region, rule.code(), careType, now));
    }

    /** Refuses matching by hand unless the request still looks for a bed; the hold itself is {@link #holdRequested}. */
    public void requireOfferByHand() {
        if (!can(RequestCommand.OFFER_BY_HAND)) {
            throw DomainException.conflict("Request not open", "Request " + id + " is " + status
                    + "; a bed can only be offered by hand while it looks for one");
        }
    }

    // --- the clocks' alerts: they go to the coordinator and leave the status as it is

    /** Its offer was not answered in time; said whatever the request's status (the offer itself expires). */
    public Changed<MatchingRequest> offerExpired(Offer offer, Instant now) {
        return Changed.of(this, escalated("OFFER_EXPIRED", "Offer to " + offer.locationId()
                + " was not answered before " + offer.respondBy(), EscalationDetailCode.OFFER_EXPIRED,
                values("locationId", offer.locationId(), "respondBy", offer.respondBy()), now));
    }

    /** The admission deadline is near and no bed is matched or booked. */
    public Changed<MatchingRequest> deadlineAtRisk(Instant now) {
        RequestLifecycle.TABLE.next(status, RequestCommand.WARN_DEADLINE);
        if (urgency == Urgency.PLANNED) {
            LocalDate latestFirstNight = planning.stay().latestFirstNight();
            return Changed.of(this, escalated("DEADLINE_AT_RISK", "The stay must begin by " + latestFirstNight
                    + " and no bed is booked yet", EscalationDetailCode.STAY_DEADLINE_AT_RISK,
                    values("latestFirstNight", latestFirstNight), now));
        }
        return Changed.of(this, escalated("DEADLINE_AT_RISK", "Needed by " + neededBy + " and not yet matched",
                EscalationDetailCode.DEADLINE_AT_RISK, values("neededBy", neededBy), now));
    }

    /** A booked stay (on {@code offer}) begins soon. */
    public Changed<MatchingRequest> remind(Offer offer, Instant now) {
        RequestLifecycle.TABLE.next(status, RequestCommand.REMIND);
        return Changed.of(this, new StayReminderIssued(id, offer.id(), region, offer.locationId(),
                offer.providerId(), offer.careType(), offer.firstNight(), offer.nights(), now));
    }

    /** An admitted crisis stay in a calendar bed (on {@code offer}) is about to outlast its held nights. */
    public Changed<MatchingRequest> overrunning(Offer offer, Instant now) {
        RequestLifecycle.TABLE.next(status, RequestCommand.WARN_OVERRUN);
        LocalDate lastNight = offer.firstNight().plusDays(offer.nights() - 1L);
        return Changed.of(this, escalated("STAY_OVERRUN", "The crisis stay at " + offer.locationId()
                + " holds its bed until the night of " + lastNight
                + "; the bed may be booked for planned respite after that: discharge, or arrange a follow-up place",
                EscalationDetailCode.STAY_OVERRUN, values("locationId", offer.locationId(), "lastNight", lastNight),
                now));
    }

    private MatchingRequest moved(RequestCommand command, Instant now) {
        return moved(command, now, planning);
    }

    /** The request in the status the table gives for {@code command}, changed at {@code now}. */
    private MatchingRequest moved(RequestCommand command, Instant now, Planning changedPlanning) {
        return copy(RequestLifecycle.TABLE.next(status, command), now, changedPlanning);
    }

    private MatchingRequest copy(RequestStatus newStatus, Instant changedAt, Planning changedPlanning) {
        return new MatchingRequest(id, region, careType, urgency, needs, postcode, municipality, latitude, longitude,
                funder, neededBy, newStatus, matchedOfferId, expectedAdmissionAt, cancelReason, submittedAt,
                changedAt, changedPlanning, referrerOrganisation);
    }
}
