package nl.adempauze.requestmatching.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.adempauze.platform.testing.RealInfrastructureInitializer;
import nl.adempauze.platform.testing.TestTokens;
import nl.adempauze.requestmatching.PrivacySettings;
import nl.adempauze.requestmatching.RequestMatchingApplication;
import nl.adempauze.requestmatching.persistence.FieldEncryption;
import nl.adempauze.requestmatching.persistence.SealedColumn;
import nl.adempauze.requestmatching.support.MatchingApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Sealed columns on a real database: a value moved to another request's row (or another column) is refused, not shown
 * as that patient's; the rotation re-seals older keys' and legacy values with the active key, after which the old key
 * can go. The keyring here: the tests' single key ({@code default}) and a newer active one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = RequestMatchingApplication.class,
        properties = {"spring.config.name=request-matching",
                "adempauze.privacy.keys[0].id=" + FieldEncryptionIntegrationTest.NEW_KEY,
                "adempauze.privacy.keys[0].secret=" + FieldEncryptionIntegrationTest.NEW_SECRET,
                "adempauze.privacy.keys[0].salt=" + FieldEncryptionIntegrationTest.NEW_SALT,
                "adempauze.privacy.active-key=" + FieldEncryptionIntegrationTest.NEW_KEY})
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
@AutoConfigureWebTestClient
class FieldEncryptionIntegrationTest {

    static final String NEW_KEY = "2027-01";
    static final String NEW_SECRET = "a-newer-key-for-encrypted-columns-0123456789";
    static final String NEW_SALT = "0a1b2c3d4e5f6789";
    /** The single key of the tests' configuration (config/request-matching.yml): id "default". */
    private static final String OLD_SECRET = "test-key-for-encrypted-columns-0123456789abcdef";
    private static final String OLD_SALT = "9f2c4e6a8b0d1e3f";
    private static final String CARE_TYPE = "ELV_HOOG";
    private static final String PATIENT = """
            {"region":"drenthe","careType":"ELV_HOOG","urgency":"CRISIS","residence":{"postcode":"9401"},
             "funder":"zilveren-kruis","contact":{"name":"Dokter %1$s","phone":"0592 300 300"},
             "patient":{"name":"%1$s","dateOfBirth":"1938-04-17","bsn":"111222333","phone":"0592 771 234",
                        "address":{"street":"Vaart Zuidzijde","houseNumber":"14a","postcode":"9401 GX","city":"Assen"}},
             "handover":{"reasonForAdmission":"valgevaar"}}""";

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient db;

    private MatchingApi api;

    @BeforeEach
    void region() {
        // the first calls in a fresh context, on a busy machine, may take longer than the client's 5 s default
        web = web.mutate().responseTimeout(MatchingApi.TIMEOUT).build();
        api = new MatchingApi(web, db);
        api.regionWithOneLocation("loc-crypto-", CARE_TYPE, 0);
    }

    @Test
    void aPatientsValueMovedToAnotherRequestOrColumnIsRefusedNotShown() {
        String geertruida = api.submit(PATIENT.formatted("Geertruida Zwiers"));
        String hendrik = api.submit(PATIENT.formatted("Hendrik Bakker"));
        String hendriksName = column("patient_details", "request_id", "name", hendrik);
        try {
            // a database writer copies Geertruida's sealed name into Hendrik's row
            setColumn("patient_details", "request_id", "name", hendrik,
                    column("patient_details", "request_id", "name", geertruida));
            refusedWithoutShowing(hendrik, "Geertruida");

            // or Hendrik's own phone into his name column
            setColumn("patient_details", "request_id", "name", hendrik,
                    column("patient_details", "request_id", "phone", hendrik));
            refusedWithoutShowing(hendrik, "771 234");
        } finally {
            setColumn("patient_details", "request_id", "name", hendrik, hendriksName);
        }
        assertThat(api.view(hendrik).patient().name()).isEqualTo("Hendrik Bakker");
        assertThat(api.view(geertruida).patient().name()).isEqualTo("Geertruida Zwiers");
    }

    @Test
    void theRotationReSealsOlderKeysAndLegacyValuesSoTheOldKeyCanGo() {
        String requestId = api.submit(PATIENT.formatted("Aaltje Mulder"));
        // as an earlier version stored them: sealed with the old single key, and one value from before key ids
        FieldEncryption oldKeyOnly = new FieldEncryption(new PrivacySettings(OLD_SECRET, OLD_SALT, List.of(), null,
                null, null));
        FieldEncryption asConfigured = new FieldEncryption(new PrivacySettings(OLD_SECRET, OLD_SALT,
                List.of(new PrivacySettings.Key(NEW_KEY, NEW_SECRET, NEW_SALT)), NEW_KEY, null, null));
        for (SealedColumn column : List.of(SealedColumn.PATIENT_NAME, SealedColumn.PATIENT_PHONE,
                SealedColumn.CONTACT_PHONE, SealedColumn.HANDOVER)) {
            String plain = asConfigured.open(column(column, requestId), requestId, column.name());
            setColumn(column.table(), column.requestKey(), column.column(), requestId,
                    oldKeyOnly.seal(plain, requestId, column.name()));
        }
        setColumn("request", "id", "contact_name", requestId,
                Encryptors.delux(OLD_SECRET, OLD_SALT).encrypt("Dokter Aaltje Mulder"));
        assertThat(column(SealedColumn.PATIENT_NAME, requestId)).startsWith("v1:default:");
        assertThat(api.view(requestId).patient().name()).isEqualTo("Aaltje Mulder");
        assertThat(api.view(requestId).contact().name()).isEqualTo("Dokter Aaltje Mulder");

        web.post().uri("/api/v1/encryption/rotation").headers(MatchingApi.asCoordinator()).exchange()
                .expectStatus().isForbidden();
        Map<?, ?> report = web.post().uri("/api/v1/encryption/rotation").headers(TestTokens.as(TestTokens.admin()))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();

        assertThat(report.get("activeKey")).isEqualTo(NEW_KEY);
        assertThat(((Number) report.get("resealed")).longValue()).isGreaterThanOrEqualTo(5);
        assertThat(((Map<?, ?>) report.get("valuesByKey")).keySet()).hasToString("[" + NEW_KEY + "]");
        // every sealed value of the request now opens with the new key alone: the old one can be removed
        FieldEncryption newKeyOnly = new FieldEncryption(new PrivacySettings(null, null,
                List.of(new PrivacySettings.Key(NEW_KEY, NEW_SECRET, NEW_SALT)), null, null, null));
        for (SealedColumn column : SealedColumn.ALL) {
            String sealed = column(column, requestId);
            if (sealed != null) {
                assertThat(sealed).as(column.name()).startsWith("v1:" + NEW_KEY + ":");
                assertThat(newKeyOnly.open(sealed, requestId, column.name())).as(column.name()).isNotBlank();
            }
        }
        assertThat(newKeyOnly.open(column(SealedColumn.CONTACT_NAME, requestId), requestId,
                SealedColumn.CONTACT_NAME.name())).isEqualTo("Dokter Aaltje Mulder");
        assertThat(api.view(requestId).patient().name()).isEqualTo("Aaltje Mulder");
        assertThat(api.audit("action=ENCRYPTION_KEY_ROTATED")).isNotEmpty();
    }

    private void refusedWithoutShowing(String requestId, String notShown) {
        web.get().uri("/api/v1/requests/{id}", requestId).headers(MatchingApi.asReferrer()).exchange()
                .expectStatus().is5xxServerError()
                .expectBody(String.class).value(body -> assertThat(body).doesNotContain(notShown));
    }

    private String column(SealedColumn column, String requestId) {
        return column(column.table(), column.requestKey(), column.column(), requestId);
    }

    /** The request's value in the column; null when it has none (no row, as for a request without notes). */
    private String column(String table, String key, String column, String requestId) {
        return db.sql("SELECT " + column + " FROM " + table + " WHERE " + key + " = :id").bind("id", requestId)
                .map((row, meta) -> Optional.ofNullable(row.get(0, String.class))).one()
                .blockOptional(MatchingApi.TIMEOUT).flatMap(value -> value).orElse(null);
    }

    private void setColumn(String table, String key, String column, String requestId, String value) {
        db.sql("UPDATE " + table + " SET " + column + " = :value WHERE " + key + " = :id").bind("id", requestId)
                .bind("value", value).then().block(MatchingApi.TIMEOUT);
    }
}
