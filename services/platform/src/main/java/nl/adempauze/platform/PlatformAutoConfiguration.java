package nl.adempauze.platform;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import nl.adempauze.contracts.EventCatalogue;
import nl.adempauze.contracts.EventCodec;
import nl.adempauze.contracts.InvalidEventException;
import nl.adempauze.contracts.Topic;
import nl.adempauze.platform.inbox.EventDecoder;
import nl.adempauze.platform.inbox.EventInbox;
import nl.adempauze.platform.messaging.EventConsumer;
import nl.adempauze.platform.messaging.RecordDeadLetters;
import nl.adempauze.platform.messaging.TransientFailures;
import nl.adempauze.platform.outbox.Outbox;
import nl.adempauze.platform.outbox.OutboxRelay;
import nl.adempauze.platform.outbox.OutboxRelaySettings;
import nl.adempauze.platform.outbox.TraceContext;
import nl.adempauze.platform.scheduling.R2dbcLockProvider;
import nl.adempauze.platform.web.ProblemResponses;
import nl.adempauze.platform.web.StorableAddress;
import nl.adempauze.platform.web.StorableTextDeserializer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.module.SimpleModule;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.util.backoff.ExponentialBackOff;

/** Wires the platform into every service: outbox, relay, idempotent consumer, dead-lettering and topics. */
@AutoConfiguration(beforeName = "org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration", afterName = {
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
        "org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcAutoConfiguration",
        "org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration",
        "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
        "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration"})
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
@Import(ProblemResponses.class)
public class PlatformAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Strings in request bodies that PostgreSQL could not store as sent are refused with 400 (all services). */
    @Bean
    JacksonModule storableTextModule() {
        return new SimpleModule("adempauze-storable-text").addDeserializer(String.class, new StorableTextDeserializer());
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    StorableAddress storableAddress() {
        return new StorableAddress();
    }

    /**
     * Holds the {@code @SchedulerLock} of a scheduled job while one instance runs it, so the others skip that tick
     * (ShedLock, on the service's own database).
     */
    @Bean
    @ConditionalOnMissingBean
    LockProvider schedulerLockProvider(DatabaseClient db) {
        return new R2dbcLockProvider(db);
    }

    @Bean
    EventCodec eventCodec(@Value("${" + PlatformDefaults.CHECK_ENCODED_EVENTS + ":true}") boolean checkEncoded) {
        return new EventCodec(checkEncoded);
    }

    @Bean
    TraceContext traceContext(ObjectProvider<Tracer> tracer) {
        return new TraceContext(tracer.getIfAvailable());
    }

    @Bean
    OutboxRelaySettings outboxRelaySettings(@Value("${adempauze.outbox.send-timeout:PT5S}") Duration sendTimeout,
                                            @Value("${adempauze.outbox.lock-wait:PT5S}") Duration lockWait,
                                            @Value("${adempauze.outbox.first-backoff:PT0.5S}") Duration firstBackoff,
                                            @Value("${adempauze.outbox.max-backoff:PT10S}") Duration maxBackoff) {
        return new OutboxRelaySettings(sendTimeout, lockWait, firstBackoff, maxBackoff);
    }

    @Bean
    OutboxRelay outboxRelay(DatabaseClient db, TransactionalOperator tx, KafkaTemplate<String, byte[]> kafka,
                            @Value("${spring.application.name}") String serviceName, MeterRegistry meters,
                            OutboxRelaySettings settings) {
        return new OutboxRelay(db, tx, kafka, serviceName, meters, settings);
    }

    @Bean
    Outbox outbox(DatabaseClient db, EventCodec codec, OutboxRelay relay, TraceContext traceContext, Clock clock,
                  @Value("${spring.application.name}") String serviceName) {
        return new Outbox(db, codec, relay, traceContext, clock, serviceName);
    }

    @Bean
    EventInbox eventInbox(DatabaseClient db, TransactionalOperator tx) {
        return new EventInbox(db, tx);
    }

    @Bean
    EventConsumer eventConsumer(EventCodec codec, EventInbox inbox, TraceContext traceContext) {
        return new EventConsumer(new EventDecoder(codec), inbox, traceContext);
    }

    /**
     * A record that can never be read goes to its topic's dead-letter topic at once, and the consumer carries on.
     * While the database or broker is away, a record is retried until they are back (nothing is lost, order is
     * kept); any other failure is retried for a minute and then dead-lettered, so one bad record cannot stall a
     * partition for ever.
     */
    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, byte[]> kafka) {
        DeadLetterPublishingRecoverer recoverer = new RecordDeadLetters(kafka,
                (record, exception) -> new TopicPartition(record.topic() + ".DLT", -1));
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff(60_000));
        handler.addNotRetryableExceptions(InvalidEventException.class);
        // a batch's failed record is named, dealt with above, and the poll's rest delivered again: that re-seek is
        // routine, not an error of its own (the failure itself is logged where it is retried or dead-lettered)
        handler.setLogLevel(KafkaException.Level.WARN);
        handler.setBackOffFunction((record, exception) -> TransientFailures.isTransient(exception)
                ? backOff(Long.MAX_VALUE) : null);
        return handler;
    }

    private static ExponentialBackOff backOff(long maxElapsedMillis) {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(5_000);
        backOff.setMaxElapsedTime(maxElapsedMillis);
        return backOff;
    }

    @Bean
    KafkaAdmin.NewTopics adempauzeTopics(@Value("${adempauze.kafka.partitions:6}") int partitions,
                                         @Value("${adempauze.kafka.replicas:1}") short replicas) {
        List<NewTopic> topics = new ArrayList<>();
        for (Topic topic : EventCatalogue.TOPICS) {
            topics.add(TopicBuilder.name(topic.name()).partitions(partitions).replicas(replicas).build());
            topics.add(TopicBuilder.name(topic.deadLetter()).partitions(1).replicas(replicas).build());
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }
}
