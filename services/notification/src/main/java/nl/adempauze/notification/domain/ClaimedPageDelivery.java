package nl.adempauze.notification.domain;

import java.util.UUID;

/** A page message this instance reserved for one attempt (see {@link ClaimedDelivery} for webhooks). */
public record ClaimedPageDelivery(UUID id, UUID claimToken, UUID pageId, Channel channel, String address,
                                  String subject, String body, int attempts) {
}
