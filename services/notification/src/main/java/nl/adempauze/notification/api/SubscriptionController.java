package nl.adempauze.notification.api;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import nl.adempauze.notification.application.NotificationAccess;
import nl.adempauze.notification.application.SubscriptionService;
import nl.adempauze.notification.domain.DeliveryStatus;
import nl.adempauze.notification.domain.Scope;
import nl.adempauze.notification.domain.Viewer;
import nl.adempauze.platform.domain.DomainException;
import nl.adempauze.platform.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Webhook subscriptions and their delivery logs (see {@link SubscriptionService}): another organisation's
 * subscription answers 404, and ADMIN gets 403.
 */
@RestController
@RequestMapping("/api/v1/subscriptions")
public class SubscriptionController {

    private final SubscriptionService subscriptions;

    public SubscriptionController(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
    }

    /**
     * A subscription for the caller's organisation (or regions), within its reach. The role is checked before the
     * body is read, so a caller who may not subscribe gets 403 whatever it sends.
     */
    @PostMapping
    public Mono<ResponseEntity<SubscriptionResponse>> create(Caller caller,
                                                             @Valid @RequestBody Mono<SubscriptionRequest> body) {
        Viewer owner = NotificationAccess.viewer(caller);
        return body.flatMap(request -> subscriptions.create(owner, URI.create(request.url()), request.secret(),
                        request.eventTypes(), request.scope() == null ? Scope.EVERYTHING : request.scope().toScope()))
                .map(subscription -> ResponseEntity.created(URI.create("/api/v1/subscriptions/" + subscription.id()))
                        .body(SubscriptionResponse.from(subscription)));
    }

    /** The caller's organisation's subscriptions (a coordinator's: those of its regions), active or not. */
    @GetMapping
    public Flux<SubscriptionResponse> list(Caller caller) {
        return subscriptions.managedBy(NotificationAccess.viewer(caller)).map(SubscriptionResponse::from);
    }

    @GetMapping("/{id}")
    public Mono<SubscriptionResponse> get(Caller caller, @PathVariable String id) {
        return subscriptions.managed(NotificationAccess.viewer(caller), id).map(SubscriptionResponse::from);
    }

    /** Deactivates: nothing new is delivered and pending retries are given up, visibly; the log stays. */
    @DeleteMapping("/{id}")
    public Mono<ResponseEntity<Void>> deactivate(Caller caller, @PathVariable String id) {
        return subscriptions.deactivate(NotificationAccess.viewer(caller), id)
                .thenReturn(ResponseEntity.noContent().build());
    }

    @GetMapping("/{id}/deliveries")
    public Mono<List<DeliveryResponse>> deliveries(Caller caller, @PathVariable String id,
                                                   @RequestParam(required = false) String status) {
        Viewer viewer = NotificationAccess.viewer(caller);
        DeliveryStatus wanted = parseStatus(status);
        return subscriptions.deliveries(viewer, id, wanted)
                .map(log -> log.stream().map(DeliveryResponse::from).toList());
    }

    private static DeliveryStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return DeliveryStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalidField("status", "must be one of PENDING, DELIVERED, FAILED");
        }
    }
}
