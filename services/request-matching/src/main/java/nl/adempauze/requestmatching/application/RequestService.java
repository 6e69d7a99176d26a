package nl.adempauze.requestmatching.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.adempauze.contracts.Nights;
import nl.adempauze.platform.domain.DomainException;
import nl.adempauze.requestmatching.MatchingSettings;
import nl.adempauze.requestmatching.domain.Actor;
import nl.adempauze.requestmatching.domain.CareTypeRule;
import nl.adempauze.requestmatching.domain.Contact;
import nl.adempauze.requestmatching.domain.Handover;
import nl.adempauze.requestmatching.domain.MatchingRequest;
import nl.adempauze.requestmatching.domain.PatientDetails;
import nl.adempauze.requestmatching.domain.RequestStatus;
import nl.adempauze.requestmatching.domain.RequestTriage;
import nl.adempauze.requestmatching.domain.TriageChoice;
import nl.adempauze.requestmatching.domain.Stay;
import nl.adempauze.requestmatching.domain.StayRules;
import nl.adempauze.requestmatching.domain.StayWish;
import nl.adempauze.requestmatching.domain.Urgency;
import nl.adempauze.requestmatching.persistence.ReferenceDataRepository;
import nl.adempauze.requestmatching.persistence.ReferenceDataRepository.Residence;
import nl.adempauze.requestmatching.persistence.RequestRepository;
import nl.adempauze.requestmatching.persistence.TriageRecords;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Accepts a referrer's request: checks it against the region's configuration and the care type's rules, stores it
 * (a recurring stay as one request per occurrence, sharing a series id) and starts the offer cycle in the same
 * transaction, so a request answered 201 already has its hold request (or its place on the waiting list) recorded.
 */
@Service
public class RequestService {

    /**
     * What a referrer submits, after syntactic validation and access checks: for {@code referrerOrganisation}, by
     * {@code submittedBy}, with the patient's identifying details and the handover if given (null otherwise).
     * {@code idempotencyFingerprint}: a digest of what was asked under the idempotency key (null without a key).
     */
    public record Submission(String region, String careType, Urgency urgency, List<String> needs, String postcode,
                             String municipality, String funder, Contact contact, Instant neededBy,
                             StayWish stay, String idempotencyKey, String idempotencyFingerprint,
                             String referrerOrganisation, Actor submittedBy, PatientDetails patient, Handover handover) {

        Submission withCareType(String chosen) {
            return new Submission(region, chosen, urgency, needs, postcode, municipality, funder, contact, neededBy,
                    stay, idempotencyKey, idempotencyFingerprint, referrerOrganisation, submittedBy, patient, handover);
        }
    }

    /** The request, and whether this call created it (false: an earlier call with the same idempotency key did). */
    public record Submitted(MatchingRequest request, boolean created) {
    }

    private static final java.time.Duration NEEDED_BY_HORIZON = java.time.Duration.ofDays(366);

    private final RequestRepository requests;
    private final ReferenceDataRepository reference;
    private final OfferCycle offerCycle;
    private final Changes changes;
    private final TransactionalOperator tx;
    private final MatchingSettings settings;
    private final PatientRecords patients;
    private final HandoverRecords handovers;
    private final TriageAdvisor triage;
    private final TriageRecords triageRecords;
    private final MatchingMetrics metrics;
    private final Clock clock;

    RequestService(RequestRepository requests, ReferenceDataRepository reference, OfferCycle offerCycle,
                   Changes changes, TransactionalOperator tx, MatchingSettings settings, PatientRecords patients,
                   TriageAdvisor triage, TriageRecords triageRecords, MatchingMetrics metrics,
                   HandoverRecords handovers, Clock clock) {
        this.handovers = handovers;
        this.patients = patients;
        this.triage = triage;
        this.triageRecords = triageRecords;
        this.metrics = metrics;
        this.requests = requests;
        this.reference = reference;
        this.offerCycle = offerCycle;
        this.changes = changes;
        this.tx = tx;
        this.settings = settings;
        this.clock = clock;
    }

    public Mono<Submitted> submit(Submission submission) {
        return submit(submission, null);
    }

    /**
     * As {@link #submit(Submission)}, with the referrer's triage answers (null: none). The care type given is the
     * referrer's choice; without one, the triage's suggestion is, or, when the triage did not settle it, the
     * request awaits the coordinator. Advice that this is not temporary stay (e.g. hospital) without a care type
     * chosen is refused on {@code careType}.
     */
    public Mono<Submitted> submit(Submission submission, Map<String, String> triageAnswers) {
        if (submission.idempotencyKey() == null) {
            return timedCreate(submission, triageAnswers).map(request -> new Submitted(request, true));
        }
        return requests.findByIdempotencyKey(submission.idempotencyKey())
                .flatMap(existing -> madeBefore(existing, submission))
                .switchIfEmpty(Mono.defer(() -> timedCreate(submission, triageAnswers)
                        .map(request -> new Submitted(request, true))))
                // two calls with one key at the same moment: the unique index lets one win, the other reads it
                .onErrorResume(org.springframework.dao.DataIntegrityViolationException.class, e -> requests
                        .findByIdempotencyKey(submission.idempotencyKey())
                        .flatMap(existing -> madeBefore(existing, submission)));
    }

    /** The request an earlier call made under this key, if it asked the same; else 409. */
    private Mono<Submitted> madeBefore(MatchingRequest existing, Submission submission) {
        return requests.idempotencyFingerprint(existing.id())
                .filter(stored -> submission.idempotencyFingerprint() != null
                        && !stored.equals(submission.idempotencyFingerprint()))
                .flatMap(different -> Mono.<Submitted>error(DomainException.conflict("Idempotency-Key reused",
                        "This Idempotency-Key was used before for a different request; send a new request with a"
                                + " new key")))
                .switchIfEmpty(Mono.just(new Submitted(existing, false)));
    }

    /** A new request, timed as {@value MatchingMetrics#SUBMISSION} (a repeat with a known key is not). */
    private Mono<MatchingRequest> timedCreate(Submission submission, Map<String, String> triageAnswers) {
        return metrics.submission(submission.urgency(), Mono.defer(() -> triageAnswers == null ? create(submission, null)
                : triage.advise(submission.region(), triageAnswers).flatMap(advice -> {
                    RequestTriage triaged = TriageChoice.of(triageAnswers, advice, blankToNull(submission.careType()));
                    return create(submission.withCareType(triaged.chosenCareType()), triaged);
                })));
    }

    private Mono<MatchingRequest> create(Submission submission, RequestTriage triaged) {
        Instant now = clock.instant();
        Optional<StayRules.Violation> shape = StayWish.shapeViolation(submission.stay(), submission.urgency(),
                submission.neededBy());
        if (shape.isPresent()) {
            return Mono.error(DomainException.invalidField(shape.get().field(), shape.get().message()));
        }
        StayWish wish = submission.stay() == null ? StayWish.NONE : submission.stay();
        for (int i = 0; i < submission.needs().size(); i++) {
            if (!settings.knownNeeds().contains(submission.needs().get(i))) {
                return Mono.error(DomainException.invalidField("needs[" + i + "]", "Unknown need '"
                        + submission.needs().get(i) + "'; known needs are " + settings.knownNeeds()));
            }
        }
        if (submission.neededBy() != null && submission.neededBy().isBefore(now.minusSeconds(60))) {
            return Mono.error(DomainException.invalidField("neededBy", "neededBy lies in the past"));
        }
        if (submission.neededBy() != null && submission.neededBy().isAfter(now.plus(NEEDED_BY_HORIZON))) {
            return Mono.error(DomainException.invalidField("neededBy", "neededBy lies more than a year ahead"));
        }
        List<Stay> occurrences = wish.occurrences(submission.urgency());
        Integer nights = occurrences.isEmpty() ? wish.nights() : Integer.valueOf(occurrences.get(0).nights());
        LocalDate tonight = Nights.nightOf(now);
        Mono<Duration> region = reference.freshnessWindow(submission.region())
                .switchIfEmpty(Mono.error(DomainException.invalidField("region",
                        "Unknown region '" + submission.region() + "'")));
        if (submission.careType() == null) {
            // the triage left the care type to the coordinator: stored now, matched once it is set
            return tx.transactional(region.then(residence(submission)).flatMap(residence -> submitAll(submission,
                    residence, Optional.ofNullable(blankToNull(submission.funder())), null, nights, occurrences, now,
                    triaged)));
        }
        Mono<MatchingRequest> work = region
                .then(reference.careType(submission.region(), submission.careType()))
                .switchIfEmpty(Mono.error(DomainException.invalidField("careType", "Care type '" + submission.careType()
                        + "' is not offered in region " + submission.region())))
                .flatMap(rule -> {
                    for (int i = 0; i < Math.max(1, occurrences.size()); i++) {
                        Stay occurrence = occurrences.isEmpty() ? null : occurrences.get(i);
                        var broken = StayRules.check(rule, submission.urgency(), nights, occurrence, tonight);
                        if (broken.isPresent()) {
                            String field = i > 0 && !broken.get().field().equals("stay.nights")
                                    ? "stay.repeat.times" : broken.get().field();
                            return Mono.error(DomainException.invalidField(field, (i > 0 ? "Occurrence " + (i + 1) + ": "
                                    : "") + broken.get().message()));
                        }
                    }
                    return residence(submission).flatMap(residence -> funder(submission, rule, residence)
                            .flatMap(funder -> submitAll(submission, residence, funder, rule, nights, occurrences,
                                    now, triaged)));
                });
        return tx.transactional(work);
    }

    /** Wmo stays are paid by the resident's municipality: without a stated funder, it is the municipality's. */
    private Mono<java.util.Optional<String>> funder(Submission submission, CareTypeRule rule, Residence residence) {
        String stated = blankToNull(submission.funder());
        if (stated != null || !rule.fundedByMunicipality()) {
            return Mono.just(java.util.Optional.ofNullable(stated));
        }
        return reference.municipalFunder(submission.region(), residence.municipality()).map(java.util.Optional::of)
                .switchIfEmpty(submission.urgency() == Urgency.PLANNED
                        ? Mono.error(DomainException.invalidField("funder", "No Wmo funder is known for municipality "
                                + residence.municipality() + "; name the funder"))
                        : Mono.just(java.util.Optional.empty()));
    }

    private Mono<MatchingRequest> submitAll(Submission submission, Residence residence,
                                            java.util.Optional<String> funder, CareTypeRule rule, Integer nights,
                                            List<Stay> occurrences, Instant now, RequestTriage triaged) {
        String seriesId = occurrences.size() > 1 ? UUID.randomUUID().toString() : null;
        List<MatchingRequest> created = new ArrayList<>();
        if (occurrences.isEmpty()) {
            created.add(newRequest(submission, residence, funder.orElse(null), rule, now,
                    new MatchingRequest.Planning(null, nights, null, 0, false, now, null, null)));
        }
        for (Stay stay : occurrences) {
            created.add(newRequest(submission, residence, funder.orElse(null), rule, now,
                    new MatchingRequest.Planning(stay, stay.nights(), seriesId, 0, false, now, null, null)));
        }
        return Flux.fromIterable(created).index()
                .concatMap(numbered -> submitOne(numbered.getT2(), numbered.getT1() == 0
                        ? submission.idempotencyKey() : null, submission, triaged, now))
                .then(requests.find(created.get(0).id()));
    }

    private Mono<Void> submitOne(MatchingRequest request, String idempotencyKey, Submission submission,
                                 RequestTriage triaged, Instant now) {
        return requests.insert(request, submission.contact(), idempotencyKey,
                        idempotencyKey == null ? null : submission.idempotencyFingerprint(),
                        submission.submittedBy().subject())
                .then(triaged == null ? Mono.empty() : triageRecords.save(request.id(), triaged))
                .then(submission.patient() == null ? Mono.empty()
                        : patients.recordNew(request.id(), submission.patient(), submission.submittedBy()))
                .then(submission.handover() == null ? Mono.empty()
                        : handovers.recordNew(request.id(), submission.handover(), submission.submittedBy()))
                .then(changes.publish(request.submitted(now).events()))
                .then(request.careType() == null
                        ? changes.request(request, request.awaitTriage(triaged.suggestion().ruleId(), now)).then()
                        : offerCycle.offerNext(request));
    }

    private Mono<Residence> residence(Submission submission) {
        if (submission.postcode() != null) {
            String pc4 = submission.postcode().substring(0, 4);
            return reference.byPostcode(submission.region(), pc4)
                    .switchIfEmpty(Mono.error(DomainException.invalidField("residence.postcode", "Postcode area " + pc4
                            + " is not part of region " + submission.region())));
        }
        return reference.byMunicipality(submission.region(), submission.municipality())
                .switchIfEmpty(Mono.error(DomainException.invalidField("residence.municipality", "Municipality '"
                        + submission.municipality() + "' is not part of region " + submission.region())));
    }

    private static MatchingRequest newRequest(Submission submission, Residence residence, String funder,
                                              CareTypeRule rule, Instant now, MatchingRequest.Planning planning) {
        // Without a stated time, a crisis admission is needed within the care type's admission deadline; a planned
        // stay by its last possible first night.
        // (Awaiting triage, without a care type, a crisis request's deadline waits for the coordinator's choice.)
        Instant neededBy = planning.stay() != null ? Nights.startOf(planning.stay().latestFirstNight())
                : submission.neededBy() != null ? submission.neededBy()
                : rule == null ? null : now.plus(rule.admissionDeadline());
        List<String> needs = List.copyOf(submission.needs());
        return new MatchingRequest(UUID.randomUUID().toString(), submission.region(), submission.careType(),
                // only the postcode area is kept with the request: it is all matching needs (the full address, if
                // given, is among the patient's encrypted details)
                submission.urgency(), needs, submission.postcode() == null ? null : submission.postcode().substring(0, 4),
                residence.municipality(), residence.latitude(),
                residence.longitude(), funder, neededBy, RequestStatus.SUBMITTED, null, null,
                null, now, now, planning, submission.referrerOrganisation());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
