package nl.adempauze.requestmatching.persistence;

import java.time.Instant;
import nl.adempauze.requestmatching.domain.RequestStatus;
import nl.adempauze.requestmatching.domain.WaitingListLength;
import nl.adempauze.requestmatching.domain.WaitingListOrder;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/** The waiting lists: the requests with status WAITING, per region and care type. */
@Repository
public class WaitingListRepository {

    private static final String WAITING = RequestStatus.WAITING.name();

    private final DatabaseClient db;

    public WaitingListRepository(DatabaseClient db) {
        this.db = db;
    }

    /** The waiting list of one care type in a region, unordered: {@link WaitingListOrder} orders it. */
    public Flux<WaitingListOrder.Entry> waiting(String region, String careType) {
        return db.sql("""
                        SELECT id, waiting_since, priority FROM request
                        WHERE region_id = :region AND care_type = :careType AND status = :waiting""")
                .bind("region", region).bind("careType", careType).bind("waiting", WAITING)
                .map((row, meta) -> new WaitingListOrder.Entry(row.get(0, String.class), row.get(1, Instant.class),
                        row.get(2, Integer.class)))
                .all();
    }

    public record CareTypeInRegion(String region, String careType) {
    }

    /** Region and care type of every waiting list that is not empty. */
    public Flux<CareTypeInRegion> waitingLists() {
        return db.sql("SELECT DISTINCT region_id, care_type FROM request WHERE status = :waiting")
                .bind("waiting", WAITING)
                .map((row, meta) -> new CareTypeInRegion(row.get(0, String.class), row.get(1, String.class))).all();
    }

    /** How many requests wait on each non-empty waiting list. */
    public Flux<WaitingListLength> lengths() {
        return db.sql("SELECT region_id, care_type, count(*) FROM request WHERE status = :waiting "
                        + "GROUP BY region_id, care_type")
                .bind("waiting", WAITING)
                .map((row, meta) -> new WaitingListLength(row.get(0, String.class), row.get(1, String.class),
                        row.get(2, Long.class)))
                .all();
    }
}
