package nl.adempauze.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;

/**
 * Privacy by design, checked where data leaves request-matching: a GP's crisis request with the patient's full
 * identifying details runs through all three services (offer, acceptance, admission, discharge, a refused bad
 * correction), the provider reads the handover before accepting (audited), the provider and coordinator read the
 * details as they may; the patient's name is typed into the words with a decline, cancels, a protection override
 * and a priority raise (reasons are codes; the words stay in request-matching); then every Kafka record on every topic
 * (dead-letter topics too), every log line of the three services (with our own and the web framework's loggers at
 * DEBUG), every webhook body and every live-stream event is searched for any of those details. None may appear.
 */
class PatientDetailsStayInsideEndToEndTest {

    /** The patient and the call-back contact, as distinctive as possible so a hit cannot be a coincidence. */
    private static final String NAME = "Hendrikje Zwiersma-Pottjewijd";
    private static final String DATE_OF_BIRTH = "1931-07-23";
    private static final String BSN = "628194821";
    private static final String PATIENT_PHONE = "06 4821 3577";
    private static final String STREET = "Kloosterveenseweg";
    private static final String HOUSE_NUMBER = "77b";
    private static final String POSTCODE = "9403 KX";
    private static final String CONTACT_NAME = "Dokter Wubbolt van Hettema";
    private static final String CONTACT_PHONE = "0592 123 987";
    /** The handover (special-category data): the provider reads it before accepting, nothing else carries it. */
    private static final String HANDOVER_REASON = "Valpartij-Zwiersmastraat-delier 8812";
    private static final String CARRIER_OF = "BRMO-Klebsiella-6630";
    private static final String CARER_NAME = "Jantiena Oosterhuis-Kloppenburg";
    /** What must never be found, also in the forms a serializer or logger might write them in. */
    private static final List<String> IDENTIFYING = List.of(NAME, "Zwiersma", "Pottjewijd", DATE_OF_BIRTH,
            "23-07-1931", BSN, PATIENT_PHONE, "0648213577", STREET, POSTCODE, "9403KX", CONTACT_NAME, "Wubbolt",
            "Hettema", CONTACT_PHONE, "0592123987", HANDOVER_REASON, "Zwiersmastraat", CARRIER_OF, "Klebsiella",
            CARER_NAME, "Kloppenburg", "Oosterhuis");
    /** What a person may well type with a reason: the patient's name. */
    private static final String TYPED = "Mevrouw " + NAME + ": ";
    private static final List<String> VERBOSE_LOGGERS = List.of("nl.adempauze", "org.springframework.web",
            "org.springframework.http", "org.springframework.security", "org.springframework.r2dbc");
    private static final Pattern CLIENT_LOG_PREFIX = Pattern.compile("\\[[0-9a-f]+] ");
    private static final String SECRET = "a-privacy-test-webhook-secret";
    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
    };

    private static E2eStack stack;
    private static final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private static final Map<String, Level> levelsBefore = new HashMap<>();
    private static final List<ServerSentEvent<String>> live = new CopyOnWriteArrayList<>();
    private static Disposable liveSubscription;
    private static WebhookReceiver webhooks;

    @BeforeAll
    static void listenEverywhere() {
        stack = E2eStack.get();
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        for (String name : VERBOSE_LOGGERS) {
            Logger logger = logging.getLogger(name);
            levelsBefore.put(name, logger.getLevel());
            logger.setLevel(Level.DEBUG);
        }
        logs.setContext(logging);
        logs.start();
        logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(logs);
        webhooks = new WebhookReceiver();
        liveSubscription = stack.as(E2eStack.COORDINATOR).get().uri("/api/v1/live?region=drenthe")
                .accept(MediaType.TEXT_EVENT_STREAM).retrieve().bodyToFlux(SSE).subscribe(live::add);
    }

    @AfterAll
    static void putLoggingBack() {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(logs);
        levelsBefore.forEach((name, level) -> logging.getLogger(name).setLevel(level));
        liveSubscription.dispose();
        webhooks.close();
    }

    @Test
    void noIdentifyingDetailLeavesRequestMatchingByEventLogOrWebhook() {
        WebClient gp = stack.as(E2eStack.REFERRER);
        WebClient coordinator = stack.as(E2eStack.COORDINATOR);
        List<String> everyType = List.of("RequestSubmitted", "RequestMatched", "RequestEscalated", "RequestCancelled",
                "OfferMade", "OfferAccepted", "OfferDeclined", "CapacityPublished", "CapacityAdjusted",
                "ProtectionOverridden", "WaitingPriorityRaised", "OfferWithdrawn");
        coordinator.post().uri("/api/v1/subscriptions").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("url", webhooks.url(), "secret", SECRET, "eventTypes", everyType))
                .retrieve().toBodilessEntity().block();

        stack.asProviderOf("loc-assen-de-hoogte").put()
                .uri("/api/v1/locations/{id}/capacity/{careType}", "loc-assen-de-hoogte", "ELV_HOOG")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("freeBeds", 3))
                .retrieve().toBodilessEntity().block();
        stack.awaitMatchingCaughtUp();

        Map<?, ?> created = gp.post().uri("/api/v1/requests").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("region", "drenthe", "careType", "ELV_HOOG", "urgency", "CRISIS",
                        "residence", Map.of("postcode", POSTCODE), "needs", List.of("DEMENTIA"),
                        "funder", "zilveren-kruis",
                        "contact", Map.of("name", CONTACT_NAME, "phone", CONTACT_PHONE),
                        "patient", Map.of("name", NAME, "dateOfBirth", DATE_OF_BIRTH, "bsn", BSN,
                                "phone", PATIENT_PHONE, "address", Map.of("street", STREET,
                                        "houseNumber", HOUSE_NUMBER, "postcode", POSTCODE, "city", "Assen")),
                        "handover", Map.of("reasonForAdmission", HANDOVER_REASON,
                                "dailyCare", Map.of("transfers", "TWO_PERSONS", "urinaryCatheter", true),
                                "infection", Map.of("isolation", "CONTACT", "carrierOf", CARRIER_OF),
                                "resuscitationPolicy", "DO_NOT_RESUSCITATE",
                                "informalCarer", Map.of("name", CARER_NAME, "relationship", "dochter"))))
                .retrieve().bodyToMono(Map.class).block();
        String requestId = (String) created.get("id");
        // the gp's own system follows its request too
        await().atMost(Duration.ofSeconds(30)).until(() -> gp.post().uri("/api/v1/subscriptions")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("url", webhooks.url() + "/gp", "secret", SECRET, "eventTypes", everyType,
                        "scope", Map.of("requestId", requestId)))
                .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value()))
                .block(), status -> status == 201);
        // and the GP asked to be told by SMS and e-mail (the messages are scanned below)
        await().atMost(Duration.ofSeconds(30)).until(() -> gp.put().uri("/api/v1/requests/{id}/follow-up", requestId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "dienst@huisartsenpost.example", "phone", "06 11223344"))
                .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value()))
                .block(), status -> status / 100 == 2);

        Map<?, ?> offered = await().atMost(Duration.ofSeconds(30))
                .until(() -> request(gp, requestId), view -> "OFFERED".equals(view.get("status")));
        assertThat(((Map<?, ?>) offered.get("patient")).get("name")).isEqualTo(NAME);
        Map<?, ?> offer = (Map<?, ?>) offered.get("currentOffer");
        String offerId = (String) offer.get("id");
        WebClient provider = stack.asProviderOf((String) offer.get("locationId"));
        // before answering, the provider reads the handover (and only it: who the patient is follows on acceptance)
        Map<?, ?> inbox = provider.get().uri("/api/v1/offers/{id}", offerId).retrieve().bodyToMono(Map.class).block();
        assertThat(inbox.get("handoverAvailable")).isEqualTo(true);
        assertThat(inbox.get("patient")).isNull();
        Map<?, ?> handover = provider.get().uri("/api/v1/offers/{id}/handover", offerId).retrieve()
                .bodyToMono(Map.class).block();
        assertThat(handover.get("reasonForAdmission")).isEqualTo(HANDOVER_REASON);
        assertThat(((Map<?, ?>) handover.get("informalCarer")).get("name")).isEqualTo(CARER_NAME);
        Map<?, ?> accepted = provider.post().uri("/api/v1/offers/{id}/accept", offerId)
                .retrieve().bodyToMono(Map.class).block();
        assertThat(((Map<?, ?>) accepted.get("patient")).get("bsn")).isEqualTo(BSN);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> request(gp, requestId), view -> "MATCHED".equals(view.get("status")));
        assertThat(((Map<?, ?>) request(coordinator, requestId).get("patient")).get("dateOfBirth"))
                .isEqualTo(DATE_OF_BIRTH);

        // a correction with a bad BSN is refused (the refusal is not an echo of the details into a log)
        int refused = gp.put().uri("/api/v1/requests/{id}/patient", requestId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", NAME, "dateOfBirth", DATE_OF_BIRTH, "bsn", "123456789",
                        "phone", PATIENT_PHONE))
                .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())).block();
        assertThat(refused).isEqualTo(400);
        // so is a handover with an unknown category (the refusal names the field, not the text)
        int refusedHandover = gp.put().uri("/api/v1/requests/{id}/handover", requestId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reasonForAdmission", HANDOVER_REASON, "dailyCare", Map.of("transfers", "CRANE")))
                .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())).block();
        assertThat(refusedHandover).isEqualTo(400);
        // the provider's read of the handover, before it accepted, is on the audit trail
        List<?> reads = stack.as(E2eStack.ADMIN).get()
                .uri("/api/v1/audit?requestId={id}&action=HANDOVER_READ", requestId).retrieve()
                .bodyToMono(List.class).block();
        assertThat(reads).singleElement().satisfies(entry -> {
            assertThat(((Map<?, ?>) entry).get("role")).isEqualTo("PROVIDER");
            assertThat((String) ((Map<?, ?>) entry).get("reason")).contains("open offer " + offerId);
        });

        await().atMost(Duration.ofSeconds(30)).until(() -> provider.post()
                .uri("/api/v1/holds/{offerId}/admission", offerId)
                .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value()))
                .block(), status -> status == 200);
        provider.post().uri("/api/v1/holds/{offerId}/discharge", offerId).retrieve().toBodilessEntity().block();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> request(gp, requestId), view -> "DISCHARGED".equals(view.get("status")));

        List<String> typedInto = reasonsTypedWithTheName(gp, coordinator);

        // everyone who should hear of it did: the scan below has something to look at
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(webhooks.received()).filteredOn(hook -> typedInto.stream().anyMatch(hook.body()::contains))
                    .extracting(WebhookReceiver.Received::eventType)
                    .contains("OfferDeclined", "RequestCancelled", "ProtectionOverridden", "WaitingPriorityRaised");
            assertThat(live).filteredOn(event -> event.data() != null
                            && typedInto.stream().anyMatch(event.data()::contains))
                    .extracting(ServerSentEvent::event)
                    .contains("OfferDeclined", "RequestCancelled", "ProtectionOverridden", "WaitingPriorityRaised");
            assertThat(webhooks.received()).filteredOn(hook -> hook.body().contains(requestId))
                    .extracting(WebhookReceiver.Received::eventType)
                    .contains("RequestSubmitted", "OfferMade", "OfferAccepted", "RequestMatched");
            assertThat(live).filteredOn(event -> event.data() != null && event.data().contains(requestId))
                    .extracting(ServerSentEvent::event).contains("RequestSubmitted", "OfferMade", "RequestMatched");
            assertThat(stack.outbox.items()).filteredOn(item -> item.text().contains(requestId))
                    .extracting(DevOutbox.Item::channel).contains("SMS", "E-mail");
        });

        List<String> kafka = everyKafkaRecord();
        assertThat(kafka).anySatisfy(record -> assertThat(record).contains(requestId));
        assertThat(leaks("Kafka record", kafka)).isEmpty();
        assertThat(leaks("webhook body", webhooks.received().stream()
                .map(hook -> hook.body() + " " + hook.signature()).toList())).isEmpty();
        assertThat(leaks("live event", live.stream().map(event -> event.event() + " " + event.data()).toList()))
                .isEmpty();
        // every e-mail and SMS the stack sent (the GP's follow-up, and the pages of every test before this one)
        assertThat(leaks("message", stack.outbox.items().stream()
                .map(item -> item.to() + " " + item.subject() + " " + item.text()).toList())).isEmpty();
        List<ILoggingEvent> logged;
        synchronized (logs) { // the services keep logging while we read: the appender appends under this lock
            logged = new ArrayList<>(logs.list);
        }
        List<String> lines = logged.stream().filter(event -> !fromThisTestsOwnClient(event))
                .map(PatientDetailsStayInsideEndToEndTest::line).toList();
        // the services' own DEBUG lines were heard: request-matching decoding the request, details redacted
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("/api/v1/requests"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("Decoded [SubmitRequest["));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("Handover[redacted]"));
        assertThat(leaks("log line", lines)).isEmpty();
        // nor the webhook's shared secret
        assertThat(lines).noneSatisfy(line -> assertThat(line).contains(SECRET));
    }

    /**
     * The patient's name typed into the words with a reason: a provider's decline, a referrer's cancel, a
     * coordinator's protection override and priority raise (each accepted). Answers the requests concerned.
     */
    private static List<String> reasonsTypedWithTheName(WebClient gp, WebClient coordinator) {
        Map<?, ?> declined = gp.post().uri("/api/v1/requests").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("region", "drenthe", "careType", "ELV_HOOG", "urgency", "CRISIS",
                        "residence", Map.of("postcode", POSTCODE), "funder", "zilveren-kruis",
                        "contact", Map.of("name", CONTACT_NAME, "phone", CONTACT_PHONE),
                        "patient", Map.of("name", NAME, "dateOfBirth", DATE_OF_BIRTH)))
                .retrieve().bodyToMono(Map.class).block();
        String declinedId = (String) declined.get("id");
        Map<?, ?> offer = (Map<?, ?>) await().atMost(Duration.ofSeconds(30))
                .until(() -> request(gp, declinedId), view -> "OFFERED".equals(view.get("status")))
                .get("currentOffer");
        int decline = stack.asProviderOf((String) offer.get("locationId")).post()
                .uri("/api/v1/offers/{id}/decline", offer.get("id")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reasonCode", "CARE_TOO_COMPLEX", "note", TYPED + "twee verpleegkundigen nodig"))
                .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())).block();
        assertThat(decline).isEqualTo(200);
        cancel(gp, declinedId, "PATIENT_DECEASED");

        String overridden = (String) gp.post().uri("/api/v1/requests").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("region", "drenthe", "careType", "WLZ_LOGEER", "urgency", "CRISIS",
                        "residence", Map.of("municipality", "Westerveld"), "stay", Map.of("nights", 3),
                        "contact", Map.of("name", CONTACT_NAME, "phone", CONTACT_PHONE)))
                .retrieve().bodyToMono(Map.class).block().get("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> request(gp, overridden),
                view -> Set.of("OFFERED", "ESCALATED").contains(view.get("status")));
        decide(coordinator, overridden, "/protection-override", "CARER_UNAVAILABLE");
        cancel(gp, overridden, "CARE_ARRANGED_ELSEWHERE");

        WebClient consultant = stack.as(E2eStack.RESPITE_CONSULTANT);
        String raised = (String) consultant.post().uri("/api/v1/requests").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("region", "drenthe", "careType", "WLZ_LOGEER", "urgency", "PLANNED",
                        "residence", Map.of("municipality", "Westerveld"),
                        "stay", Map.of("firstNight", LocalDate.now().plusDays(300).toString(), "nights", 2,
                                "flexibleDays", 0),
                        "contact", Map.of("name", CONTACT_NAME, "phone", CONTACT_PHONE)))
                .retrieve().bodyToMono(Map.class).block().get("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> request(consultant, raised),
                view -> "WAITING".equals(view.get("status")));
        decide(coordinator, raised, "/priority", "CARER_OVERBURDENED");
        cancel(consultant, raised, "NO_LONGER_NEEDED");
        return List.of(declinedId, overridden, raised);
    }

    private static void cancel(WebClient as, String requestId, String code) {
        decide(as, requestId, "/cancel", code);
    }

    /** A decision with a reason code and the patient's name in its note, which must be taken. */
    private static void decide(WebClient as, String requestId, String path, String code) {
        int status = as.post().uri("/api/v1/requests/{id}" + path, requestId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reasonCode", code, "note", TYPED + "zie het dossier"))
                .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())).block();
        assertThat(status).as("%s of %s", path, requestId).isEqualTo(200);
    }

    private static Map<?, ?> request(WebClient as, String id) {
        return as.get().uri("/api/v1/requests/{id}", id).retrieve().bodyToMono(Map.class).block();
    }

    /** Every place a detail turns up: where, and the text around it. */
    private static List<String> leaks(String where, List<String> texts) {
        List<String> found = new ArrayList<>();
        for (String text : texts) {
            for (String detail : IDENTIFYING) {
                int at = text.indexOf(detail);
                if (at >= 0) {
                    found.add(where + " holds '" + detail + "': ..." + text.substring(Math.max(0, at - 80),
                            Math.min(text.length(), at + detail.length() + 80)) + "...");
                }
            }
        }
        return found;
    }

    /**
     * The test's own WebClient plays the GP's and the provider's systems, which are not ours but share this JVM: at
     * DEBUG its codecs log what it sends and receives, with a log prefix of the client request ({@code [1a2b3c4d]});
     * the services' server exchanges log with the connection and request number ({@code [1a2b3c4d-7]}).
     */
    private static boolean fromThisTestsOwnClient(ILoggingEvent event) {
        return event.getLoggerName().startsWith("org.springframework.http.codec")
                && CLIENT_LOG_PREFIX.matcher(event.getFormattedMessage()).lookingAt();
    }

    private static String line(ILoggingEvent event) {
        String thrown = event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy());
        return event.getLoggerName() + " " + event.getFormattedMessage() + " " + event.getMDCPropertyMap() + thrown;
    }

    /** Every record on every adempauze topic (dead-letter topics too), key, headers and value, from the beginning. */
    private static List<String> everyKafkaRecord() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.infrastructure.kafka().bootstrapServers());
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<String> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties)) {
            Pattern ours = Pattern.compile("adempauze\\..*");
            List<TopicPartition> partitions = consumer.listTopics(Duration.ofSeconds(30)).entrySet().stream()
                    .filter(topic -> ours.matcher(topic.getKey()).matches())
                    .flatMap(topic -> topic.getValue().stream()
                            .map(info -> new TopicPartition(info.topic(), info.partition())))
                    .toList();
            assertThat(partitions).extracting(TopicPartition::topic)
                    .contains("adempauze.request-matching.requests", "adempauze.request-matching.offers",
                            "adempauze.bed-availability.holds", "adempauze.request-matching.requests.DLT");
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            Set<TopicPartition> done = new java.util.HashSet<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (done.size() < partitions.size()) {
                assertThat(System.nanoTime()).as("read every topic to its end within a minute").isLessThan(deadline);
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    StringBuilder text = new StringBuilder(record.topic()).append(' ');
                    if (record.key() != null) {
                        text.append(new String(record.key(), StandardCharsets.UTF_8)).append(' ');
                    }
                    for (Header header : record.headers()) {
                        text.append(header.key()).append('=')
                                .append(header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8))
                                .append(' ');
                    }
                    if (record.value() != null) {
                        text.append(new String(record.value(), StandardCharsets.UTF_8));
                    }
                    records.add(text.toString());
                }
                for (TopicPartition partition : partitions) {
                    if (consumer.position(partition) >= end.get(partition)) {
                        done.add(partition);
                    }
                }
            }
        }
        return records;
    }
}
