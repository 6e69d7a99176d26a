package nl.adempauze.embedded;

/** A running Kafka broker. */
public interface KafkaServer extends AutoCloseable {

    String bootstrapServers();

    @Override
    void close();
}
