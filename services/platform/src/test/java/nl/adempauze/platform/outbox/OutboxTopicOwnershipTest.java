package nl.adempauze.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import nl.adempauze.contracts.EventCatalogue;
import nl.adempauze.contracts.EventCodec;
import nl.adempauze.contracts.Topic;
import nl.adempauze.contracts.events.CapacityPublished;
import nl.adempauze.contracts.events.RequestCancelled;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** Each topic is written only by its owning service: the outbox refuses anything else before touching the database. */
class OutboxTopicOwnershipTest {

    private static final CapacityPublished CAPACITY =
            new CapacityPublished("loc-1", "drenthe", "ELV_HOOG", 2, 0, 2, 1, Instant.EPOCH);

    @Test
    void aServiceCannotWriteAnotherServicesTopic() {
        // no database, relay or tracing: the refusal must come before any of them is used
        Outbox notification = new Outbox(null, new EventCodec(), null, null, Clock.systemUTC(), "notification");
        Outbox requestMatching = new Outbox(null, new EventCodec(), null, null, Clock.systemUTC(), "request-matching");

        StepVerifier.create(notification.append(CAPACITY))
                .expectErrorSatisfies(refused -> assertThat(refused)
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("notification may not write CapacityPublished")
                        .hasMessageContaining("written only by bed-availability"))
                .verify();
        StepVerifier.create(requestMatching.append(new RequestCancelled("r-1", "drenthe", "no longer needed",
                        Instant.EPOCH), CAPACITY))
                .expectErrorMessage("request-matching may not write CapacityPublished: topic "
                        + EventCatalogue.CAPACITY.name() + " is written only by bed-availability")
                .verify();
    }

    @Test
    void everyTopicIsOwnedByOneOfTheServicesThatWriteEvents() {
        assertThat(EventCatalogue.TOPICS).extracting(Topic::owner)
                .allMatch(Set.of("bed-availability", "request-matching")::contains);
    }
}
