package nl.adempauze.simulator.replay;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import nl.adempauze.requestmatching.domain.Candidate;

/**
 * How each location answered its recent offers (accepted, or declined or let expire), as request-matching's
 * replica counts them for the ranker's acceptance bonus: answers since a moment.
 */
public final class AcceptanceRecords {

    private record Answered(Instant at, boolean accepted) {
    }

    private final Map<String, Deque<Answered>> byLocation = new HashMap<>();

    public void answered(String locationId, Instant at, boolean accepted) {
        byLocation.computeIfAbsent(locationId, id -> new ArrayDeque<>()).addLast(new Answered(at, accepted));
    }

    /** The location's record since {@code since}; older answers are forgotten (the clock only moves on). */
    public Candidate.AcceptanceRecord of(String locationId, Instant since) {
        Deque<Answered> answers = byLocation.get(locationId);
        if (answers == null) {
            return Candidate.AcceptanceRecord.NONE;
        }
        while (!answers.isEmpty() && answers.peekFirst().at().isBefore(since)) {
            answers.removeFirst();
        }
        int accepted = (int) answers.stream().filter(Answered::accepted).count();
        return new Candidate.AcceptanceRecord(accepted, answers.size());
    }
}
