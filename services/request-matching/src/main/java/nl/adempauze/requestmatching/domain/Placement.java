package nl.adempauze.requestmatching.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A request that got a bed: submitted at {@code submittedAt}, placed when the provider accepted the offer (a crisis
 * request is then matched, a planned stay booked) at {@code placedAt}. {@code neededBy} is the crisis admission
 * deadline (the referrer's stated time, else submission plus the care type's admission deadline);
 * {@code firstNight} the first night of a booked stay (null for a bed free now).
 */
public record Placement(Urgency urgency, String careType, Instant submittedAt, Instant placedAt, Instant neededBy,
                        LocalDate firstNight) {

    public Duration timeToPlacement() {
        return Duration.between(submittedAt, placedAt);
    }
}
