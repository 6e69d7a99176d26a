package nl.adempauze.requestmatching.domain;

import java.util.List;

/**
 * What the region's triage table advises for a set of answers: a care type ({@code CARE_TYPE}, with
 * {@code careType}), that this is not temporary stay ({@code NOT_TEMPORARY_STAY}, with {@code advice}, e.g.
 * {@code HOSPITAL}), or that the coordinator decides ({@code UNDECIDED}). {@code ruleId} names the rule that decided
 * (null when none did), {@code explanation} says why in Dutch, {@code reasons} are that rule's conditions as answered.
 */
public record TriageAdvice(Outcome outcome, String careType, String advice, String ruleId, String explanation,
                           List<Reason> reasons) {

    /** Said when no rule of the table decides. */
    public static final String NO_RULE_EXPLANATION = "De antwoorden wijzen niet één zorgsoort aan:"
            + " de coördinator van de regio beslist welke zorg past.";

    public enum Outcome { CARE_TYPE, NOT_TEMPORARY_STAY, UNDECIDED }

    /** One condition of the deciding rule: the question's code and Dutch text, and the answer given. */
    public record Reason(String question, String text, String answer) {
    }

    public TriageAdvice {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    static TriageAdvice undecided() {
        return new TriageAdvice(Outcome.UNDECIDED, null, null, null, NO_RULE_EXPLANATION, List.of());
    }
}
