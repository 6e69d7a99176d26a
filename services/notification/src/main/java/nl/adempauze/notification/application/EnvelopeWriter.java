package nl.adempauze.notification.application;

import nl.adempauze.notification.domain.EventEnvelope;
import nl.adempauze.notification.domain.ReasonCodesOnly;
import nl.adempauze.platform.inbox.IncomingEvent;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders an incoming event as the JSON envelope shown on the live stream and posted to webhooks, with its reasons
 * as codes only ({@link ReasonCodesOnly}).
 */
@Component
public class EnvelopeWriter {

    private final JsonMapper json;

    public EnvelopeWriter(JsonMapper json) {
        this.json = json;
    }

    public String write(IncomingEvent event) {
        return json.writeValueAsString(
                new EventEnvelope(event.type(), event.id(), event.time(), event.subject(),
                        ReasonCodesOnly.of(event.payload())));
    }
}
