package nl.adempauze.platform.persistence;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * Rows that change rarely (a region's configuration) kept for a short while, so the hot path does not read them on
 * every call. The read runs in the caller's reactive context (its transaction and connection), never on a
 * connection of its own, and only a value found is kept: an unknown key is read again next time. A change made by
 * this instance clears everything ({@link #forget()}); one made by another instance shows here within
 * {@code keptFor}.
 */
public final class RecentlyRead<K, V> {

    private final Cache<K, V> values;

    public RecentlyRead(Duration keptFor, long maximumSize) {
        this.values = Caffeine.newBuilder().expireAfterWrite(keptFor).maximumSize(maximumSize).build();
    }

    /** The value kept for {@code key}, else what {@code read} finds (then kept). */
    public Mono<V> get(K key, Supplier<Mono<V>> read) {
        return Mono.defer(() -> {
            V kept = values.getIfPresent(key);
            return kept != null ? Mono.just(kept) : read.get().doOnNext(found -> values.put(key, found));
        });
    }

    /** Keeps a value this instance learnt otherwise (an event that announced it). */
    public void keep(K key, V value) {
        values.put(key, value);
    }

    /** Forgets every value, now and once the current transaction (if any) has committed. */
    public Mono<Void> forget() {
        return Mono.fromRunnable(values::invalidateAll)
                .then(AfterCommit.run(values::invalidateAll).onErrorResume(
                        org.springframework.transaction.NoTransactionException.class, none -> Mono.empty()));
    }
}
