package nl.adempauze.requestmatching.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.adempauze.contracts.events.RequestSubmitted;
import nl.adempauze.platform.outbox.Outbox;
import nl.adempauze.platform.web.ApiProblem;
import nl.adempauze.requestmatching.persistence.ReferenceDataRepository;
import nl.adempauze.requestmatching.persistence.ReferenceDataRepository.Residence;
import nl.adempauze.requestmatching.persistence.RequestRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Accepts a referrer's request: checks it against the region's configuration, stores it and starts the offer
 * cycle in the same transaction, so a request answered 201 already has its hold request in the outbox.
 */
@Service
public class RequestService {

    /** What a referrer submits, after syntactic validation. */
    public record Submission(String region, String careType, Urgency urgency, List<String> needs, String postcode,
                             String municipality, String funder, MatchingRequest.Contact contact, Instant neededBy,
                             String idempotencyKey) {
    }

    /** The request, and whether this call created it (false: an earlier call with the same idempotency key did). */
    public record Submitted(MatchingRequest request, boolean created) {
    }

    private static final java.time.Duration NEEDED_BY_HORIZON = java.time.Duration.ofDays(366);

    private final RequestRepository requests;
    private final ReferenceDataRepository reference;
    private final OfferCycle offerCycle;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final MatchingSettings settings;
    private final Clock clock;

    public RequestService(RequestRepository requests, ReferenceDataRepository reference, OfferCycle offerCycle,
                          Outbox outbox, TransactionalOperator tx, MatchingSettings settings, Clock clock) {
        this.requests = requests;
        this.reference = reference;
        this.offerCycle = offerCycle;
        this.outbox = outbox;
        this.tx = tx;
        this.settings = settings;
        this.clock = clock;
    }

    public Mono<Submitted> submit(Submission submission) {
        if (submission.idempotencyKey() == null) {
            return create(submission).map(request -> new Submitted(request, true));
        }
        return requests.findByIdempotencyKey(submission.idempotencyKey())
                .map(existing -> new Submitted(existing, false))
                .switchIfEmpty(Mono.defer(() -> create(submission).map(request -> new Submitted(request, true))))
                // two calls with one key at the same moment: the unique index lets one win, the other reads it
                .onErrorResume(org.springframework.dao.DataIntegrityViolationException.class, e -> requests
                        .findByIdempotencyKey(submission.idempotencyKey()).map(existing -> new Submitted(existing, false)));
    }

    private Mono<MatchingRequest> create(Submission submission) {
        Instant now = clock.instant();
        if (submission.urgency() == Urgency.PLANNED) {
            return Mono.error(ApiProblem.invalidField("urgency",
                    "Planned requests are not accepted yet; only CRISIS requests can be submitted"));
        }
        for (int i = 0; i < submission.needs().size(); i++) {
            if (!settings.knownNeeds().contains(submission.needs().get(i))) {
                return Mono.error(ApiProblem.invalidField("needs[" + i + "]", "Unknown need '"
                        + submission.needs().get(i) + "'; known needs are " + settings.knownNeeds()));
            }
        }
        if (submission.neededBy() != null && submission.neededBy().isBefore(now.minusSeconds(60))) {
            return Mono.error(ApiProblem.invalidField("neededBy", "neededBy lies in the past"));
        }
        if (submission.neededBy() != null && submission.neededBy().isAfter(now.plus(NEEDED_BY_HORIZON))) {
            return Mono.error(ApiProblem.invalidField("neededBy", "neededBy lies more than a year ahead"));
        }
        Mono<MatchingRequest> work = reference.freshnessWindow(submission.region())
                .switchIfEmpty(Mono.error(ApiProblem.invalidField("region",
                        "Unknown region '" + submission.region() + "'")))
                .then(reference.careType(submission.region(), submission.careType()))
                .switchIfEmpty(Mono.error(ApiProblem.invalidField("careType", "Care type '" + submission.careType()
                        + "' is not offered in region " + submission.region())))
                .flatMap(rule -> residence(submission).map(residence -> newRequest(submission, residence, rule, now)))
                .flatMap(request -> requests.insert(request, submission.idempotencyKey())
                        .then(outbox.append(new RequestSubmitted(request.id(), request.region(), request.careType(),
                                request.urgency().name(), request.needs(), request.municipality(), request.funder(),
                                request.neededBy(), now)))
                        .then(offerCycle.offerNext(request))
                        .then(requests.find(request.id())));
        return tx.transactional(work);
    }

    private Mono<Residence> residence(Submission submission) {
        if (submission.postcode() != null) {
            String pc4 = submission.postcode().substring(0, 4);
            return reference.byPostcode(submission.region(), pc4)
                    .switchIfEmpty(Mono.error(ApiProblem.invalidField("residence.postcode", "Postcode area " + pc4
                            + " is not part of region " + submission.region())));
        }
        return reference.byMunicipality(submission.region(), submission.municipality())
                .switchIfEmpty(Mono.error(ApiProblem.invalidField("residence.municipality", "Municipality '"
                        + submission.municipality() + "' is not part of region " + submission.region())));
    }

    private static MatchingRequest newRequest(Submission submission, Residence residence, CareTypeRule rule,
                                              Instant now) {
        // Without a stated time, a crisis admission is needed within the care type's admission deadline.
        Instant neededBy = submission.neededBy() != null ? submission.neededBy() : now.plus(rule.admissionDeadline());
        return new MatchingRequest(UUID.randomUUID().toString(), submission.region(), submission.careType(),
                submission.urgency(), List.copyOf(submission.needs()), submission.postcode(), residence.municipality(),
                residence.latitude(), residence.longitude(), blankToNull(submission.funder()), submission.contact(),
                neededBy, RequestStatus.SUBMITTED, null, null, null, now, now);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
