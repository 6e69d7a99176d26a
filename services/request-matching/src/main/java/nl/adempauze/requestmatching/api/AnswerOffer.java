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

    /** A coordinator's decision needs a reason, for the record. */
    public record Decision(@NotBlank(message = "reason is required") @Size(min = 3, max = 500,
            message = "reason is 3 to 500 characters") String reason) {
    }

    /**
     * A cancellation, with an optional reason. {@code series: true} on an occurrence of a recurring stay cancels it
     * and every later occurrence that can still be cancelled (earlier ones, and stays already begun, stay as they are).
     */
    public record Cancel(@Size(max = 500, message = "reason is at most 500 characters") String reason,
                         Boolean series) {
    }
}
