package nl.adempauze.platform.domain;

import java.util.List;

/**
 * What a state-changing method of an aggregate answers: the aggregate as it is now, and the events (contract
 * records) that report the change. The application service saves the one and appends the others to the outbox in
 * the same transaction.
 */
public record Changed<A>(A aggregate, List<Object> events) {

    public Changed {
        events = List.copyOf(events);
    }

    public static <A> Changed<A> of(A aggregate, Object... events) {
        return new Changed<>(aggregate, List.of(events));
    }
}
