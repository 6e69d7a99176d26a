package nl.adempauze.notification.domain;

import java.net.URI;
import java.util.UUID;

/**
 * A delivery this instance reserved for one attempt, with what it needs to send it. The claim token makes
 * sure only the holder of the reservation records the outcome.
 */
public record ClaimedDelivery(UUID id, UUID claimToken, String eventId, String eventType, String body,
                              int attempts, URI url, String secret) {
}
