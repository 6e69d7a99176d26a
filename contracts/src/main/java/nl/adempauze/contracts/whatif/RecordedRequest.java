package nl.adempauze.contracts.whatif;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A request the running system took in, as a what-if replays it: what was asked, when, where from (the residence's
 * municipality and its coordinates, as matching ranks by) and for whom it is paid; never who the patient is or any
 * free text. A planned stay has its first night (or weekend month), nights and flexibility; a crisis stay its nights
 * when they were recorded (else the replay assumes the care type's mean).
 */
public record RecordedRequest(String region, String careType, String urgency, Instant submittedAt,
                              List<String> needs, String municipality, double latitude, double longitude,
                              String funder, LocalDate firstNight, Integer nights, int flexibleDays,
                              String weekendIn, String seriesId) {

    public RecordedRequest {
        needs = needs == null ? List.of() : List.copyOf(needs);
    }
}
