package nl.adempauze.requestmatching.domain;

import java.util.Map;
import nl.adempauze.platform.domain.DomainException;

/**
 * What a referrer's submission with triage answers comes to: the care type it gave is its choice (it may differ from
 * the suggestion); without one, a suggested care type is the choice and an undecided triage leaves it to the
 * coordinator (null). Advice that this is not temporary stay, with no care type chosen, is refused on
 * {@code careType}: the referrer should send the patient elsewhere, or choose a care type knowingly.
 */
public final class TriageChoice {

    private TriageChoice() {
    }

    public static RequestTriage of(Map<String, String> answers, TriageAdvice advice, String givenCareType) {
        if (givenCareType != null) {
            return new RequestTriage(answers, advice, givenCareType);
        }
        return switch (advice.outcome()) {
            case CARE_TYPE -> new RequestTriage(answers, advice, advice.careType());
            case UNDECIDED -> new RequestTriage(answers, advice, null);
            case NOT_TEMPORARY_STAY -> throw DomainException.invalidField("careType", "The triage advises "
                    + advice.advice() + ": this is not temporary stay (" + advice.explanation() + ")."
                    + " Choose a care type to submit anyway");
        };
    }
}
