package nl.adempauze.requestmatching.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import nl.adempauze.requestmatching.domain.DeclineReason;

/** Bodies of a provider's answer to an offer. */
public final class AnswerOffer {

    private AnswerOffer() {
    }

    /** Acceptance, optionally with the time the provider expects to admit the patient. */
    public record Accept(Instant expectedAdmissionAt) {
    }

    /** A decline: the reason in words, and optionally as a code for the coordinator's figures (default OTHER). */
    public record Decline(@NotBlank(message = "reason is required when declining") @Size(max = 500,
            message = "reason is at most 500 characters") String reason, DeclineReason reasonCode) {
    }
}
