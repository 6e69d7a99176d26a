package nl.adempauze.platform.testing;

import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** A real single-node KRaft broker in this JVM (spring-kafka-test). */
public final class EmbeddedKafkaServer implements KafkaServer {

    private final EmbeddedKafkaKraftBroker broker;

    private EmbeddedKafkaServer(EmbeddedKafkaKraftBroker broker) {
        this.broker = broker;
    }

    /**
     * Starts the broker, asking for {@code port} (0: any). Spring Kafka 4.1's KRaft broker does not honour the
     * request and always takes a free port: read {@link #bootstrapServers()}.
     */
    public static EmbeddedKafkaServer start(int port) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.brokerProperties(Map.of(
                "group.initial.rebalance.delay.ms", "0",
                "auto.create.topics.enable", "true",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1",
                "offsets.topic.replication.factor", "1",
                "num.partitions", "3"));
        if (port > 0) {
            broker.kafkaPorts(port);
        }
        broker.afterPropertiesSet();
        return new EmbeddedKafkaServer(broker);
    }

    @Override
    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    @Override
    public void close() {
        broker.destroy();
    }
}
