package nl.adempauze.notification.application;

import nl.adempauze.notification.domain.Audience;
import nl.adempauze.notification.domain.EventAttributes;

/**
 * An event as the live board gets it: identity, the fields viewers filter on, who may see it, and the JSON
 * envelope.
 */
public record LiveEvent(String id, String type, EventAttributes attributes, Audience audience, String json) {
}
