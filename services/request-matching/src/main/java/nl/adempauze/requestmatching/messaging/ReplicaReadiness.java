package nl.adempauze.requestmatching.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.adempauze.contracts.EventCatalogue;
import nl.adempauze.platform.messaging.ConsumerGroupLag;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Ready only once matching has read every location and capacity event that existed when this instance started:
 * before that, it would rank from an empty or old picture and escalate requests that a free bed could take. The
 * target is the topics' end offsets at start, not "no lag": under steady capacity traffic a new instance would
 * rarely see a lag of exactly 0. The replica is shared by the instances (one database, one consumer group), so the
 * group's committed offsets tell. Once caught up it stays ready; later lag is normal traffic, not a reason to stop
 * taking requests.
 */
@Component("replica")
public class ReplicaReadiness implements HealthIndicator, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReplicaReadiness.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final List<String> TOPICS = List.of(EventCatalogue.LOCATIONS.name(), EventCatalogue.CAPACITY.name());

    private final Admin admin;
    private final AtomicBoolean caughtUp = new AtomicBoolean();
    /** The end offsets when this instance started: what it must have read to be ready. */
    private volatile Map<TopicPartition, Long> target;

    public ReplicaReadiness(KafkaAdmin kafkaAdmin) {
        this.admin = Admin.create(kafkaAdmin.getConfigurationProperties());
    }

    /** Takes the target as the service starts; if the broker cannot say yet, the first health check takes it. */
    @EventListener(ApplicationStartedEvent.class)
    public void takeTarget() {
        try {
            target();
        } catch (RuntimeException e) {
            log.warn("Cannot read the end offsets of {} yet, the readiness check tries again: {}", TOPICS,
                    e.toString());
        }
    }

    @Override
    public Health health() {
        if (caughtUp.get()) {
            return Health.up().build();
        }
        try {
            long behind = ConsumerGroupLag.behind(admin, BedAvailabilityEventsListener.REPLICA_CONSUMER, target());
            if (behind == 0) {
                caughtUp.set(true);
                return Health.up().build();
            }
            return Health.outOfService().withDetail("eventsBehind", behind).build();
        } catch (Exception e) {
            return Health.outOfService().withException(e).build();
        }
    }

    private Map<TopicPartition, Long> target() {
        Map<TopicPartition, Long> known = target;
        if (known == null) {
            known = ConsumerGroupLag.endOffsets(admin, TOPICS);
            target = known;
        }
        return known;
    }

    @Override
    public void destroy() {
        admin.close(TIMEOUT);
    }
}
