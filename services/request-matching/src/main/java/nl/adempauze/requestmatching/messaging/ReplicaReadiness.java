package nl.adempauze.requestmatching.messaging;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.adempauze.contracts.EventCatalogue;
import nl.adempauze.platform.messaging.ConsumerGroupLag;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Ready only once matching has read every location and capacity event that existed: before that, it would rank
 * from an empty or old picture and escalate requests that a free bed could take. Once caught up it stays ready;
 * later lag is normal traffic, not a reason to stop taking requests.
 */
@Component("replica")
public class ReplicaReadiness implements HealthIndicator, DisposableBean {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final List<String> TOPICS = List.of(EventCatalogue.LOCATIONS.name(), EventCatalogue.CAPACITY.name());

    private final Admin admin;
    private final AtomicBoolean caughtUp = new AtomicBoolean();

    public ReplicaReadiness(KafkaAdmin kafkaAdmin) {
        this.admin = Admin.create(kafkaAdmin.getConfigurationProperties());
    }

    @Override
    public Health health() {
        if (caughtUp.get()) {
            return Health.up().build();
        }
        try {
            long lag = lag();
            if (lag == 0) {
                caughtUp.set(true);
                return Health.up().build();
            }
            return Health.outOfService().withDetail("eventsBehind", lag).build();
        } catch (Exception e) {
            return Health.outOfService().withException(e).build();
        }
    }

    private long lag() {
        return ConsumerGroupLag.of(admin, BedAvailabilityEventsListener.REPLICA_CONSUMER, TOPICS);
    }

    @Override
    public void destroy() {
        admin.close(TIMEOUT);
    }
}
