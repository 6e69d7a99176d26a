package nl.adempauze.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletionException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.KafkaException;

/** Only what can never succeed for the record itself sets a row aside; everything else keeps it, in its place. */
class BrokerRefusalTest {

    @Test
    void aRecordTheBrokerCanNeverTakeIsRefusedWithTheReason() {
        assertThat(BrokerRefusal.of(new KafkaException("Send failed", new RecordTooLargeException("too large"))))
                .contains("RecordTooLargeException: too large");
        assertThat(BrokerRefusal.of(new CompletionException(new InvalidTopicException("bad name")))).isPresent();
        assertThat(BrokerRefusal.of(new SerializationException("cannot serialize"))).isPresent();
    }

    @Test
    void outagesAndInstallationErrorsAreNotRefusals() {
        assertThat(BrokerRefusal.of(new KafkaException("Send failed", new TimeoutException("no metadata")))).isEmpty();
        assertThat(BrokerRefusal.of(new NotLeaderOrFollowerException("moving"))).isEmpty();
        assertThat(BrokerRefusal.of(new TopicAuthorizationException("no ACL"))).isEmpty();
        assertThat(BrokerRefusal.of(new IllegalStateException("anything else"))).isEmpty();
    }
}
