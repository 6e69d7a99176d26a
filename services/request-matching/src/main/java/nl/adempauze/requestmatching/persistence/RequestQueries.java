package nl.adempauze.requestmatching.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import nl.adempauze.requestmatching.domain.CoordinatorDecision;
import nl.adempauze.requestmatching.domain.CrisisQueueEntry;
import nl.adempauze.requestmatching.domain.Escalation;
import nl.adempauze.requestmatching.domain.LocationSummary;
import nl.adempauze.requestmatching.domain.MatchingRequest;
import nl.adempauze.requestmatching.domain.Offer;
import nl.adempauze.requestmatching.domain.OfferStatus;
import nl.adempauze.requestmatching.domain.RankedCandidate;
import nl.adempauze.requestmatching.domain.RegionEscalation;
import nl.adempauze.requestmatching.domain.RequestDetails;
import nl.adempauze.requestmatching.domain.RequestStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The read side of requests: the lists a referrer and a coordinator see, and everything one request's view shows. */
@Repository
public class RequestQueries {

    private final DatabaseClient db;
    private final OfferRepository offers;
    private final ReplicaRepository replica;
    private final JsonMapper json;

    public RequestQueries(DatabaseClient db, OfferRepository offers, ReplicaRepository replica, JsonMapper json) {
        this.db = db;
        this.offers = offers;
        this.replica = replica;
        this.json = json;
    }

    /** A referrer organisation's requests in {@code statuses}, newest first. */
    public Flux<MatchingRequest> ofReferrerOrganisation(String organisation, Collection<RequestStatus> statuses) {
        return newestFirst("referrer_organisation", organisation, statuses);
    }

    /**
     * A region's requests in {@code statuses}, newest first, with those of other regions that have a current offer
     * (in flight or accepted) to a location of this region: help across the border shows on both boards.
     */
    public Flux<MatchingRequest> inRegion(String region, Collection<RequestStatus> statuses) {
        return db.sql("SELECT " + RequestRepository.COLUMNS + " FROM request WHERE (region_id = :region "
                        + "OR id IN (SELECT o.request_id FROM offer o WHERE o.location_region = :region "
                        + "AND o.region_id <> :region AND o.status = ANY(:current))) "
                        + "AND status = ANY(:statuses) ORDER BY submitted_at DESC LIMIT 500")
                .bind("region", region)
                .bind("current", Statuses.names(CURRENT_OFFER))
                .bind("statuses", Statuses.names(statuses))
                .map(RequestRepository::toRequest).all();
    }

    /** Offer statuses in which the offer is the request's current one (in flight or accepted). */
    private static final Set<OfferStatus> CURRENT_OFFER = EnumSet.copyOf(
            Arrays.stream(OfferStatus.values()).filter(OfferStatus::current).toList());

    /** The latest 500 requests whose {@code column} (a name from this class, never from a caller) is {@code value}. */
    private Flux<MatchingRequest> newestFirst(String column, String value, Collection<RequestStatus> statuses) {
        return db.sql("SELECT " + RequestRepository.COLUMNS + " FROM request WHERE " + column + " = :value "
                        + "AND status = ANY(:statuses) ORDER BY submitted_at DESC LIMIT 500")
                .bind("value", value)
                .bind("statuses", Statuses.names(statuses))
                .map(RequestRepository::toRequest).all();
    }

    /** What the view of {@code request} shows, but its place on the waiting list (the application orders that). */
    public Mono<RequestDetails> details(MatchingRequest request) {
        Mono<List<String>> series = request.planning().seriesId() == null ? Mono.just(List.of())
                : series(request.planning().seriesId()).collectList();
        return offers.ofRequest(request.id()).collectList().flatMap(history -> Mono.zip(
                        matchedLocation(request, history), rowParts(request.id()), series)
                .map(t -> new RequestDetails(request, history, t.getT1().orElse(null), t.getT2().ranking(),
                        t.getT2().escalations(), t.getT3(), t.getT2().decisions(), null, t.getT2().crisisQueue(),
                        t.getT2().handoverAvailable())));
    }

    /**
     * What the view shows of the request's own rows (ranking, escalations, coordinator decisions, queue entry,
     * whether a handover exists): one read, the lists as JSON arrays.
     */
    private record RowParts(List<RankedCandidate> ranking, List<Escalation> escalations,
                            List<CoordinatorDecision> decisions, CrisisQueueEntry crisisQueue,
                            boolean handoverAvailable) {
    }

    private Mono<RowParts> rowParts(String id) {
        return db.sql("""
                        SELECT r.ranking, q.request_id, q.queued_since, q.paused_reason, q.placed_at, q.left_at,
                               EXISTS (SELECT 1 FROM handover h WHERE h.request_id = r.id) AS handover,
                               (SELECT json_agg(json_build_array(e.reason, e.detail, e.detail_code, e.detail_values,
                                                                 e.escalated_at) ORDER BY e.id)
                                FROM escalation e WHERE e.request_id = r.id) AS escalations,
                               (SELECT json_agg(json_build_array(d.kind, d.reason, d.decided_by, d.location_id,
                                                                 d.decided_at) ORDER BY d.id)
                                FROM coordinator_decision d WHERE d.request_id = r.id) AS decisions
                        FROM request r LEFT JOIN crisis_queue q ON q.request_id = r.id
                        WHERE r.id = :id""")
                .bind("id", id)
                .map((row, meta) -> {
                    String ranking = row.get("ranking", String.class);
                    return new RowParts(ranking == null ? List.of() : RankingJson.read(json, ranking),
                            rows(row.get("escalations", String.class), escalation -> new Escalation(
                                    text(escalation.get(0)), text(escalation.get(1)), text(escalation.get(2)),
                                    EscalationDetailJson.read(json, text(escalation.get(3))),
                                    instant(escalation.get(4)))),
                            rows(row.get("decisions", String.class), decision -> new CoordinatorDecision(
                                    text(decision.get(0)), text(decision.get(1)), text(decision.get(2)),
                                    text(decision.get(3)), instant(decision.get(4)))),
                            row.get("request_id", String.class) == null ? null : CrisisQueueRepository.toEntry(row),
                            Boolean.TRUE.equals(row.get("handover", Boolean.class)));
                })
                .one()
                .defaultIfEmpty(new RowParts(List.of(), List.of(), List.of(), null, false));
    }

    private <T> List<T> rows(String jsonArray, Function<JsonNode, T> each) {
        if (jsonArray == null) {
            return List.of();
        }
        List<T> rows = new ArrayList<>();
        json.readTree(jsonArray).forEach(row -> rows.add(each.apply(row)));
        return List.copyOf(rows);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }

    private static Instant instant(JsonNode node) {
        return node == null || node.isNull() ? null : OffsetDateTime.parse(node.asString()).toInstant();
    }

    private Mono<Optional<LocationSummary>> matchedLocation(MatchingRequest request, List<Offer> history) {
        return history.stream().filter(offer -> offer.id().equals(request.matchedOfferId())).findFirst()
                .map(offer -> replica.location(offer.locationId()).map(Optional::of))
                .orElse(Mono.empty())
                .defaultIfEmpty(Optional.empty());
    }

    /** Escalations of a region since {@code since}, newest first, with each request's current status. */
    public Flux<RegionEscalation> escalationsInRegion(String region, Instant since) {
        return db.sql("""
                        SELECT e.request_id, r.care_type, r.urgency, r.status, e.reason, e.detail, e.detail_code,
                               e.detail_values, e.escalated_at
                        FROM escalation e JOIN request r ON r.id = e.request_id
                        WHERE e.region_id = :region AND e.escalated_at >= :since
                        ORDER BY e.escalated_at DESC LIMIT 500""")
                .bind("region", region).bind("since", since)
                .map((row, meta) -> new RegionEscalation(row.get(0, String.class), row.get(1, String.class),
                        row.get(2, String.class), row.get(3, String.class), row.get(4, String.class),
                        row.get(5, String.class), row.get(6, String.class),
                        EscalationDetailJson.read(json, row.get(7, String.class)), row.get(8, Instant.class)))
                .all();
    }

    /** Ids of the occurrences of a recurring stay, first night first. */
    private Flux<String> series(String seriesId) {
        return db.sql("SELECT id FROM request WHERE series_id = :series ORDER BY latest_first_night, id")
                .bind("series", seriesId).map((row, meta) -> row.get(0, String.class)).all();
    }
}
