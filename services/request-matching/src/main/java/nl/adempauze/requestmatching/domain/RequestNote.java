package nl.adempauze.requestmatching.domain;

import java.time.Instant;

/**
 * Free text someone wrote with a coded reason (a cancel, decline, protection override or priority raise): it may name
 * the patient, so it never leaves request-matching, is kept encrypted, shown only with the patient's details (an
 * audited read) and purged with them. {@code offerId} for a decline, else null; {@code writtenBy} null for old notes.
 */
public record RequestNote(Subject subject, String reasonCode, String offerId, String text, String writtenBy,
                          Instant writtenAt) {

    /** The longest note taken. */
    public static final int MAX_LENGTH = 500;

    /** What the note explains. */
    public enum Subject { CANCELLED, OFFER_DECLINED, PROTECTION_OVERRIDDEN, PRIORITY_RAISED }

    /** A note, or null when nothing (or only blanks) was written. */
    public static RequestNote of(Subject subject, Enum<?> reasonCode, String offerId, String text, String writtenBy,
                                 Instant writtenAt) {
        return text == null || text.isBlank() ? null
                : new RequestNote(subject, reasonCode.name(), offerId, text.strip(), writtenBy, writtenAt);
    }

    /** Never the text: a note must not reach a log by being printed. */
    @Override
    public String toString() {
        return "RequestNote[" + subject + ", " + reasonCode + ", text redacted]";
    }
}
