package nl.adempauze.bedavailability.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import nl.adempauze.bedavailability.api.CapacityView;
import nl.adempauze.bedavailability.support.BedAvailabilityIntegrationTest;
import nl.adempauze.contracts.EventCatalogue;
import nl.adempauze.contracts.events.CapacityPublished;
import nl.adempauze.platform.testing.TopicRecorder;
import org.junit.jupiter.api.Test;

/** Events leave through the transactional outbox: relayed to Kafka, then removed once the broker has them. */
class OutboxRelayTest extends BedAvailabilityIntegrationTest {

    @Test
    void publishedCapacityIsRelayedToKafkaAndTheOutboxEmptied() {
        String location = "loc-meppel-reesthof";
        try (TopicRecorder capacity = recorder(EventCatalogue.CAPACITY)) {
            CapacityView.CareTypeCapacity figure = publish(location, "GRZ", 4);

            await("CapacityPublished on Kafka").atMost(Duration.ofSeconds(10)).until(() -> !capacity.payloads(
                    CapacityPublished.class, e -> e.locationId().equals(location) && e.version() == figure.version())
                    .isEmpty());
            await("outbox emptied").atMost(Duration.ofSeconds(10)).until(() -> outboxRows() == 0);
            assertThat(capacity.all()).allSatisfy(seen -> assertThat(seen.id()).isNotBlank());
            assertAllConformToTheirSchema(capacity);
        }
    }

    private long outboxRows() {
        return db.sql("SELECT count(*) AS n FROM outbox_event").map((row, meta) -> row.get("n", Long.class))
                .one().block(Duration.ofSeconds(10));
    }
}
