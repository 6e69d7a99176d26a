package nl.adempauze.notification.application;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import nl.adempauze.notification.domain.AttemptOutcome;
import nl.adempauze.notification.domain.Delivery;
import nl.adempauze.notification.domain.DeliveryStatus;
import nl.adempauze.notification.domain.Scope;
import nl.adempauze.notification.domain.Subscription;
import nl.adempauze.notification.domain.Viewer;
import nl.adempauze.notification.domain.WebhookTargets;
import nl.adempauze.notification.persistence.DeliveryRepository;
import nl.adempauze.notification.persistence.SubscriptionRepository;
import nl.adempauze.platform.domain.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Webhook subscriptions and their delivery logs. A subscription belongs to the organisation of the viewer who
 * made it (a coordinator's: to its regions); only that organisation (those regions) sees, deactivates and reads
 * the log of it: to anyone else it does not exist.
 */
@Service
public class SubscriptionService {

    private static final int LOG_LIMIT = 500;

    private final SubscriptionRepository subscriptions;
    private final DeliveryRepository deliveries;
    private final TransactionalOperator tx;
    private final WebhookTargets targets;
    private final NotificationAccess access;
    private final Clock clock;

    public SubscriptionService(SubscriptionRepository subscriptions, DeliveryRepository deliveries,
                               TransactionalOperator tx, WebhookTargets targets, NotificationAccess access,
                               Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.tx = tx;
        this.targets = targets;
        this.access = access;
        this.clock = clock;
    }

    /** A new active subscription of {@code owner}, within its reach and to a URL webhooks may be sent to. */
    public Mono<Subscription> create(Viewer owner, URI url, String secret, List<String> eventTypes, Scope scope) {
        Subscription subscription = new Subscription(UUID.randomUUID(), url, secret,
                eventTypes.stream().distinct().toList(), scope, true, clock.instant(), owner);
        return access.checkScope(owner, scope)
                // resolving the host name may block
                .then(Mono.fromCallable(() -> targets.checkedAddress(subscription.url()))
                        .subscribeOn(Schedulers.boundedElastic()))
                // the same text whatever the reason: it never names the address the host resolved to
                .flatMap(address -> address.isEmpty()
                        ? Mono.error(DomainException.invalidField("url", WebhookTargets.REFUSAL))
                        : Mono.just(subscription))
                .flatMap(subscriptions::insert)
                .thenReturn(subscription);
    }

    /** The viewer's organisation's subscriptions (a coordinator's: those of its regions), active or not. */
    public Flux<Subscription> managedBy(Viewer viewer) {
        return subscriptions.findManagedBy(viewer);
    }

    /** The subscription if the viewer manages it; another's is not found, like one that does not exist. */
    public Mono<Subscription> managed(Viewer viewer, String id) {
        return Mono.defer(() -> subscriptions.findById(UUID.fromString(id)))
                .onErrorResume(IllegalArgumentException.class, e -> Mono.empty())
                .filter(subscription -> viewer.manages(subscription.owner()))
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("Subscription", id)));
    }

    /** Deactivates: nothing new is delivered and pending retries are given up, visibly; the log stays. */
    public Mono<Void> deactivate(Viewer viewer, String id) {
        return managed(viewer, id)
                .flatMap(subscription -> subscriptions.deactivate(subscription.id(), clock.instant())
                        .then(deliveries.failPending(subscription.id(), AttemptOutcome.SUBSCRIPTION_DEACTIVATED))
                        .as(tx::transactional))
                .then();
    }

    /** The subscription's delivery log, newest first, of one status only unless {@code status} is null. */
    public Mono<List<Delivery>> deliveries(Viewer viewer, String id, DeliveryStatus status) {
        return managed(viewer, id)
                .flatMap(subscription -> deliveries.log(subscription.id(), status, LOG_LIMIT).collectList());
    }
}
