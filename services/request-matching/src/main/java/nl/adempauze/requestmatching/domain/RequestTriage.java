package nl.adempauze.requestmatching.domain;

import java.util.Map;

/**
 * The triage that came with a request: the referrer's answers (question code to YES, NO or UNKNOWN), what the
 * region's table suggested, and the care type the referrer chose (the suggestion, another type, or null: left to the
 * coordinator). Clinical: kept in request-matching only, encrypted, purged with the patient's details.
 */
public record RequestTriage(Map<String, String> answers, TriageAdvice suggestion, String chosenCareType) {

    public RequestTriage {
        answers = Map.copyOf(answers);
    }
}
