package nl.adempauze.bedavailability.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import nl.adempauze.bedavailability.domain.HoldStatus;
import nl.adempauze.bedavailability.support.BedAvailabilityIntegrationTest;
import nl.adempauze.platform.testing.UnstorableTextCheck;
import nl.adempauze.contracts.events.OfferAccepted;
import nl.adempauze.platform.testing.MalformedBodies;
import nl.adempauze.platform.testing.MalformedBodyCheck;
import nl.adempauze.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * Every write endpoint of bed-availability against malformed bodies (every field missing or of a wrong kind,
 * unknown fields, broken JSON, random corruption), sent by the location's own provider so that the body, not the
 * caller, decides the answer: never a 5xx, always a problem, and a refusal stores nothing; text that PostgreSQL
 * cannot store as sent (a NUL character, an unpaired surrogate) is refused in a text field. Admission and discharge
 * take no body: whatever is sent along is ignored, so there the hold's state decides (a conflict while it is not
 * in the state required, changing nothing; one legitimate confirmation otherwise).
 * <p>
 * Locations and care types of this test alone: free now at {@value #LOCATION}, per night at
 * {@value #CALENDAR_LOCATION}.
 */
class MalformedBodiesTest extends BedAvailabilityIntegrationTest {

    private static final String LOCATION = "loc-assen-het-markehuis";
    private static final String CARE_TYPE = "ELV_HOOG";
    private static final String CALENDAR_LOCATION = "loc-hoogeveen-logeerhuis-het-anker";
    private static final String CALENDAR_CARE_TYPE = "WMO_LOGEER";
    private static final int RANDOM_VARIANTS = 30;
    private static final String CLOSING = "{\"open\":false,\"reason\":\"OUTBREAK\"}";
    private static final Duration WITHIN = Duration.ofSeconds(30);
    /** What is sent along to the endpoints that take no body, made malformed like any other. */
    private static final String NO_BODY = "{}";
    private static final int VARIANTS_OF_NO_BODY = MalformedBodies.of(NO_BODY).size() + RANDOM_VARIANTS;

    @Test
    void capacityNightsAndStatusRefuseMalformedBodiesWithAProblemAndStoreNothing() {
        String provider = TestTokens.provider(providerOf(LOCATION));
        publish(LOCATION, CARE_TYPE, 2);
        awaitQuiet();

        MalformedBodyCheck.check(web, db, HttpMethod.PUT,
                "/api/v1/locations/" + LOCATION + "/capacity/" + CARE_TYPE, TestTokens.as(provider),
                "{\"freeBeds\":2}", RANDOM_VARIANTS);
        CapacityView.CareTypeCapacity figure = capacityOf(LOCATION, CARE_TYPE);
        assertThat(figure.availableBeds()).isEqualTo(figure.freeBeds() - figure.heldBeds());

        LocalDate first = tonight().plusDays(300);
        String nightsUri = "/api/v1/locations/" + CALENDAR_LOCATION + "/capacity/" + CALENDAR_CARE_TYPE + "/nights";
        String nights = "{\"nights\":[{\"from\":\"" + first + "\",\"to\":\"" + first.plusDays(2)
                + "\",\"freeBeds\":2},{\"from\":\"" + first.plusDays(5) + "\",\"freeBeds\":1}]}";
        Consumer<HttpHeaders> calendarProvider = TestTokens.as(TestTokens.provider(providerOf(CALENDAR_LOCATION)));
        MalformedBodyCheck.check(web, db, HttpMethod.PUT, nightsUri, calendarProvider, nights, RANDOM_VARIANTS);
        // dates are parsed leniently (what surrounds them trimmed): no refusal expected, only no 5xx
        UnstorableTextCheck.check(web, db, HttpMethod.PUT, nightsUri, calendarProvider, nights);

        String statusUri = "/api/v1/locations/" + LOCATION + "/status";
        try {
            MalformedBodyCheck.check(web, db, HttpMethod.PUT, statusUri, TestTokens.as(provider), CLOSING,
                    RANDOM_VARIANTS);
            // the reason is a code, whether it is kept (closing) or not (opening): anything else is refused (a NUL
            // after a code is trimmed off by the JSON reader: the code is what is kept)
            for (String status : List.of(CLOSING, "{\"open\":true,\"reason\":\"OTHER\"}")) {
                assertThat(UnstorableTextCheck.check(web, db, HttpMethod.PUT, statusUri, TestTokens.as(provider),
                        status)).as("refused").contains("reason with an unpaired surrogate");
            }
        } finally {
            putStatus(LOCATION, "{\"open\":true}").expectStatus().isOk();
        }
    }

    @Test
    void admissionAndDischargeIgnoreWhateverBodyComesAlongAndChangeOnlyWhatTheHoldsStateAllows() {
        String provider = TestTokens.provider(providerOf(LOCATION));
        publish(LOCATION, CARE_TYPE, 2);
        String offer = newOfferId();
        producer().send(holdRequested(offer, LOCATION, CARE_TYPE));
        await().atMost(WITHIN).until(() -> holdStatus(offer) == HoldStatus.HELD);
        awaitQuiet();

        // only held, not yet accepted: every call is a conflict and changes nothing
        assertThat(MalformedBodyCheck.check(web, db, HttpMethod.POST, "/api/v1/holds/" + offer + "/admission",
                TestTokens.as(provider), NO_BODY, RANDOM_VARIANTS)).isEqualTo(VARIANTS_OF_NO_BODY);
        assertThat(MalformedBodyCheck.check(web, db, HttpMethod.POST, "/api/v1/holds/" + offer + "/discharge",
                TestTokens.as(provider), NO_BODY, RANDOM_VARIANTS)).isEqualTo(VARIANTS_OF_NO_BODY);
        assertThat(holdStatus(offer)).isEqualTo(HoldStatus.HELD);

        producer().send(new OfferAccepted(offer, requestIdOf(offer), REGION, LOCATION, providerOf(LOCATION),
                CARE_TYPE, Instant.now().plusSeconds(3600), Instant.now()));
        await().atMost(WITHIN).until(() -> holdStatus(offer) == HoldStatus.ACCEPTED);
        awaitQuiet();

        // accepted: the first call admits (whatever its body), every later one is a conflict; likewise discharge
        assertThat(MalformedBodyCheck.check(web, db, HttpMethod.POST, "/api/v1/holds/" + offer + "/admission",
                TestTokens.as(provider), NO_BODY, RANDOM_VARIANTS)).as("refused after one admission")
                .isEqualTo(VARIANTS_OF_NO_BODY - 1);
        assertThat(holdStatus(offer)).isEqualTo(HoldStatus.ADMITTED);
        assertThat(MalformedBodyCheck.check(web, db, HttpMethod.POST, "/api/v1/holds/" + offer + "/discharge",
                TestTokens.as(provider), NO_BODY, RANDOM_VARIANTS)).as("refused after one discharge")
                .isEqualTo(VARIANTS_OF_NO_BODY - 1);
        assertThat(holdStatus(offer)).isEqualTo(HoldStatus.DISCHARGED);
        CapacityView.CareTypeCapacity figure = capacityOf(LOCATION, CARE_TYPE);
        assertThat(figure.freeBeds()).as("admitted once, discharged once").isEqualTo(2);
        assertThat(figure.heldBeds()).isZero();
    }

    private HoldStatus holdStatus(String offer) {
        return db.sql("SELECT status FROM hold WHERE offer_id = :offer").bind("offer", offer)
                .map(row -> HoldStatus.valueOf(row.get("status", String.class))).one()
                .blockOptional(Duration.ofSeconds(10)).orElse(null);
    }
}
