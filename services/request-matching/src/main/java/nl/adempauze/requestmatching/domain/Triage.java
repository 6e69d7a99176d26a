package nl.adempauze.requestmatching.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.adempauze.contracts.events.TriageTable;
import nl.adempauze.platform.domain.DomainException;

/**
 * Evaluates a region's {@link TriageTable}: the answers are checked (known questions, YES / NO / UNKNOWN, no
 * contradiction), then the first rule whose every condition holds decides. An UNKNOWN (or missing) answer never
 * satisfies a condition; when no rule holds, the coordinator decides.
 */
public final class Triage {

    public static final Set<String> ANSWERS = Set.of("YES", "NO", "UNKNOWN");

    private Triage() {
    }

    /** The advice for {@code answers} (question code to YES, NO or UNKNOWN); 400 on bad or contradictory answers. */
    public static TriageAdvice advise(TriageTable table, Map<String, String> answers) {
        Map<String, String> checked = checked(table, answers);
        for (TriageTable.Rule rule : table.rules()) {
            if (holds(rule.when(), checked)) {
                return new TriageAdvice(TriageAdvice.Outcome.valueOf(rule.outcome()), rule.careType(), rule.advice(),
                        rule.id(), rule.explanation(), reasons(table, rule, checked));
            }
        }
        return TriageAdvice.undecided();
    }

    /**
     * The answers in the table's question order, every question present (a missing one is UNKNOWN). Refused with
     * {@code triage.answers.<CODE>} for an unknown question or value, {@code triage.answers} for a contradiction.
     */
    public static Map<String, String> checked(TriageTable table, Map<String, String> answers) {
        Map<String, String> given = answers == null ? Map.of() : answers;
        Map<String, String> checked = new LinkedHashMap<>();
        for (TriageTable.Question question : table.questions()) {
            checked.put(question.code(), "UNKNOWN");
        }
        for (Map.Entry<String, String> answer : given.entrySet()) {
            String field = "triage.answers." + answer.getKey();
            if (!checked.containsKey(answer.getKey())) {
                throw DomainException.invalidField(field, "Unknown question '" + answer.getKey()
                        + "'; the questions are " + checked.keySet());
            }
            if (answer.getValue() == null || !ANSWERS.contains(answer.getValue())) {
                throw DomainException.invalidField(field, "Answer '" + answer.getValue() + "' to "
                        + answer.getKey() + " must be YES, NO or UNKNOWN");
            }
            checked.put(answer.getKey(), answer.getValue());
        }
        for (TriageTable.Conflict conflict : table.conflicts()) {
            if (holds(conflict.when(), checked)) {
                throw DomainException.invalidField("triage.answers", "Contradictory answers "
                        + conflict.when() + ": " + conflict.explanation());
            }
        }
        return checked;
    }

    private static boolean holds(Map<String, String> when, Map<String, String> answers) {
        return when.entrySet().stream().allMatch(condition -> !"UNKNOWN".equals(condition.getValue())
                && condition.getValue().equals(answers.get(condition.getKey())));
    }

    private static List<TriageAdvice.Reason> reasons(TriageTable table, TriageTable.Rule rule,
                                                     Map<String, String> answers) {
        List<TriageAdvice.Reason> reasons = new ArrayList<>();
        for (TriageTable.Question question : table.questions()) {
            if (rule.when().containsKey(question.code())) {
                reasons.add(new TriageAdvice.Reason(question.code(), question.text(), answers.get(question.code())));
            }
        }
        return reasons;
    }
}
