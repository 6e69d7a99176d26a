package nl.adempauze.notification.api;

import java.time.Instant;
import java.util.List;
import nl.adempauze.notification.domain.FollowUp;

/** A request's follow-up as its referrer set it; events in a stable order. */
public record FollowUpResponse(String requestId, String email, String phone, List<String> events, String setBy,
                               Instant updatedAt) {

    static FollowUpResponse from(FollowUp followUp) {
        return new FollowUpResponse(followUp.requestId(), followUp.email(), followUp.phone(),
                followUp.events().stream().sorted().map(Enum::name).toList(), followUp.setBy(),
                followUp.updatedAt());
    }
}
