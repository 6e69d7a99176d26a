package nl.adempauze.notification.api;

import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import nl.adempauze.notification.WebhookProperties;
import nl.adempauze.notification.domain.DeliveryStatus;
import nl.adempauze.notification.domain.Scope;
import nl.adempauze.notification.domain.Subscription;
import nl.adempauze.notification.domain.Viewer;
import nl.adempauze.notification.persistence.DeliveryRepository;
import nl.adempauze.notification.persistence.SubscriptionRepository;
import nl.adempauze.platform.security.Caller;
import nl.adempauze.platform.domain.DomainException;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.reactive.TransactionalOperator;
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
import reactor.core.scheduler.Schedulers;

/**
 * Webhook subscriptions and their delivery logs. A subscription belongs to the organisation of the caller who
 * made it (a coordinator's: to its regions); only that organisation (those regions) sees, deactivates and reads
 * the log of it, anyone else gets 404. ADMIN gets 403.
 */
@RestController
@RequestMapping("/api/v1/subscriptions")
public class SubscriptionController {

    private static final int LOG_LIMIT = 500;

    private final WebhookProperties properties;
    private final SubscriptionRepository subscriptions;
    private final DeliveryRepository deliveries;
    private final TransactionalOperator tx;
    private final NotificationAccess access;
    private final Clock clock;

    public SubscriptionController(SubscriptionRepository subscriptions, DeliveryRepository deliveries,
                                  TransactionalOperator tx, WebhookProperties properties, NotificationAccess access,
                                  Clock clock) {
        this.properties = properties;
        this.access = access;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * A subscription for the caller's organisation (or regions), within its reach. The role is checked before the
     * body is read, so a caller who may not subscribe gets 403 whatever it sends.
     */
    @PostMapping
    public Mono<ResponseEntity<SubscriptionResponse>> create(Caller caller,
                                                             @Valid @RequestBody Mono<SubscriptionRequest> body) {
        Viewer owner = NotificationAccess.viewer(caller);
        return body.flatMap(request -> create(owner, request));
    }

    private Mono<ResponseEntity<SubscriptionResponse>> create(Viewer owner, SubscriptionRequest request) {
        Scope scope = request.scope() == null ? Scope.EVERYTHING : request.scope().toScope();
        Subscription subscription = new Subscription(UUID.randomUUID(), URI.create(request.url()), request.secret(),
                request.eventTypes().stream().distinct().toList(), scope, true, clock.instant(), owner);
        return access.checkScope(owner, scope)
                // resolving the host name may block
                .then(Mono.fromCallable(() -> properties.targets().refusal(subscription.url()))
                        .subscribeOn(Schedulers.boundedElastic()))
                .flatMap(refusal -> refusal.isPresent()
                        ? Mono.error(DomainException.invalidField("url", "Webhooks cannot be sent there: " + refusal.get()))
                        : Mono.just(subscription))
                .flatMap(subscriptions::insert)
                .thenReturn(ResponseEntity.created(URI.create("/api/v1/subscriptions/" + subscription.id()))
                        .body(SubscriptionResponse.from(subscription)));
    }

    /** The caller's organisation's subscriptions (a coordinator's: those of its regions), active or not. */
    @GetMapping
    public Flux<SubscriptionResponse> list(Caller caller) {
        return subscriptions.findManagedBy(NotificationAccess.viewer(caller)).map(SubscriptionResponse::from);
    }

    @GetMapping("/{id}")
    public Mono<SubscriptionResponse> get(Caller caller, @PathVariable String id) {
        return managed(caller, id).map(SubscriptionResponse::from);
    }

    /** Deactivates: nothing new is delivered and pending retries are given up, visibly; the log stays. */
    @DeleteMapping("/{id}")
    public Mono<ResponseEntity<Void>> deactivate(Caller caller, @PathVariable String id) {
        return managed(caller, id)
                .flatMap(subscription -> subscriptions.deactivate(subscription.id(), clock.instant())
                        .then(deliveries.failPending(subscription.id(), "subscription deactivated"))
                        .as(tx::transactional))
                .thenReturn(ResponseEntity.noContent().build());
    }

    @GetMapping("/{id}/deliveries")
    public Mono<List<DeliveryResponse>> deliveries(Caller caller, @PathVariable String id,
                                                   @RequestParam(required = false) String status) {
        Viewer viewer = NotificationAccess.viewer(caller);
        DeliveryStatus wanted = parseStatus(status);
        return managed(viewer, id)
                .flatMap(subscription -> deliveries.log(subscription.id(), wanted, LOG_LIMIT)
                        .map(DeliveryResponse::from)
                        .collectList());
    }

    private Mono<Subscription> managed(Caller caller, String id) {
        return managed(NotificationAccess.viewer(caller), id);
    }

    /** The subscription if the viewer manages it; another's answers 404 like one that does not exist. */
    private Mono<Subscription> managed(Viewer viewer, String id) {
        return Mono.defer(() -> subscriptions.findById(UUID.fromString(id)))
                .onErrorResume(IllegalArgumentException.class, e -> Mono.empty())
                .filter(subscription -> viewer.manages(subscription.owner()))
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("Subscription", id)));
    }

    private static DeliveryStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return DeliveryStatus.valueOf(status.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalidField("status", "must be one of PENDING, DELIVERED, FAILED");
        }
    }
}
