package nl.adempauze.requestmatching.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import nl.adempauze.requestmatching.domain.MatchingRequest;
import nl.adempauze.requestmatching.domain.RegionEscalation;
import nl.adempauze.requestmatching.domain.RequestDetails;
import nl.adempauze.requestmatching.domain.RequestStatus;
import nl.adempauze.requestmatching.domain.RequestTriage;
import nl.adempauze.requestmatching.domain.WaitingListOrder;
import nl.adempauze.requestmatching.persistence.RequestQueries;
import nl.adempauze.requestmatching.persistence.TriageRecords;
import nl.adempauze.requestmatching.persistence.RequestRepository;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What the views of requests read: one request, the lists, a request's details and a region's escalations. */
@Service
public class RequestReading {

    private final RequestRepository requests;
    private final RequestQueries queries;
    private final WaitingList waitingList;
    private final TriageRecords triageRecords;

    RequestReading(RequestRepository requests, RequestQueries queries, WaitingList waitingList,
                   TriageRecords triageRecords) {
        this.triageRecords = triageRecords;
        this.requests = requests;
        this.queries = queries;
        this.waitingList = waitingList;
    }

    public Mono<MatchingRequest> find(String id) {
        return requests.find(id);
    }

    /** A referrer organisation's requests in {@code statuses}, newest first. */
    public Flux<MatchingRequest> ofReferrerOrganisation(String organisation, Collection<RequestStatus> statuses) {
        return queries.ofReferrerOrganisation(organisation, statuses);
    }

    /** A region's requests in {@code statuses}, newest first. */
    public Flux<MatchingRequest> inRegion(String region, Collection<RequestStatus> statuses) {
        return queries.inRegion(region, statuses);
    }

    /** Everything the view of one request shows; while it waits, with its place on the waiting list. */
    public Mono<RequestDetails> details(MatchingRequest request) {
        Mono<RequestDetails> details = queries.details(request);
        if (request.status() != RequestStatus.WAITING) {
            return details;
        }
        return details.zipWith(waitingList.inOrder(request.region(), request.careType()), (read, line) ->
                read.withWaitingPosition(1 + line.stream().map(WaitingListOrder.Entry::requestId).toList()
                        .indexOf(request.id())));
    }

    /** The triage that came with the request (answers, suggestion, choice); empty when none did. */
    public Mono<RequestTriage> triage(String requestId) {
        return triageRecords.find(requestId);
    }

    /** A region's escalations since {@code since}, newest first. */
    public Mono<List<RegionEscalation>> escalations(String region, Instant since) {
        return queries.escalationsInRegion(region, since).collectList();
    }
}
