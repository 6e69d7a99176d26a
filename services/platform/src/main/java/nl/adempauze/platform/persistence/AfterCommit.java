package nl.adempauze.platform.persistence;

import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

/**
 * Runs an action once the current reactive transaction has committed, and not at all when it rolls back: for
 * effects outside the database (publishing, counting) that must follow only what really happened.
 */
public final class AfterCommit {

    private AfterCommit() {
    }

    /** Registers {@code action} with the current transaction; fails when there is none. */
    public static Mono<Void> run(Runnable action) {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .doOnNext(sync -> sync.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public Mono<Void> afterCommit() {
                        return Mono.fromRunnable(action);
                    }
                }))
                .then();
    }
}
