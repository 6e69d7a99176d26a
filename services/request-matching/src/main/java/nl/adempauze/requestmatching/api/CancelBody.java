package nl.adempauze.requestmatching.api;

import jakarta.validation.constraints.Size;
import nl.adempauze.requestmatching.domain.CancelReason;

/**
 * A cancellation, with an optional reason code (OTHER when absent) and an optional {@code note} in words, kept
 * encrypted in request-matching only ({@code reason}, the free text of the API before codes, is taken as the note).
 * {@code series: true} on an occurrence of a recurring stay cancels it and every later occurrence that can still be
 * cancelled (earlier ones, and stays already begun, stay as they are).
 */
public record CancelBody(CancelReason reasonCode,
                         @Size(max = 500, message = "note is at most 500 characters") String note,
                         @Size(max = 500, message = "reason is at most 500 characters") String reason,
                         Boolean series) {

    /** The reason as given (the code may be null: OTHER). */
    public CodedReason<CancelReason> given() {
        return new CodedReason<>(reasonCode, note, reason);
    }

    /** Never the words: decoded bodies are logged at DEBUG. */
    @Override
    public String toString() {
        return "CancelBody[" + given() + ", series " + series + "]";
    }
}
