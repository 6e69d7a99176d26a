package nl.adempauze.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The embedded broker and database are real servers: a record goes in and comes out, a database is made and asked. */
class EmbeddedInfrastructureTest {

    @Test
    void theBrokerKeepsARecordForAConsumer() throws Exception {
        try (EmbeddedKafkaServer kafka = EmbeddedKafkaServer.start(0)) {
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("beds", "loc-1", "free")).get();
            }
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "reader",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                    new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("beds"));
                ConsumerRecord<String, String> record = null;
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (record == null && System.nanoTime() < deadline) {
                    var records = consumer.poll(Duration.ofMillis(500));
                    record = records.isEmpty() ? null : records.iterator().next();
                }
                assertThat(record).isNotNull();
                assertThat(record.key()).isEqualTo("loc-1");
                assertThat(record.value()).isEqualTo("free");
            }
        }
    }

    @Test
    void theDatabaseServerMakesADatabaseOfItsOwnPerService() throws Exception {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(0)) {
            postgres.createDatabase("bed_availability");
            try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("bed_availability"),
                    postgres.user(), postgres.password());
                 Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("SELECT current_database()")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getString(1)).isEqualTo("bed_availability");
            }
        }
    }

    @Test
    void theDatabaseServerCommitsDurably() throws Exception {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(0);
             Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.user(),
                     postgres.password());
             Statement statement = connection.createStatement()) {
            // a commit is answered only once its WAL is on disk: a crash cannot take back a request answered 201
            assertThat(setting(statement, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(statement, "fsync")).isEqualTo("on");
        }
    }

    private static String setting(Statement statement, String name) throws Exception {
        try (ResultSet result = statement.executeQuery("SHOW " + name)) {
            assertThat(result.next()).isTrue();
            return result.getString(1);
        }
    }
}
