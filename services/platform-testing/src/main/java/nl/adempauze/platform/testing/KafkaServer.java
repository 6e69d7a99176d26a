package nl.adempauze.platform.testing;

/** A running Kafka broker. */
public interface KafkaServer extends AutoCloseable {

    String bootstrapServers();

    @Override
    void close();
}
