package nl.adempauze.platform.testing;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * What every table of a service's database holds (Flyway's history and the scheduler locks aside), as its row count and a fingerprint of
 * its rows: taken before and after a refused request, the two must be equal, i.e. nothing was stored or changed, no
 * outbox event appended and no inbox row written. The outbox is compared by its sequence, since the relay deletes
 * published rows at any time.
 */
public final class TableContents {

    private TableContents() {
    }

    public static Map<String, String> of(DatabaseClient db) {
        Map<String, String> tables = new TreeMap<>();
        db.sql("""
                        SELECT table_name FROM information_schema.tables
                        WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
                          AND table_name NOT IN ('flyway_schema_history', 'shedlock')""")
                .map(row -> row.get("table_name", String.class)).all()
                .collectList().block(Duration.ofSeconds(30))
                .forEach(table -> tables.put(table, db.sql("SELECT count(*) || ' rows ' || coalesce(md5(string_agg("
                                + "t::text, '|' ORDER BY t::text)), '') FROM \"" + table + "\" t")
                        .map(row -> row.get(0, String.class)).one().block(Duration.ofSeconds(30))));
        // the scheduler locks (shedlock) are left out above: the scheduled jobs take and free them at any time
        // the relay deletes outbox rows once published, so their count may fall at any time: an event appended
        // shows in the outbox's sequence, which only ever grows
        tables.remove("outbox_event");
        tables.put("outbox_event appended", String.valueOf(db.sql("SELECT last_value FROM outbox_event_seq_seq")
                .map(row -> row.get(0, Long.class)).one().block(Duration.ofSeconds(30))));
        return tables;
    }
}
