package nl.adempauze.requestmatching.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.adempauze.platform.testing.RealInfrastructureInitializer;
import nl.adempauze.platform.testing.TestTokens;
import nl.adempauze.requestmatching.RequestMatchingApplication;
import nl.adempauze.requestmatching.domain.AuditEntry;
import nl.adempauze.requestmatching.support.MatchingApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The audit trail on a real database: the service's login may read and append, nothing else; the hash chain finds a
 * changed entry; each entry names the caller's client and address; reads of the trail and refused reads are on it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = RequestMatchingApplication.class,
        properties = "spring.config.name=request-matching")
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
@AutoConfigureWebTestClient
class AuditTrailIntegrationTest {

    private static final String CARE_TYPE = "ELV_HOOG";
    private static final String WITH_PATIENT = """
            {"region":"drenthe","careType":"ELV_HOOG","urgency":"CRISIS","residence":{"postcode":"9401"},
             "funder":"zilveren-kruis","contact":{"name":"Dokter Brink","phone":"0592 300 300"},
             "patient":{"name":"Geertruida Zwiers","dateOfBirth":"1938-04-17"},
             "handover":{"reasonForAdmission":"valgevaar"}}""";

    @Autowired
    WebTestClient web;

    /** The tests' own login: a superuser, as a DBA (or an attacker with the database's keys) would be. */
    @Autowired
    DatabaseClient db;

    @Value("${spring.r2dbc.url}")
    String databaseUrl;

    private MatchingApi api;

    @BeforeEach
    void region() {
        // the first calls in a fresh context, on a busy machine, may take longer than the client's 5 s default
        web = web.mutate().responseTimeout(MatchingApi.TIMEOUT).build();
        api = new MatchingApi(web, db);
        api.regionWithOneLocation("loc-audit-", CARE_TYPE, 0);
    }

    @Test
    void theServiceLoginMayReadAndAppendButNotChangeRemoveOrUnprotectTheTrail() {
        String requestId = api.submit(WITH_PATIENT);
        // a login as production has one: no superuser, no owner, a member of the service's role
        String login = "request_matching_app_" + UUID.randomUUID().toString().substring(0, 8);
        db.sql("CREATE ROLE " + login + " LOGIN PASSWORD 'app-secret' IN ROLE request_matching_service").then()
                .block(MatchingApi.TIMEOUT);
        DatabaseClient service = DatabaseClient.create(ConnectionFactories.get(ConnectionFactoryOptions
                .parse(databaseUrl).mutate().option(ConnectionFactoryOptions.USER, login)
                .option(ConnectionFactoryOptions.PASSWORD, "app-secret").build()));

        // what the service does: read the trail, append to it, and work with its other tables
        assertThat(count(service, "SELECT count(*) FROM audit_entry WHERE request_id = '" + requestId + "'"))
                .isPositive();
        service.sql("INSERT INTO audit_entry (at, actor, role, action, request_id) VALUES (now(), 'app', 'SYSTEM', "
                + "'PATIENT_DETAILS_READ', '" + requestId + "')").then().block(MatchingApi.TIMEOUT);
        service.sql("UPDATE request SET updated_at = updated_at WHERE id = '" + requestId + "'").then()
                .block(MatchingApi.TIMEOUT);

        // what it may not: change, remove, empty, or unprotect the trail, or become someone who may
        for (String tampering : List.of(
                "UPDATE audit_entry SET reason = 'nothing to see' WHERE request_id = '" + requestId + "'",
                "DELETE FROM audit_entry WHERE request_id = '" + requestId + "'",
                "TRUNCATE audit_entry",
                "ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only",
                "ALTER TABLE audit_entry DISABLE TRIGGER ALL",
                "DROP TRIGGER audit_entry_chained ON audit_entry",
                "ALTER TABLE audit_entry OWNER TO " + login,
                "SET ROLE postgres")) {
            assertThatThrownBy(() -> service.sql(tampering).then().block(MatchingApi.TIMEOUT)).as(tampering)
                    .hasMessageMatching("(?s).*(permission denied|must be owner|must be a member).*");
        }
        assertThat(count(db, "SELECT count(*) FROM audit_entry WHERE request_id = '" + requestId
                + "' AND reason = 'nothing to see'")).isZero();
        assertThat(verification()).containsEntry("intact", true);
    }

    @Test
    void theVerificationFindsTheFirstEntryThatWasChanged() {
        String requestId = api.submit(WITH_PATIENT);
        assertThat(verification()).containsEntry("intact", true);
        long recorded = api.audit(requestId, "PATIENT_DETAILS_RECORDED").get(0).id();
        String actor = api.audit(requestId, "PATIENT_DETAILS_RECORDED").get(0).actor();

        // someone with the database's keys rewrites who recorded the details
        tamper("UPDATE audit_entry SET actor = 'someone-else' WHERE id = " + recorded);
        try {
            Map<String, Object> verdict = verification();
            assertThat(verdict).containsEntry("intact", false);
            assertThat(((Number) verdict.get("firstBrokenEntry")).longValue()).isEqualTo(recorded);
            assertThat((String) verdict.get("problem")).contains("changed");
        } finally {
            tamper("UPDATE audit_entry SET actor = '" + actor + "' WHERE id = " + recorded);
        }
        assertThat(verification()).containsEntry("intact", true);
        web.get().uri("/api/v1/audit/verification").headers(MatchingApi.asCoordinator()).exchange()
                .expectStatus().isForbidden();
        assertThat(api.audit("action=AUDIT_VERIFIED")).first()
                .satisfies(entry -> assertThat(entry.reason()).startsWith("intact"));
    }

    @Test
    void appendsAtTheSameTimeEachLinkToTheOneBefore() throws Exception {
        String requestId = api.submit(WITH_PATIENT);
        int reads = 16;
        ExecutorService readers = Executors.newFixedThreadPool(reads);
        try {
            List<Callable<Object>> calls = Collections.nCopies(reads, () -> api.view(requestId));
            for (Future<Object> call : readers.invokeAll(calls)) {
                call.get();
            }
        } finally {
            readers.shutdown();
        }

        assertThat(api.audit(requestId, "PATIENT_DETAILS_READ")).hasSize(reads);
        assertThat(verification()).containsEntry("intact", true);
        assertThat(count(db, "SELECT count(*) - count(DISTINCT seq) + (max(seq) - min(seq) + 1) - count(*) "
                + "FROM audit_entry")).as("numbers neither repeated nor skipped").isZero();
    }

    @Test
    void everyEntryNamesTheCallersClientAndAddress() {
        String id = web.post().uri("/api/v1/requests").headers(MatchingApi.asReferrer())
                .header("X-Forwarded-For", "198.51.100.23, 203.0.113.9").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(WITH_PATIENT).exchange().expectStatus().isCreated().expectBody(RequestView.class)
                .returnResult().getResponseBody().id();

        assertThat(api.audit(id, "PATIENT_DETAILS_RECORDED")).singleElement().satisfies(entry -> {
            // the test's token names no azp or client_id: its subject is the client
            assertThat(entry.client()).isEqualTo("referrer@" + MatchingApi.REFERRER_ORGANISATION);
            // the nearest address the trusted front door (here: loopback) was told
            assertThat(entry.address()).isEqualTo("203.0.113.9");
        });
        api.view(id);
        assertThat(api.audit(id, "PATIENT_DETAILS_READ")).singleElement()
                .satisfies(entry -> assertThat(entry.address()).isEqualTo("127.0.0.1"));
    }

    @Test
    void readsOfTheTrailAndRefusedReadsAreOnTheTrail() {
        String requestId = api.submit(WITH_PATIENT);
        String provider = TestTokens.provider("some-provider");

        web.get().uri("/api/v1/requests/{id}", requestId).headers(TestTokens.as(provider)).exchange()
                .expectStatus().isForbidden();
        web.get().uri("/api/v1/requests/{id}/handover", requestId).headers(TestTokens.as(TestTokens.admin()))
                .exchange().expectStatus().isForbidden();
        web.get().uri("/api/v1/offers/{id}/handover", "offer-of-" + requestId).headers(MatchingApi.asCoordinator())
                .exchange().expectStatus().isForbidden();

        List<AuditEntry> trail = api.audit("requestId=" + requestId);
        assertThat(trail).extracting(entry -> entry.action().name() + " by " + entry.role())
                .startsWith("HANDOVER_READ_REFUSED by ADMIN", "PATIENT_DETAILS_READ_REFUSED by PROVIDER");
        assertThat(trail.get(1).actor()).isEqualTo("planner@some-provider");
        assertThat(api.audit("action=HANDOVER_READ_REFUSED&actor=coordinator@drenthe")).first()
                .satisfies(entry -> assertThat(entry.reason()).contains("offer-of-" + requestId));
        // and the read just made of the trail, with its filters
        assertThat(api.audit("action=AUDIT_READ")).extracting(AuditEntry::reason)
                .contains("requestId=" + requestId + ", limit=200");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> verification() {
        return web.get().uri("/api/v1/audit/verification").headers(TestTokens.as(TestTokens.admin())).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    /** As a superuser can: past the append-only trigger. */
    private void tamper(String update) {
        db.sql("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only").then().block(MatchingApi.TIMEOUT);
        try {
            db.sql(update).then().block(MatchingApi.TIMEOUT);
        } finally {
            db.sql("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only").then()
                    .block(MatchingApi.TIMEOUT);
        }
    }

    private static long count(DatabaseClient client, String query) {
        return client.sql(query).map((row, meta) -> row.get(0, Long.class)).one().block(MatchingApi.TIMEOUT);
    }
}
