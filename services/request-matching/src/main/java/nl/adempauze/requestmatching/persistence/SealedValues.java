package nl.adempauze.requestmatching.persistence;

import java.util.Map;
import java.util.TreeMap;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Every sealed value, column by column ({@link SealedColumn#ALL}), for the key rotation. */
@Repository
public class SealedValues {

    /** One stored value and the request it belongs to. */
    public record Stored(String requestId, String sealed) {
    }

    private final DatabaseClient db;
    private final FieldEncryption encryption;

    public SealedValues(DatabaseClient db, FieldEncryption encryption) {
        this.db = db;
        this.encryption = encryption;
    }

    /** Up to {@code limit} values of the column not sealed with the active key, of requests after {@code after}. */
    public Flux<Stored> notWithActiveKey(SealedColumn column, String after, int limit) {
        // table and column names come from SealedColumn's constants, never from input
        return db.sql("SELECT " + column.requestKey() + " AS request_id, " + column.column() + " AS sealed FROM "
                        + column.table() + " WHERE " + column.column() + " IS NOT NULL AND " + column.requestKey()
                        + " > :after AND left(" + column.column() + ", :prefixLength) <> :prefix ORDER BY "
                        + column.requestKey() + " LIMIT :limit")
                .bind("after", after)
                .bind("prefix", encryption.activePrefix())
                .bind("prefixLength", encryption.activePrefix().length())
                .bind("limit", limit)
                .map(row -> new Stored(row.get("request_id", String.class), row.get("sealed", String.class)))
                .all();
    }

    /** Replaces a value unless it changed meanwhile (then it was written afresh, with the active key). */
    public Mono<Boolean> replace(SealedColumn column, Stored stored, String resealed) {
        return db.sql("UPDATE " + column.table() + " SET " + column.column() + " = :resealed WHERE "
                        + column.requestKey() + " = :requestId AND " + column.column() + " = :sealed")
                .bind("resealed", resealed)
                .bind("requestId", stored.requestId())
                .bind("sealed", stored.sealed())
                .fetch().rowsUpdated().map(count -> count > 0);
    }

    /** How many stored values each key sealed ({@code legacy} for values from before key ids). */
    public Mono<Map<String, Long>> countByKey() {
        return Flux.fromIterable(SealedColumn.ALL).concatMap(column -> db.sql("SELECT CASE WHEN "
                                + column.column() + " LIKE :versioned THEN split_part(" + column.column()
                                + ", ':', 2) ELSE 'legacy' END AS key_id, count(*) AS value_count FROM " + column.table()
                                + " WHERE " + column.column() + " IS NOT NULL GROUP BY 1")
                        .bind("versioned", FieldEncryption.VERSION + ":%")
                        .map(row -> Map.entry(row.get("key_id", String.class), row.get("value_count", Long.class)))
                        .all())
                .collect(TreeMap::new, (counts, entry) -> counts.merge(entry.getKey(), entry.getValue(), Long::sum));
    }
}
