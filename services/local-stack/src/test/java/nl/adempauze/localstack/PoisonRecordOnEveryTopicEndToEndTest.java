package nl.adempauze.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import nl.adempauze.contracts.EventCatalogue;
import nl.adempauze.contracts.EventDefinition;
import nl.adempauze.contracts.Topic;
import nl.adempauze.contracts.events.BedHeld;
import nl.adempauze.contracts.events.HoldRequested;
import nl.adempauze.contracts.events.OfferAccepted;
import nl.adempauze.contracts.events.OfferMade;
import nl.adempauze.contracts.events.PatientAdmitted;
import nl.adempauze.contracts.events.PatientDischarged;
import nl.adempauze.contracts.events.RequestMatched;
import nl.adempauze.contracts.events.RequestSubmitted;
import nl.adempauze.platform.testing.TableContents;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Poison on every catalogue topic of the running system, each keyed like the real records of that topic (so it sits
 * in front of them in their partition, in every partition): bytes that are no CloudEvent and no JSON, a CloudEvent
 * whose data is no JSON, for every event type of the topic a CloudEvent whose data breaks that type's schema, and a
 * CloudEvent of a type nobody knows. Every poison record lands on the topic's dead-letter topic exactly once for each
 * service consumer group that reads the topic and acts on the type it claims (see {@link ServiceConsumerGroups}: a
 * group passes by, unread, a catalogued type it does nothing with), saying which group and why; no
 * service stores or emits anything because of it; every group reads on past it, and a crisis request afterwards is
 * offered, accepted and placed as always, each of its events once.
 */
class PoisonRecordOnEveryTopicEndToEndTest {

    private static final String POISON_HEADER = "x-test-poison";
    private static final String UNKNOWN_TYPE = "BedTeleported";
    /** Which consumer group dead-lettered a record and why (spring-kafka's DeadLetterPublishingRecoverer). */
    private static final String DLT_GROUP = "kafka_dlt-original-consumer-group";
    private static final String DLT_TOPIC = "kafka_dlt-original-topic";
    private static final String DLT_EXCEPTION = "kafka_dlt-exception-fqcn";
    private static final String DLT_CAUSE = "kafka_dlt-exception-cause-fqcn";
    private static final String DLT_MESSAGE = "kafka_dlt-exception-message";
    /**
     * Tables request-matching's own clocks may change at any moment (offer expiry, waiting-list sweeps and deadline
     * escalations for what earlier tests left), and its outbox with them: checked for rows about the poison and for
     * new requests and offers, rather than by fingerprint. Everything else must stay exactly as it was.
     */
    private static final Set<String> MATCHING_CLOCK_TABLES = Set.of("request", "offer", "escalation");
    private static final String MATCHING_OUTBOX = "outbox_event appended";
    /** Webhook retries of earlier tests' subscriptions update delivery rows; new rows would be new deliveries. */
    private static final String DELIVERIES = "webhook_delivery";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private enum Kind {
        NOT_JSON("Not a CloudEvent"),
        DATA_NOT_JSON("is not valid JSON"),
        BREAKS_SCHEMA("breaks its schema"),
        UNKNOWN_TYPE("Unknown event type");

        final String reason;

        Kind(String reason) {
            this.reason = reason;
        }
    }

    private record Poison(String id, Topic topic, String key, Kind kind, String type, ProducerRecord<String, byte[]> record) {
    }

    @Test
    void poisonOnEveryTopicIsDeadLetteredOncePerReaderChangesNothingAndTheCrisisFlowGoesOn() throws Exception {
        E2eStack stack = E2eStack.get();
        long start = System.nanoTime();
        String kafka = stack.infrastructure.kafka().bootstrapServers();
        assertThat(ServiceConsumerGroups.actualReaders(kafka)).as("who reads which topic (see ServiceConsumerGroups)")
                .isEqualTo(ServiceConsumerGroups.expectedReaders());
        ServiceConsumerGroups.awaitCaughtUp(kafka, Duration.ofSeconds(60));
        Map<String, Map<String, String>> before = snapshot(stack);

        List<Poison> poison = poison(kafka);
        // the request ids the poison is keyed with: new to the system, unlike its location and region keys
        List<String> requestKeys = poison.stream().map(Poison::key).filter(PoisonRecordOnEveryTopicEndToEndTest::isUuid)
                .distinct().toList();
        List<String> deadLetterTopics = EventCatalogue.TOPICS.stream().map(Topic::deadLetter).toList();
        List<String> catalogueTopics = EventCatalogue.TOPICS.stream().map(Topic::name).toList();
        int expected = poison.stream().mapToInt(p -> readers(p).size()).sum();
        List<RecordTap.Tapped> deadLettered;
        try (RecordTap deadLetters = new RecordTap(kafka, deadLetterTopics);
             RecordTap wire = new RecordTap(kafka, catalogueTopics)) {
            send(kafka, poison);
            await("every poison record dead-lettered by every reader").atMost(Duration.ofSeconds(60))
                    .until(() -> ours(deadLetters.all()).size() >= expected);
            // every group has moved past the poison (its offset committed after the dead-lettering was sent), so
            // once the dead-letter topics are read to their end, every copy there will ever be is in
            ServiceConsumerGroups.awaitCaughtUp(kafka, Duration.ofSeconds(60));
            deadLetters.awaitReadToEnd(Duration.ofSeconds(10));
            wire.awaitReadToEnd(Duration.ofSeconds(10));
            deadLettered = ours(deadLetters.all());
            assertThat(wire.events()).as("events emitted because of poison")
                    .noneMatch(event -> requestKeys.stream().anyMatch(key -> contains(event.value(), key)));
        }

        // exactly once per poison record and reader, with the reader's group, the topic and the reason on it
        Map<String, Poison> byId = poison.stream().collect(Collectors.toMap(Poison::id, p -> p));
        Map<String, Integer> copies = new TreeMap<>();
        for (RecordTap.Tapped copy : deadLettered) {
            Poison original = byId.get(copy.header(POISON_HEADER));
            String group = copy.header(DLT_GROUP);
            copies.merge(original.id() + " by " + group, 1, Integer::sum);
            assertThat(copy.topic()).isEqualTo(original.topic().deadLetter());
            assertThat(copy.key()).isEqualTo(original.key());
            assertThat(copy.value()).isEqualTo(original.record().value());
            assertThat(copy.header(DLT_TOPIC)).isEqualTo(original.topic().name());
            assertThat(readers(original)).as("%s %s on %s read by", original.kind(), original.type(),
                    original.topic().name()).contains(group);
            assertThat(copy.header(DLT_EXCEPTION) + " " + copy.header(DLT_CAUSE))
                    .as("why %s %s was dead-lettered by %s", original.kind(), original.type(), group)
                    .contains("InvalidEventException");
            assertThat(copy.header(DLT_MESSAGE)).as("why %s %s was dead-lettered by %s", original.kind(),
                    original.type(), group).contains(original.kind().reason);
        }
        List<String> lost = new ArrayList<>();
        for (Poison p : poison) {
            for (String group : readers(p)) {
                if (!copies.containsKey(p.id() + " by " + group)) {
                    lost.add(p.kind() + " " + p.type() + " on " + p.topic().name() + " by " + group);
                }
            }
        }
        int surplus = copies.values().stream().mapToInt(n -> n - 1).sum();
        assertThat(lost).as("poison not dead-lettered").isEmpty();
        assertThat(surplus).as("poison dead-lettered more than once by one group: %s", copies.entrySet().stream()
                .filter(copy -> copy.getValue() > 1).toList()).isZero();

        // nothing stored, changed or emitted because of it (request-matching's clock tables: nothing about it)
        Map<String, Map<String, String>> after = snapshot(stack);
        assertThat(after).as("the services' tables after the poison").isEqualTo(before);
        assertThat(rowsMentioning(stack.services.requestMatching, MATCHING_CLOCK_TABLES, requestKeys))
                .as("request-matching rows about poison keys").isZero();

        // the flow goes on: a crisis request through all three services, behind the poison in its partitions
        int flowLost;
        int flowDuplicated;
        try (RecordTap wire = new RecordTap(kafka, catalogueTopics);
             CrisisScenario crisis = new CrisisScenario(stack).withAvailableBeds(1)) {
            stack.awaitMatchingCaughtUp();
            String requestId = crisis.submit();
            crisis.accept(crisis.awaitOffer(requestId));
            crisis.admit(requestId);
            crisis.awaitStatus(requestId, "ADMITTED");
            crisis.close();
            Map<Class<?>, Long> flow = await("the crisis flow's events").atMost(Duration.ofSeconds(30))
                    .until(() -> flowEvents(wire, requestId), seen -> seen.size() == FLOW.size());
            flowLost = FLOW.size() - flow.size();
            flowDuplicated = (int) flow.values().stream().mapToLong(n -> n - 1).sum();
            assertThat(flow).as("each event of the crisis flow once (by CloudEvent id)")
                    .allSatisfy((type, distinct) -> assertThat(distinct).as(type.getSimpleName()).isEqualTo(1L));
        }
        ServiceConsumerGroups.awaitCaughtUp(kafka, Duration.ofSeconds(60));

        Map<String, String> perTopic = new LinkedHashMap<>();
        for (Topic topic : EventCatalogue.TOPICS) {
            long sent = poison.stream().filter(p -> p.topic().equals(topic)).count();
            long owed = poison.stream().filter(p -> p.topic().equals(topic)).mapToLong(p -> readers(p).size()).sum();
            long dead = deadLettered.stream().filter(copy -> copy.topic().equals(topic.deadLetter())).count();
            perTopic.put(topic.name(), sent + " sent, " + owed + " owed=" + dead);
        }
        System.out.printf("poison: sent=%d dead-lettered=%d (%s) flow completed=1 lost=%d duplicated=%d; in %.1f s%n",
                poison.size(), deadLettered.size(), perTopic.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")),
                lost.size() + flowLost, surplus + flowDuplicated, (System.nanoTime() - start) / 1e9);
    }

    /**
     * The groups that must dead-letter the poison record: those reading its topic, less those that pass by the type
     * it claims (a record without a type header claims none, so every reader decodes it).
     */
    private static List<String> readers(Poison poison) {
        return poison.kind() == Kind.NOT_JSON ? ServiceConsumerGroups.readersOf(poison.topic())
                : ServiceConsumerGroups.readersOf(poison.topic(), poison.type());
    }

    /** The events a crisis request is offered, accepted, admitted and discharged with (all on one request). */
    private static final List<Class<?>> FLOW = List.of(RequestSubmitted.class, HoldRequested.class, BedHeld.class,
            OfferMade.class, OfferAccepted.class, RequestMatched.class, PatientAdmitted.class, PatientDischarged.class);

    /** Distinct CloudEvent ids per flow event type seen for the request (copies share their original's id). */
    private static Map<Class<?>, Long> flowEvents(RecordTap wire, String requestId) {
        return wire.events().stream()
                .filter(event -> FLOW.contains(event.payload().getClass()))
                .filter(event -> requestId.equals(requestOf(event.payload())))
                .collect(Collectors.groupingBy(event -> event.payload().getClass(),
                        Collectors.collectingAndThen(Collectors.mapping(RecordTap.Tapped::eventId,
                                Collectors.toSet()), ids -> (long) ids.size())));
    }

    private static String requestOf(Object event) {
        try {
            return (String) event.getClass().getMethod("requestId").invoke(event);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The poison records: for every topic each kind, keyed like that topic's real records, across its partitions. */
    private static List<Poison> poison(String kafka) {
        List<Poison> poison = new ArrayList<>();
        try (var producer = producer(kafka)) {
            for (Topic topic : EventCatalogue.TOPICS) {
                int partitions = producer.partitionsFor(topic.name()).size();
                List<EventDefinition<?>> types = EventCatalogue.onTopic(topic);
                List<Kind> kinds = new ArrayList<>(List.of(Kind.NOT_JSON, Kind.DATA_NOT_JSON, Kind.UNKNOWN_TYPE));
                types.forEach(type -> kinds.add(Kind.BREAKS_SCHEMA));
                for (int i = 0; i < kinds.size(); i++) {
                    Kind kind = kinds.get(i);
                    EventDefinition<?> type = kind == Kind.BREAKS_SCHEMA ? types.get(i - 3) : types.get(i % types.size());
                    String key = keyLike(type, i % partitions, partitions);
                    poison.add(poisonRecord(topic, key, kind, type));
                }
            }
        }
        return poison;
    }

    /**
     * A key as the topic's real records have it: the demo region or a real location for location events, a real
     * location's care type for capacity (the crisis flow's own, so the flow queues behind the poison), a fresh
     * request id for the rest, chosen to land in the given partition so every partition gets poison.
     */
    private static String keyLike(EventDefinition<?> type, int partition, int partitions) {
        if (type.topic().equals(EventCatalogue.LOCATIONS)) {
            return type.type().equals("RegionConfigured") ? "drenthe" : CrisisScenario.DE_HOOGTE;
        }
        if (type.topic().equals(EventCatalogue.CAPACITY)) {
            return EventCatalogue.capacityKey(CrisisScenario.DE_HOOGTE, CrisisScenario.CARE_TYPE);
        }
        while (true) {
            String requestId = UUID.randomUUID().toString();
            // the producer's default partitioner for keyed records
            if (Utils.toPositive(Utils.murmur2(requestId.getBytes(StandardCharsets.UTF_8))) % partitions == partition) {
                return requestId;
            }
        }
    }

    private static Poison poisonRecord(Topic topic, String key, Kind kind, EventDefinition<?> definition) {
        String id = "poison-" + UUID.randomUUID();
        String type = kind == Kind.UNKNOWN_TYPE ? UNKNOWN_TYPE : definition.type();
        ProducerRecord<String, byte[]> record = switch (kind) {
            case NOT_JSON -> new ProducerRecord<>(topic.name(), key,
                    ("{not a CloudEvent, not JSON: " + id).getBytes(StandardCharsets.UTF_8));
            case DATA_NOT_JSON -> cloudEvent(topic, key, id, type, ("<" + type + " " + id + ">")
                    .getBytes(StandardCharsets.UTF_8));
            case BREAKS_SCHEMA -> cloudEvent(topic, key, id, type, wrongTypes(definition.recordType(), key));
            case UNKNOWN_TYPE -> cloudEvent(topic, key, id, type, JSON.writeValueAsBytes(Map.of(
                    "requestId", key, "region", "drenthe", "locationId", CrisisScenario.DE_HOOGTE)));
        };
        record.headers().add(POISON_HEADER, id.getBytes(StandardCharsets.UTF_8));
        // sent once: the test counts its dead-lettered copies per reader
        EventDuplicator.leaveAlone(record.headers());
        return new Poison(id, topic, key, kind, type, record);
    }

    /** A CloudEvent in binary mode, exactly as the services' outbox relay writes one. */
    private static ProducerRecord<String, byte[]> cloudEvent(Topic topic, String key, String id, String type,
                                                             byte[] data) {
        return KafkaMessageFactory.createWriter(topic.name(), key).writeBinary(CloudEventBuilder.v1()
                .withId(id)
                .withSource(URI.create("/adempauze/test/poison"))
                .withType(type)
                .withSubject(key)
                .withTime(OffsetDateTime.now())
                .withDataContentType("application/json")
                .withData(data)
                .build());
    }

    /**
     * Every field of the event present, each with a value of the wrong JSON type (the key field too, as a number):
     * well-formed JSON of the right shape that its schema refuses.
     */
    private static byte[] wrongTypes(Class<?> recordType, String key) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (RecordComponent field : recordType.getRecordComponents()) {
            Class<?> type = field.getType();
            Object wrong;
            if (type == String.class) {
                wrong = key.length();
            } else if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
                wrong = "many";
            } else if (type == boolean.class || type == Boolean.class) {
                wrong = "yes";
            } else if (Temporal.class.isAssignableFrom(type)) {
                wrong = "yesterday";
            } else if (Collection.class.isAssignableFrom(type)) {
                wrong = Map.of("not", "a list");
            } else {
                wrong = List.of("not an object");
            }
            data.put(field.getName(), wrong);
        }
        return JSON.writeValueAsBytes(data);
    }

    private static void send(String kafka, List<Poison> poison) throws Exception {
        try (var producer = producer(kafka)) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            poison.forEach(p -> sent.add(producer.send(p.record())));
            for (var future : sent) {
                future.get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static KafkaProducer<String, byte[]> producer(String kafka) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** This test's dead-lettered poison (the dead-letter topics may hold other tests' records too). */
    private static List<RecordTap.Tapped> ours(List<RecordTap.Tapped> deadLettered) {
        return deadLettered.stream().filter(copy -> copy.header(POISON_HEADER) != null).toList();
    }

    private static boolean isUuid(String text) {
        try {
            return UUID.fromString(text).toString().equals(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean contains(byte[] value, String text) {
        return value != null && new String(value, StandardCharsets.UTF_8).contains(text);
    }

    /**
     * Every table of every service, fingerprinted ({@link TableContents}); request-matching's clock tables and
     * notification's delivery rows left to the checks that allow for background work (see the constants).
     */
    private static Map<String, Map<String, String>> snapshot(E2eStack stack) {
        Map<String, Map<String, String>> services = new TreeMap<>();
        services.put("bed-availability", TableContents.of(db(stack.services.bedAvailability)));
        Map<String, String> matching = new TreeMap<>(TableContents.of(db(stack.services.requestMatching)));
        MATCHING_CLOCK_TABLES.forEach(matching::remove);
        matching.remove(MATCHING_OUTBOX);
        for (String table : List.of("request", "offer")) {
            matching.put(table + " rows", count(stack.services.requestMatching, table));
        }
        services.put("request-matching", matching);
        Map<String, String> notification = new TreeMap<>(TableContents.of(db(stack.services.notification)));
        notification.remove(DELIVERIES);
        notification.put(DELIVERIES + " rows", count(stack.services.notification, DELIVERIES));
        services.put("notification", notification);
        return services;
    }

    private static String count(ConfigurableApplicationContext service, String table) {
        return String.valueOf(db(service).sql("SELECT count(*) FROM \"" + table + "\"")
                .map(row -> row.get(0, Long.class)).one().block(Duration.ofSeconds(30)));
    }

    /** Rows of these tables whose text holds any of the keys. */
    private static long rowsMentioning(ConfigurableApplicationContext service, Collection<String> tables,
                                       List<String> keys) {
        long rows = 0;
        for (String table : tables) {
            for (String key : keys) {
                rows += db(service).sql("SELECT count(*) FROM \"" + table + "\" t WHERE strpos(t::text, :key) > 0")
                        .bind("key", key).map(row -> row.get(0, Long.class)).one().block(Duration.ofSeconds(30));
            }
        }
        return rows;
    }

    private static DatabaseClient db(ConfigurableApplicationContext service) {
        return service.getBean(DatabaseClient.class);
    }
}
