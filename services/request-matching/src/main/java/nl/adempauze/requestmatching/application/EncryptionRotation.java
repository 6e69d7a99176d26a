package nl.adempauze.requestmatching.application;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import nl.adempauze.requestmatching.domain.Actor;
import nl.adempauze.requestmatching.domain.AuditAction;
import nl.adempauze.requestmatching.domain.AuditEntry;
import nl.adempauze.requestmatching.persistence.AuditLog;
import nl.adempauze.requestmatching.persistence.FieldEncryption;
import nl.adempauze.requestmatching.persistence.SealedColumn;
import nl.adempauze.requestmatching.persistence.SealedValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The key rotation: re-seals every stored value not yet sealed with the active key (older keys, legacy values), one
 * value at a time so the service keeps running. Afterwards {@link Report#valuesByKey()} shows only the active key, and
 * the older ones can be removed from the keyring. A value that opens with no key (moved or altered) is left as it is
 * and counted as unreadable.
 */
@Service
public class EncryptionRotation {

    private static final Logger LOG = LoggerFactory.getLogger(EncryptionRotation.class);
    private static final int BATCH = 200;

    /** What a rotation did, and how many stored values each key seals afterwards. */
    public record Report(String activeKey, long resealed, long unreadable, Map<String, Long> valuesByKey) {
    }

    private final SealedValues values;
    private final FieldEncryption encryption;
    private final AuditLog audit;
    private final Clock clock;

    public EncryptionRotation(SealedValues values, FieldEncryption encryption, AuditLog audit, Clock clock) {
        this.values = values;
        this.encryption = encryption;
        this.audit = audit;
        this.clock = clock;
    }

    public Mono<Report> rotate(Actor actor) {
        AtomicLong resealed = new AtomicLong();
        AtomicLong unreadable = new AtomicLong();
        return Flux.fromIterable(SealedColumn.ALL)
                .concatMap(column -> rotate(column, "", resealed, unreadable))
                .then(values.countByKey())
                .map(counts -> new Report(encryption.activeKey(), resealed.get(), unreadable.get(), counts))
                .flatMap(report -> audit.record(AuditEntry.of(actor, AuditAction.ENCRYPTION_KEY_ROTATED, null,
                        "re-sealed " + report.resealed() + " values with key " + report.activeKey() + "; unreadable "
                                + report.unreadable(), clock.instant())).thenReturn(report));
    }

    /** One column, a batch at a time, in request order: each value is looked at once. */
    private Mono<Void> rotate(SealedColumn column, String after, AtomicLong resealed, AtomicLong unreadable) {
        return values.notWithActiveKey(column, after, BATCH).collectList().flatMap(batch -> {
            if (batch.isEmpty()) {
                return Mono.empty();
            }
            String last = batch.get(batch.size() - 1).requestId();
            return Flux.fromIterable(batch).concatMap(stored -> {
                String resealedValue;
                try {
                    resealedValue = encryption.seal(encryption.open(stored.sealed(), stored.requestId(),
                            column.name()), stored.requestId(), column.name());
                } catch (IllegalStateException e) {
                    unreadable.incrementAndGet();
                    LOG.warn("Key rotation: a value of {} of request {} opens with no key and is left as it is",
                            column.name(), stored.requestId());
                    return Mono.empty();
                }
                return values.replace(column, stored, resealedValue).doOnNext(done -> {
                    if (done) {
                        resealed.incrementAndGet();
                    }
                });
            }).then(Mono.defer(() -> rotate(column, last, resealed, unreadable)));
        });
    }
}
