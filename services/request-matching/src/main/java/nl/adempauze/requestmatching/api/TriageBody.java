package nl.adempauze.requestmatching.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** A referrer's answers to the region's triage: question code to YES, NO or UNKNOWN (a missing one is UNKNOWN). */
public record TriageBody(
        @NotNull(message = "answers is required") @Size(max = 50, message = "at most 50 answers")
        Map<String, String> answers) {
}
