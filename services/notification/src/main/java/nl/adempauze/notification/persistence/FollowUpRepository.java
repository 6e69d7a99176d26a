package nl.adempauze.notification.persistence;

import io.r2dbc.spi.Readable;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.stream.Collectors;
import nl.adempauze.notification.domain.FollowUp;
import nl.adempauze.notification.domain.FollowUpEvent;
import nl.adempauze.platform.persistence.SqlBinds;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Referrers' follow-up wishes ({@code request_follow_up}), one per request. */
@Repository
public class FollowUpRepository {

    private final DatabaseClient db;

    public FollowUpRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Sets the request's wish, replacing the one before. */
    public Mono<Void> save(FollowUp followUp) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("""
                        INSERT INTO request_follow_up (request_id, referrer_organisation, email, phone, events, set_by,
                            updated_at)
                        VALUES (:requestId, :organisation, :email, :phone, :events, :setBy, :now)
                        ON CONFLICT (request_id) DO UPDATE SET referrer_organisation = EXCLUDED.referrer_organisation,
                            email = EXCLUDED.email, phone = EXCLUDED.phone, events = EXCLUDED.events,
                            set_by = EXCLUDED.set_by, updated_at = EXCLUDED.updated_at""")
                .bind("requestId", followUp.requestId())
                .bind("organisation", followUp.organisation())
                .bind("events", followUp.events().stream().sorted().map(Enum::name).toArray(String[]::new))
                .bind("now", Sql.timestamp(followUp.updatedAt()));
        spec = SqlBinds.nullable(spec, "email", followUp.email(), String.class);
        spec = SqlBinds.nullable(spec, "phone", followUp.phone(), String.class);
        spec = SqlBinds.nullable(spec, "setBy", followUp.setBy(), String.class);
        return spec.then();
    }

    public Mono<FollowUp> find(String requestId) {
        return db.sql("""
                        SELECT request_id, referrer_organisation, email, phone, events, set_by, updated_at
                        FROM request_follow_up WHERE request_id = :id""")
                .bind("id", requestId)
                .map(FollowUpRepository::toFollowUp)
                .one();
    }

    public Mono<Void> delete(String requestId) {
        return db.sql("DELETE FROM request_follow_up WHERE request_id = :id").bind("id", requestId).then();
    }

    private static FollowUp toFollowUp(Readable row) {
        return new FollowUp(
                row.get("request_id", String.class),
                row.get("referrer_organisation", String.class),
                row.get("email", String.class),
                row.get("phone", String.class),
                Arrays.stream(row.get("events", String[].class)).map(FollowUpEvent::valueOf)
                        .collect(Collectors.toSet()),
                row.get("set_by", String.class),
                Sql.instant(row.get("updated_at", OffsetDateTime.class)));
    }
}
