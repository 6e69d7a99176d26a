package nl.adempauze.platform.testing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
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
        List<String> names = db.sql("""
                        SELECT table_name FROM information_schema.tables
                        WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
                          AND table_name NOT IN ('flyway_schema_history', 'shedlock')""")
                .map(row -> row.get("table_name", String.class)).all()
                .collectList().block(Duration.ofSeconds(30));
        // the scheduler locks (shedlock) are left out above: the scheduled jobs take and free them at any time.
        // The relay deletes outbox rows once published, so their count may fall at any time: an event appended
        // shows in the outbox's sequence, which only ever grows. One statement for all: it runs hundreds of times
        // in the malformed-body checks.
        String everyTable = names.stream().filter(table -> !table.equals("outbox_event"))
                .map(table -> "SELECT '" + table + "' AS name, count(*) || ' rows ' || coalesce(md5(string_agg("
                        + "t::text, '|' ORDER BY t::text)), '') AS contents FROM \"" + table + "\" t")
                .collect(Collectors.joining(" UNION ALL "));
        String outbox = "SELECT 'outbox_event appended' AS name, last_value::text AS contents FROM outbox_event_seq_seq";
        Map<String, String> tables = new TreeMap<>();
        db.sql(everyTable.isEmpty() ? outbox : everyTable + " UNION ALL " + outbox)
                .map(row -> Map.entry(row.get("name", String.class), row.get("contents", String.class))).all()
                .collectList().block(Duration.ofSeconds(30))
                .forEach(entry -> tables.put(entry.getKey(), entry.getValue()));
        return tables;
    }
}
