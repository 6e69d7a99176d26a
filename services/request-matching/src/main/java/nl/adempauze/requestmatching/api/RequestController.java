package nl.adempauze.requestmatching.api;

import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import nl.adempauze.platform.domain.DomainException;
import nl.adempauze.platform.security.Caller;
import nl.adempauze.requestmatching.application.CoordinatorDecisions;
import nl.adempauze.requestmatching.application.PatientRecords;
import nl.adempauze.requestmatching.application.RequestAccess;
import nl.adempauze.requestmatching.application.RequestCancellation;
import nl.adempauze.requestmatching.application.RequestReading;
import nl.adempauze.requestmatching.application.RequestService;
import nl.adempauze.requestmatching.domain.Actor;
import nl.adempauze.requestmatching.domain.AuditAction;
import nl.adempauze.requestmatching.domain.CancelReason;
import nl.adempauze.requestmatching.domain.Contact;
import nl.adempauze.requestmatching.domain.MatchingRequest;
import nl.adempauze.requestmatching.domain.OverrideReason;
import nl.adempauze.requestmatching.domain.PriorityReason;
import nl.adempauze.requestmatching.domain.RequestStatus;
import nl.adempauze.requestmatching.domain.StayWish;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1")
public class RequestController {

    private final RequestService service;
    private final RequestCancellation cancellation;
    private final RequestReading reading;
    private final CoordinatorDecisions decisions;
    private final PatientRecords patients;

    private static final int MAX_REASON = 500;

    private final Clock clock;
    private final RefusedReads refusedReads;

    public RequestController(RequestService service, RequestCancellation cancellation, RequestReading reading,
                             CoordinatorDecisions decisions, PatientRecords patients, Clock clock,
                             RefusedReads refusedReads) {
        this.refusedReads = refusedReads;
        this.clock = clock;
        this.service = service;
        this.cancellation = cancellation;
        this.reading = reading;
        this.decisions = decisions;
        this.patients = patients;
    }

    /**
     * A referrer submits a request for its organisation (a coordinator, for a region of theirs, on behalf of the
     * referrer organisation it names); matching starts at once. With an {@code Idempotency-Key} header a retried POST
     * answers 200 with the request the first call created, instead of creating (and holding a bed for) another; the
     * same key with a different body is refused with 409 (a key reused by mistake must not answer for another). The
     * answer leaves the patient's details out: they were just sent, and reading them back is a read like any other.
     */
    @PostMapping("/requests")
    public Mono<ResponseEntity<RequestView>> submit(@Valid @RequestBody SubmitRequest body,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey, Caller caller) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            return Mono.error(DomainException.invalidField("Idempotency-Key", "Idempotency-Key must be 1 to 200 characters"));
        }
        Access.require(RequestAccess.submit(caller, body.region(), blankToNull(body.referrerOrganisation())),
                "Region", body.region());
        if (body.patient() != null) {
            body.patient().check("patient.");
        }
        if (body.handover() != null) {
            body.handover().check("handover.");
        }
        if (blankToNull(body.careType()) == null && body.triage() == null) {
            return Mono.error(DomainException.invalidField("careType",
                    "careType is required, unless triage answers are given"));
        }
        String referrerOrganisation = caller.coordinates(body.region()) ? blankToNull(body.referrerOrganisation())
                : caller.organisation();
        // a key is the submitter's own: another organisation using the same key gets a request of its own
        String scopedKey = idempotencyKey == null ? null : caller.organisation() + "/" + caller.subject() + "/"
                + idempotencyKey;
        RequestService.Submission submission = new RequestService.Submission(body.region(), blankToNull(body.careType()),
                body.urgency(), Optional.ofNullable(body.needs()).orElse(List.of()),
                blankToNull(body.residence().postcode()), blankToNull(body.residence().municipality()), body.funder(),
                new Contact(body.contact().name(), body.contact().phone(), body.contact().organisation()),
                body.neededBy(), stayWish(body.stay()), scopedKey,
                scopedKey == null ? null : SubmissionFingerprint.of(scopedKey, body), referrerOrganisation,
                Access.actor(caller), body.patient() == null ? null : body.patient().toDetails(), body.handover());
        return service.submit(submission, body.triage() == null ? null : body.triage().answers())
                .flatMap(submitted -> view(submitted.request()).map(view -> submitted.created()
                        ? ResponseEntity.created(URI.create("/api/v1/requests/" + view.id())).body(view)
                        : ResponseEntity.ok().location(URI.create("/api/v1/requests/" + view.id())).body(view)));
    }

    /** "My requests": the caller's referrer organisation's requests, open and recently closed; newest first. */
    @GetMapping("/requests")
    public Mono<List<RequestView>> mine(@RequestParam(required = false) List<RequestStatus> status, Caller caller) {
        Access.require(RequestAccess.listOwn(caller), "Requests", "of " + caller.organisation());
        EnumSet<RequestStatus> statuses = status == null || status.isEmpty() ? EnumSet.allOf(RequestStatus.class)
                : EnumSet.copyOf(status);
        return reading.ofReferrerOrganisation(caller.organisation(), statuses).concatMap(this::view).collectList();
    }

    /**
     * One request; to its referrer organisation and the region's coordinators with the patient's details (audited);
     * to a neighbour region's coordinators, while an offer to a location of theirs is current, without them.
     */
    @GetMapping("/requests/{id}")
    public Mono<RequestView> get(@PathVariable String id, Caller caller) {
        return refusedReads.recorded(AuditAction.PATIENT_DETAILS_READ_REFUSED, id, "GET /api/v1/requests/" + id,
                caller, () -> {
                    Access.require(RequestAccess.mayFollowRequests(caller), "Request", id);
                    return reading.find(id).switchIfEmpty(Mono.error(DomainException.notFound("Request", id)))
                            .flatMap(request -> {
                                RequestAccess.Verdict verdict = RequestAccess.follow(caller, request);
                                return verdict == RequestAccess.Verdict.HIDDEN ? acrossTheBorder(request, caller)
                                        : Access.check(verdict, "Request", id, Mono.defer(() -> view(request).zipWith(
                                                patients.read(id, Access.actor(caller), purpose(caller), true),
                                                (view, shown) -> view.withIdentifyingDetails(shown.callBack(),
                                                        shown.patient(), shown.notes()))));
                            });
                });
    }

    /** The request's view for a neighbour region's coordinator whose location it was offered; else 404. */
    private Mono<RequestView> acrossTheBorder(MatchingRequest request, Caller caller) {
        return reading.details(request).flatMap(details -> Access.check(
                RequestAccess.followAcrossBorder(caller, details.offers()), "Request", request.id(),
                Mono.fromSupplier(() -> RequestView.of(details, clock.instant()))));
    }

    /**
     * Gives or corrects the patient's identifying details (audited, with the reason every change needs); not once the
     * request is closed.
     */
    @PutMapping("/requests/{id}/patient")
    public Mono<ResponseEntity<Void>> changePatient(@PathVariable String id, @Valid @RequestBody PatientBody body,
                                                   @RequestParam(required = false) String reason, Caller caller) {
        body.check("");
        return followed(id, caller)
                .flatMap(request -> reason == null || reason.isBlank()
                        ? Mono.error(DomainException.invalidField("reason", "reason is required: why the patient's "
                                + "details change (it goes on the audit trail)"))
                        : reason.length() > MAX_REASON ? Mono.error(DomainException.invalidField("reason",
                                "reason is at most " + MAX_REASON + " characters"))
                        : RequestStatus.CLOSED.contains(request.status())
                        ? Mono.error(DomainException.conflict("Request closed", "Request " + id + " is "
                                + request.status() + "; its patient's details can no longer be changed"))
                        : patients.change(id, body.toDetails(), Access.actor(caller), reason.strip()))
                .then(Mono.just(ResponseEntity.noContent().build()));
    }

    /** Requests of a region for the coordinator's board; open ones (and those awaiting triage) by default. */
    @GetMapping("/regions/{region}/requests")
    public Mono<List<RequestView>> inRegion(@PathVariable String region,
                                            @RequestParam(required = false) List<RequestStatus> status,
                                            Caller caller) {
        Access.require(RequestAccess.regionBoard(caller, region), "Region", region);
        EnumSet<RequestStatus> statuses = status == null || status.isEmpty()
                ? EnumSet.copyOf(RequestStatus.ON_BOARD)
                : EnumSet.copyOf(status);
        return reading.inRegion(region, statuses).concatMap(this::view).collectList();
    }

    @PostMapping("/requests/{id}/cancel")
    public Mono<RequestView> cancel(@PathVariable String id, @Valid @RequestBody(required = false) CancelBody body,
                                    Caller caller) {
        CodedReason<CancelReason> reason = body == null ? new CodedReason<>(null, null, null) : body.given();
        boolean series = body != null && Boolean.TRUE.equals(body.series());
        return followed(id, caller).flatMap(request -> cancellation.cancel(id, reason.reasonCode(), reason.words(),
                series, Access.actor(caller))).flatMap(this::view);
    }

    private static StayWish stayWish(SubmitRequest.Stay stay) {
        if (stay == null) {
            return null;
        }
        return new StayWish(stay.firstNight(), stay.nights(), stay.flexibleDays(),
                stay.weekendIn() == null ? null : YearMonth.parse(stay.weekendIn()),
                stay.repeat() == null ? null : new StayWish.Repeat(stay.repeat().every(), stay.repeat().times()));
    }

    /** Lets a crisis request take nights protected for planned respite (coordinator, with a reason code). */
    @PostMapping("/requests/{id}/protection-override")
    public Mono<RequestView> overrideProtection(@PathVariable String id,
                                                @Valid @RequestBody CodedReason<OverrideReason> body, Caller caller) {
        return decided(id, caller, actor -> decisions.overrideProtection(id, body.code(OverrideReason.OTHER),
                body.words(), actor));
    }

    /** Moves a waiting planned request up the waiting list (coordinator, with a reason code). */
    @PostMapping("/requests/{id}/priority")
    public Mono<RequestView> raisePriority(@PathVariable String id,
                                           @Valid @RequestBody CodedReason<PriorityReason> body, Caller caller) {
        return decided(id, caller, actor -> decisions.raisePriority(id, body.code(PriorityReason.OTHER),
                body.words(), actor));
    }

    /**
     * Matching by hand (coordinator, with a reason): offers the bed of a location chosen from the request's ranking,
     * withdrawing the offer in flight to another location first.
     */
    @PostMapping("/requests/{id}/manual-offer")
    public Mono<RequestView> offerByHand(@PathVariable String id, @Valid @RequestBody ManualOffer body,
                                        Caller caller) {
        return decided(id, caller).flatMap(request -> decisions.offerByHand(id, body.locationId(), body.reason(),
                Access.actor(caller))).flatMap(this::view);
    }

    /**
     * Sets the care type of a request awaiting triage, or changes it while it looks for a bed (re-triage: the offer
     * in flight is withdrawn); the request is matched (again) with it (coordinator, with a reason).
     */
    @PostMapping("/requests/{id}/care-type")
    public Mono<RequestView> setCareType(@PathVariable String id, @Valid @RequestBody CareTypeBody body,
                                         Caller caller) {
        return decided(id, caller, actor -> decisions.setCareType(id, body.careType(), body.reason(), actor));
    }

    /** Pauses the crisis queue's re-matching of one queued crisis request (coordinator, with a reason). */
    @PostMapping("/requests/{id}/queue/pause")
    public Mono<RequestView> pauseQueue(@PathVariable String id, @Valid @RequestBody DecisionBody body,
                                        Caller caller) {
        return decided(id, caller, actor -> decisions.pauseQueue(id, body.reason(), actor));
    }

    /** Lets the crisis queue re-match a paused request again (coordinator, with a reason). */
    @PostMapping("/requests/{id}/queue/resume")
    public Mono<RequestView> resumeQueue(@PathVariable String id, @Valid @RequestBody DecisionBody body,
                                         Caller caller) {
        return decided(id, caller, actor -> decisions.resumeQueue(id, body.reason(), actor));
    }

    /** A coordinator's decision on a request of their region, answered with the request's view. */
    private Mono<RequestView> decided(String id, Caller caller, Function<Actor, Mono<MatchingRequest>> decision) {
        return decided(id, caller).flatMap(request -> decision.apply(Access.actor(caller))).flatMap(this::view);
    }

    /** The request, if the caller may follow it (its referrer organisation, or a coordinator of its region). */
    private Mono<MatchingRequest> followed(String id, Caller caller) {
        return Access.followed(reading, id, caller);
    }

    /** The request, if the caller coordinates its region. */
    private Mono<MatchingRequest> decided(String id, Caller caller) {
        Access.require(RequestAccess.mayDecide(caller), "Request", id);
        return reading.find(id).switchIfEmpty(Mono.error(DomainException.notFound("Request", id)))
                .flatMap(request -> Access.check(RequestAccess.decide(caller, request), "Request", id,
                        Mono.just(request)));
    }

    private static String purpose(Caller caller) {
        return Access.followerPurpose(caller);
    }


    private Mono<RequestView> view(MatchingRequest request) {
        return reading.details(request)
                .map(details -> RequestView.of(details, clock.instant()).withHandoverAvailable(details.handoverAvailable()))
                .flatMap(this::withTriage);
    }

    private Mono<RequestView> withTriage(RequestView view) {
        return reading.triage(view.id()).map(view::withTriage).defaultIfEmpty(view);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
