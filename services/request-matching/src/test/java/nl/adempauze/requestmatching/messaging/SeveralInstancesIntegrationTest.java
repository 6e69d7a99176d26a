package nl.adempauze.requestmatching.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import nl.adempauze.contracts.EventCatalogue;
import nl.adempauze.contracts.events.BedHeld;
import nl.adempauze.contracts.events.CapacityPublished;
import nl.adempauze.contracts.events.HoldRequested;
import nl.adempauze.contracts.events.OfferExpired;
import nl.adempauze.platform.testing.RealInfrastructure;
import nl.adempauze.platform.testing.ServiceInstances;
import nl.adempauze.platform.testing.TestEventProducer;
import nl.adempauze.platform.testing.TopicRecorder;
import nl.adempauze.requestmatching.RequestMatchingApplication;
import nl.adempauze.requestmatching.application.PatientDetailsPurge;
import nl.adempauze.requestmatching.application.PatientRecords;
import nl.adempauze.requestmatching.support.MatchingApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Two instances of request-matching in one consumer group against one database, as a deployment runs them: the
 * clocks run once per tick across both, a purge is done and audited once, and a third instance started while
 * capacity keeps changing becomes ready.
 */
@SpringJUnitConfig(ServiceInstances.OthersPaused.class)
class SeveralInstancesIntegrationTest {

    private static final String CARE_TYPE = "ELV_HOOG";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String REQUEST = """
            {"region":"drenthe","careType":"ELV_HOOG","urgency":"CRISIS","residence":{"postcode":"9401"},
             "needs":["DEMENTIA"],"funder":"zilveren-kruis",
             "contact":{"name":"Huisartsenpost Assen","phone":"0592 123456"},
             "patient":{"name":"Aaltje Bakker","dateOfBirth":"1941-02-03","bsn":"111222333","phone":"0592 771 234",
                        "address":{"street":"Vaart","houseNumber":"1","postcode":"9401 GX","city":"Assen"}}}""";

    private static ServiceInstances instances;
    private static DatabaseClient db;
    private static MatchingApi api;

    private String location;
    private TopicRecorder recorder;

    @BeforeAll
    static void startTwoInstances() {
        instances = ServiceInstances.start(RequestMatchingApplication.class, "request-matching", 2, Map.of(
                "adempauze.matching.calendar-check-interval", "PT1H",
                "adempauze.privacy.purge-interval", "PT1H"));
        db = instances.get(0).getBean(DatabaseClient.class);
        WebTestClient web = WebTestClient.bindToServer().baseUrl("http://localhost:" + instances.port(0))
                .responseTimeout(TIMEOUT).build();
        api = new MatchingApi(web, db);
    }

    @AfterAll
    static void stop() {
        if (instances != null) {
            instances.close();
        }
    }

    @BeforeEach
    void oneLocation() {
        location = api.regionWithOneLocation("loc-instances-", CARE_TYPE, 1);
        recorder = new TopicRecorder(RealInfrastructure.get().kafka().bootstrapServers(),
                List.of(EventCatalogue.OFFERS.name(), EventCatalogue.REQUESTS.name()));
    }

    @AfterEach
    void emptyLocation() {
        recorder.close();
        api.publish(location, CARE_TYPE, 0, Integer.MAX_VALUE);
    }

    @Test
    void aDueOfferExpiresOnceAcrossInstancesAndNotWhileAnotherHoldsTheDeadlineLock() {
        String requestId = api.submit(REQUEST);
        HoldRequested hold = MatchingApi.awaitFirst(recorder, HoldRequested.class,
                candidate -> candidate.requestId().equals(requestId));
        TestEventProducer.shared().send(new BedHeld(hold.offerId(), requestId, location, CARE_TYPE, null, null, 0, 0,
                Instant.now()));
        api.awaitStatus(requestId, "OFFERED");

        // a third party (another instance, say) holds the deadline check: neither instance expires the offer
        holdLock("offer-deadlines", Duration.ofHours(1));
        db.sql("UPDATE offer SET respond_by = now() - INTERVAL '1 second' WHERE id = :id").bind("id", hold.offerId())
                .then().block(TIMEOUT);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> expired(hold.offerId()) == 0);

        holdLock("offer-deadlines", Duration.ZERO);
        await().atMost(TIMEOUT).until(() -> expired(hold.offerId()) == 1);
        // both instances keep checking every second: the offer stays expired once
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> expired(hold.offerId()) == 1);
        assertThat(lockHolder("offer-deadlines")).isNotEqualTo("a-third-party");
    }

    @Test
    void aPurgeOnTwoInstancesAtOnceAndARerunPurgeAndAuditOnce() {
        String requestId = api.submit(REQUEST);
        cancel(requestId);
        db.sql("UPDATE request SET updated_at = now() - INTERVAL '31 days' WHERE id = :id").bind("id", requestId)
                .then().block(TIMEOUT);

        // the schedule on both instances at the same moment (the lock free, as an hour after the last run): one takes
        // the lock, the other skips the tick
        holdLock("patient-details-purge", Duration.ZERO);
        CompletableFuture.allOf(instances.all().stream()
                .map(instance -> CompletableFuture.runAsync(() -> instance.getBean(PatientDetailsPurge.class)
                        .purgeOnSchedule()))
                .toArray(CompletableFuture[]::new)).join();
        assertThat(lockHolder("patient-details-purge")).isNotEqualTo("a-third-party");
        // a direct run on both at once, and a re-run of the request on the other: nothing left to purge
        List<Long> purgedNow = instances.all().stream()
                .map(instance -> instance.getBean(PatientDetailsPurge.class).purgeDue().toFuture())
                .map(CompletableFuture::join).toList();
        assertThat(purgedNow).containsOnly(0L);
        assertThat(instances.get(1).getBean(PatientRecords.class).purge(requestId, "re-run").block(TIMEOUT))
                .isFalse();

        assertThat(api.audit(requestId, "PATIENT_DETAILS_PURGED")).hasSize(1);
        assertThat(db.sql("SELECT count(*) FROM patient_details WHERE request_id = :id").bind("id", requestId)
                .map((row, meta) -> row.get(0, Long.class)).one().block(TIMEOUT)).isZero();
    }

    @Test
    void aNewInstanceBecomesReadyWhileCapacityEventsKeepArriving() {
        AtomicLong published = new AtomicLong(100);
        // a provider's system publishing this location's figure 50 times a second, on and on
        ScheduledExecutorService capacityFeed = Executors.newSingleThreadScheduledExecutor();
        capacityFeed.scheduleAtFixedRate(() -> TestEventProducer.shared().send(new CapacityPublished(location,
                "drenthe", CARE_TYPE, 1, 0, 1, published.incrementAndGet(), Instant.now())), 0, 20,
                TimeUnit.MILLISECONDS);
        try {
            await().atMost(TIMEOUT).until(() -> published.get() > 200);
            ConfigurableApplicationContext third = instances.startAnother();
            ReplicaReadiness readiness = third.getBean(ReplicaReadiness.class);
            long whenStarted = published.get();
            await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200))
                    .until(() -> readiness.health().getStatus().equals(Status.UP));
            assertThat(published.get()).as("capacity kept arriving until it was ready").isGreaterThan(whenStarted);
        } finally {
            capacityFeed.shutdownNow();
        }
    }

    private long expired(String offerId) {
        return recorder.payloads(OfferExpired.class, expired -> expired.offerId().equals(offerId)).size();
    }

    /** Sets the lock's row as a holder other than the instances would: until now + {@code for}. */
    private static void holdLock(String name, Duration hold) {
        db.sql("""
                        INSERT INTO shedlock (name, lock_until, locked_at, locked_by)
                        VALUES (:name, now() + :ms * INTERVAL '1 millisecond', now(), 'a-third-party')
                        ON CONFLICT (name) DO UPDATE SET lock_until = EXCLUDED.lock_until,
                            locked_at = EXCLUDED.locked_at, locked_by = EXCLUDED.locked_by""")
                .bind("name", name).bind("ms", hold.toMillis()).then().block(TIMEOUT);
    }

    private static String lockHolder(String name) {
        return db.sql("SELECT locked_by FROM shedlock WHERE name = :name").bind("name", name)
                .map(row -> row.get("locked_by", String.class)).one().block(TIMEOUT);
    }

    private static void cancel(String requestId) {
        WebTestClient.bindToServer().baseUrl("http://localhost:" + instances.port(1)).responseTimeout(TIMEOUT).build()
                .post().uri("/api/v1/requests/{id}/cancel", requestId).headers(MatchingApi.asReferrer())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"reasonCode\":\"NO_LONGER_NEEDED\"}")
                .exchange().expectStatus().isOk();
    }
}
