package nl.adempauze.simulator.replay;

import java.time.Instant;
import java.util.PriorityQueue;

/**
 * The virtual clock and its discrete events: each event runs at its instant, in instant order, and events at the
 * same instant in the order they were scheduled. Nothing waits in real time.
 */
public final class EventQueue {

    private record Event(Instant at, long sequence, Runnable action) {
    }

    private final PriorityQueue<Event> events = new PriorityQueue<>((a, b) -> {
        int byTime = a.at().compareTo(b.at());
        return byTime != 0 ? byTime : Long.compare(a.sequence(), b.sequence());
    });
    private long scheduled;
    private Instant now;

    public EventQueue(Instant start) {
        this.now = start;
    }

    public Instant now() {
        return now;
    }

    /** Runs {@code action} at {@code at}; a moment already past runs at the current one. */
    public void at(Instant at, Runnable action) {
        events.add(new Event(at.isBefore(now) ? now : at, scheduled++, action));
    }

    /** Runs every event up to and including {@code until}, in order; the clock then stands at {@code until}. */
    public void runUntil(Instant until) {
        while (!events.isEmpty() && !events.peek().at().isAfter(until)) {
            Event next = events.poll();
            now = next.at();
            next.action().run();
        }
        now = until;
    }
}
