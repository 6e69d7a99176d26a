package nl.adempauze.requestmatching.api;

import java.time.Instant;

/** Bodies of a provider's answer to an offer. */
public final class AnswerOffer {

    private AnswerOffer() {
    }

    /** Acceptance, optionally with the time the provider expects to admit the patient. */
    public record Accept(Instant expectedAdmissionAt) {
    }
}
