package nl.adempauze.requestmatching.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** Bodies of a provider's answer to an offer. */
public final class AnswerOffer {

    private AnswerOffer() {
    }

    /** Acceptance, optionally with the time the provider expects to admit the patient. */
    public record Accept(Instant expectedAdmissionAt) {
    }

    public record Decline(@NotBlank(message = "reason is required when declining") @Size(max = 500,
            message = "reason is at most 500 characters") String reason) {
    }

    public record Cancel(@Size(max = 500, message = "reason is at most 500 characters") String reason) {
    }
}
