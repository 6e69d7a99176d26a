package nl.adempauze.requestmatching.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import nl.adempauze.contracts.whatif.RecordedRequest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/**
 * The requests regions took in over a period, for a what-if to replay: what was asked and when, the residence's
 * municipality and coordinates, needs, funder and planned stay; never the contact, the patient or a note. A request
 * cancelled as submitted in error was never demand and is left out.
 */
@Repository
public class RecordedRequestRepository {

    private final DatabaseClient db;

    public RecordedRequestRepository(DatabaseClient db) {
        this.db = db;
    }

    public Flux<RecordedRequest> submitted(List<String> regions, Instant from, Instant to) {
        return db.sql("""
                        SELECT region_id, care_type, urgency, submitted_at, needs, municipality, latitude, longitude,
                               funder, first_night, nights, flexible_days, weekend_in, series_id
                        FROM request
                        WHERE region_id = ANY(:regions) AND submitted_at >= :from AND submitted_at < :to
                          AND cancel_reason IS DISTINCT FROM 'SUBMITTED_IN_ERROR'
                        ORDER BY submitted_at, id""")
                .bind("regions", regions.toArray(String[]::new)).bind("from", from).bind("to", to)
                .map((row, meta) -> new RecordedRequest(row.get("region_id", String.class),
                        row.get("care_type", String.class), row.get("urgency", String.class),
                        row.get("submitted_at", Instant.class),
                        Arrays.asList(row.get("needs", String[].class)), row.get("municipality", String.class),
                        row.get("latitude", Double.class), row.get("longitude", Double.class),
                        row.get("funder", String.class), row.get("first_night", LocalDate.class),
                        row.get("nights", Integer.class), row.get("flexible_days", Integer.class),
                        row.get("weekend_in", String.class), row.get("series_id", String.class)))
                .all();
    }
}
