package nl.adempauze.notification.domain;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import nl.adempauze.contracts.events.RequestEscalated;
import nl.adempauze.contracts.events.RequestMatched;
import nl.adempauze.contracts.events.StayBooked;
import nl.adempauze.contracts.events.StayReminderIssued;

/**
 * What a referrer may ask to be told about its request: placed (a bed was found), escalated (no place yet, the
 * coordinator is warned), and for a planned stay booked and the reminder before it begins.
 */
public enum FollowUpEvent {
    PLACED, ESCALATED, BOOKED, REMINDER;

    /** The names, for a refusal that lists what may be asked. */
    public static String names() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }

    /**
     * The follow-up an event is, if any. An escalation of a stay that already began ({@code STAY_OVERRUN}) is the
     * coordinator's business, not news of a place, so it is none.
     */
    public static Optional<FollowUpEvent> of(Object payload) {
        if (payload instanceof RequestMatched) {
            return Optional.of(PLACED);
        }
        if (payload instanceof RequestEscalated escalated) {
            return "STAY_OVERRUN".equals(escalated.reason()) ? Optional.empty() : Optional.of(ESCALATED);
        }
        if (payload instanceof StayBooked) {
            return Optional.of(BOOKED);
        }
        if (payload instanceof StayReminderIssued) {
            return Optional.of(REMINDER);
        }
        return Optional.empty();
    }
}
