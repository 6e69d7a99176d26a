package nl.adempauze.notification.api;

import java.time.Instant;
import java.util.List;
import nl.adempauze.notification.application.RotaService;

/**
 * Who is on call in a region at {@code at} ({@code now} null: nobody) and the shifts after it; until when someone is
 * on call without a break ({@code coveredUntil}, null: nobody now), and whether nobody will be within the hour.
 */
public record OnCallResponse(String region, Instant at, ShiftResponse now, List<ShiftResponse> next,
                             Instant coveredUntil, boolean gapWithinAnHour) {

    static OnCallResponse from(RotaService.OnCall onCall) {
        return new OnCallResponse(onCall.region(), onCall.at(), onCall.now().map(ShiftResponse::from).orElse(null),
                onCall.next().stream().map(ShiftResponse::from).toList(), onCall.coveredUntil().orElse(null),
                onCall.gapWithinAnHour());
    }
}
