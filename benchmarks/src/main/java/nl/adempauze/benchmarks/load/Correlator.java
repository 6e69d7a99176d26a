package nl.adempauze.benchmarks.load;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Pairs a send (by its key, with its intended time) with the arrival of its effect elsewhere, in whichever order
 * the two become known: the effect may be seen before the sender has read the key from the answer. Each pair is
 * recorded once, into the {@link Outcome} the send named, so arrivals of one load step that come late still count
 * for that step. A second arrival (a duplicate) is ignored.
 */
public final class Correlator {

    private record Entry(long intendedNanos, Outcome outcome, long arrivedNanos, long markNanos) {
        boolean isSend() {
            return outcome != null;
        }
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    /** The key's send was intended at {@code intendedNanos}; its latency goes to {@code outcome}. */
    public void sent(String key, long intendedNanos, Outcome outcome) {
        entries.compute(key, (k, entry) -> {
            if (entry == null) {
                return new Entry(intendedNanos, outcome, 0, 0);
            }
            if (!entry.isSend()) {
                outcome.arrived(intendedNanos, entry.arrivedNanos(), entry.markNanos());
                return null;
            }
            return entry;
        });
    }

    /** The key's effect was seen at {@code arrivedNanos}, with a moment on the way ({@code markNanos}; 0: none). */
    public void arrived(String key, long arrivedNanos, long markNanos) {
        entries.compute(key, (k, entry) -> {
            if (entry == null) {
                return new Entry(0, null, arrivedNanos, markNanos);
            }
            if (entry.isSend()) {
                entry.outcome().arrived(entry.intendedNanos(), arrivedNanos, markNanos);
                return null;
            }
            return entry;
        });
    }

    /** Forgets what is left (sends never answered, arrivals of keys never sent), between parts. */
    public void clear() {
        entries.clear();
    }
}
