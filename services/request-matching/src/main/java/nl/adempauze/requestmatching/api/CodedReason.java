package nl.adempauze.requestmatching.api;

import jakarta.validation.constraints.Size;
import nl.adempauze.platform.domain.DomainException;

/**
 * A reason as a code from a fixed list ({@code reasonCode}, the only thing events, webhooks and the live stream
 * carry), with an optional {@code note} in words, kept encrypted in request-matching only. {@code reason} is the
 * free-text field of the API before codes: still taken, as a note with the code OTHER.
 */
public record CodedReason<C extends Enum<C>>(
        C reasonCode,
        @Size(max = 500, message = "note is at most 500 characters") String note,
        @Size(max = 500, message = "reason is at most 500 characters") String reason) {

    /** The code; without one, OTHER when the old free-text {@code reason} was given, else 400 on reasonCode. */
    public C code(C other) {
        if (reasonCode != null) {
            return reasonCode;
        }
        if (reason != null && !reason.isBlank()) {
            return other;
        }
        throw DomainException.invalidField("reasonCode", "reasonCode is required");
    }

    /** What was written with the code (the note, else the old free-text reason), or null. */
    public String words() {
        return note != null && !note.isBlank() ? note : reason;
    }

    /** Never the words: decoded bodies are logged at DEBUG. */
    @Override
    public String toString() {
        return "CodedReason[" + reasonCode + ", words " + (words() == null ? "none" : "redacted") + "]";
    }
}
