package nl.adempauze.notification.api;

import java.time.Duration;
import nl.adempauze.notification.application.LiveFeed;
import nl.adempauze.notification.application.NotificationAccess;
import nl.adempauze.notification.domain.Scope;
import nl.adempauze.notification.domain.Viewer;
import nl.adempauze.platform.security.Caller;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/**
 * The live board's feed: every notified event the caller may see (see
 * {@link nl.adempauze.notification.domain.Audience}) as a Server-Sent Event ({@code id} = CloudEvent id,
 * {@code event} = type, {@code data} = the JSON envelope), optionally narrowed like a subscription scope; a scope
 * beyond the caller's reach is refused with 403. A comment opens the stream at once and another follows every
 * heartbeat, so proxies keep the connection and clients notice a dead one.
 */
@RestController
public class LiveController {

    private final LiveFeed feed;
    private final NotificationAccess access;
    private final Duration heartbeat;

    public LiveController(LiveFeed feed, NotificationAccess access,
                          @Value("${adempauze.live.heartbeat:PT15S}") Duration heartbeat) {
        this.feed = feed;
        this.access = access;
        this.heartbeat = heartbeat;
    }

    @GetMapping(path = "/api/v1/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<String>> live(Caller caller,
                                              @RequestParam(required = false) String region,
                                              @RequestParam(required = false) String locationId,
                                              @RequestParam(required = false) String providerId,
                                              @RequestParam(required = false) String requestId) {
        Viewer viewer = NotificationAccess.viewer(caller);
        Scope filter = new Scope(region, locationId, providerId, requestId);
        Flux<ServerSentEvent<String>> events = feed.eventsFor(viewer, filter)
                .map(event -> ServerSentEvent.builder(event.json()).id(event.id()).event(event.type()).build());
        Flux<ServerSentEvent<String>> heartbeats = Flux.interval(heartbeat)
                .map(tick -> ServerSentEvent.<String>builder().comment("heartbeat").build());
        return access.checkScope(viewer, filter)
                .thenMany(Flux.concat(Flux.just(ServerSentEvent.<String>builder().comment("connected").build()),
                        Flux.merge(events, heartbeats)));
    }
}
