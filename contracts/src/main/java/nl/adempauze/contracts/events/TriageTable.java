package nl.adempauze.contracts.events;

import java.util.List;
import java.util.Map;

/**
 * A region's triage: the questions a referrer answers when it does not know which care type fits (after the
 * LHV/Verenso afwegingsinstrument ELV), and the decision table that turns the answers into advice. Data, not code:
 * each region sets its own, and a clinician can read it. An answer is {@code YES}, {@code NO} or {@code UNKNOWN}.
 * The first rule whose every condition holds decides; an unknown answer never satisfies a condition, so it can only
 * lead to a later rule or to no rule at all, which means the coordinator decides.
 *
 * @param questions the questions in the order they are asked, with their Dutch text
 * @param rules     the decision table, first match wins
 * @param conflicts combinations of answers that contradict each other: refused, not evaluated
 */
public record TriageTable(List<Question> questions, List<Rule> rules, List<Conflict> conflicts) {

    /** One question: a stable code (used in answers and rules) and the text the referrer reads. */
    public record Question(String code, String text, String help) {
    }

    /**
     * One row of the decision table. {@code when} maps question codes to the answer it needs ({@code YES} or
     * {@code NO}). {@code outcome} is {@code CARE_TYPE} (with {@code careType}, a code of the region's catalogue),
     * {@code NOT_TEMPORARY_STAY} (with {@code advice}, e.g. {@code HOSPITAL}: where the patient should go instead) or
     * {@code UNDECIDED} (the coordinator decides). {@code explanation} says why, in Dutch, for the referrer.
     */
    public record Rule(String id, Map<String, String> when, String outcome, String careType, String advice,
                       String explanation) {
    }

    /** Answers that cannot all be true at once, with the Dutch explanation the referrer gets. */
    public record Conflict(Map<String, String> when, String explanation) {
    }
}
