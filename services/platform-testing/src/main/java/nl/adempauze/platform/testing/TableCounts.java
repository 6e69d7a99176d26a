package nl.adempauze.platform.testing;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The number of rows in every table of a service's database (Flyway's history aside): taken before and after a
 * refused request, the two must be equal, i.e. nothing was stored, no outbox event appended and no inbox row
 * written.
 */
public final class TableCounts {

    private TableCounts() {
    }

    public static Map<String, Long> of(DatabaseClient db) {
        Map<String, Long> counts = new TreeMap<>();
        db.sql("""
                        SELECT table_name FROM information_schema.tables
                        WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
                          AND table_name <> 'flyway_schema_history'""")
                .map(row -> row.get("table_name", String.class)).all()
                .collectList().block(Duration.ofSeconds(30))
                .forEach(table -> counts.put(table, db.sql("SELECT count(*) FROM \"" + table + "\"")
                        .map(row -> row.get(0, Long.class)).one().block(Duration.ofSeconds(30))));
        // the relay deletes outbox rows once published, so their count may fall at any time: an event appended
        // shows in the outbox's sequence, which only ever grows
        counts.remove("outbox_event");
        counts.put("outbox_event appended", db.sql("SELECT last_value FROM outbox_event_seq_seq")
                .map(row -> row.get(0, Long.class)).one().block(Duration.ofSeconds(30)));
        return counts;
    }
}
