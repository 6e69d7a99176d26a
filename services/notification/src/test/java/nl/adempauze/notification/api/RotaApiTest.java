package nl.adempauze.notification.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import nl.adempauze.notification.support.NotificationIntegrationTest;
import nl.adempauze.notification.support.Rotas;
import nl.adempauze.notification.support.Rotas.Person;
import nl.adempauze.platform.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** The on-call rota API: planning, swapping and removing shifts, who may, and bad input refused naming the field. */
class RotaApiTest extends NotificationIntegrationTest {

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private String region;
    private String coordinator;
    private Person primary;
    private Person backup;

    @BeforeEach
    void region() {
        region = Rotas.uniqueRegion();
        coordinator = TestTokens.coordinator(region);
        primary = Person.unique("primair");
        backup = Person.unique("achterwacht");
    }

    @Test
    void planSeeWhoIsOnCallSwapAndRemove() {
        ShiftResponse current = plan(coordinator, Rotas.shift(now.minus(Duration.ofHours(1)),
                now.plus(Duration.ofHours(7)), primary, backup));
        ShiftResponse next = plan(TestTokens.admin(), Rotas.shift(now.plus(Duration.ofHours(7)),
                now.plus(Duration.ofHours(15)), backup, null));
        assertThat(current.primary().phone()).isEqualTo(primary.e164());

        OnCallResponse onCall = onCall(coordinator);
        assertThat(onCall.now().id()).isEqualTo(current.id());
        assertThat(onCall.next()).extracting(ShiftResponse::id).containsExactly(next.id());
        assertThat(onCall.coveredUntil()).isEqualTo(next.endsAt());
        assertThat(onCall.gapWithinAnHour()).isFalse();

        ShiftResponse swapped = web.put().uri("/api/v1/regions/{region}/shifts/{id}", region, current.id())
                .headers(TestTokens.as(coordinator))
                .bodyValue(Rotas.shift(current.startsAt(), current.endsAt(), backup, primary))
                .exchange().expectStatus().isOk()
                .expectBody(ShiftResponse.class).returnResult().getResponseBody();
        assertThat(swapped.primary().userId()).isEqualTo(backup.userId());
        assertThat(onCall(coordinator).now().primary().userId()).isEqualTo(backup.userId());

        web.delete().uri("/api/v1/regions/{region}/shifts/{id}", region, next.id())
                .headers(TestTokens.as(coordinator)).exchange().expectStatus().isNoContent();
        assertThat(onCall(TestTokens.admin()).next()).isEmpty();
        web.delete().uri("/api/v1/regions/{region}/shifts/{id}", region, next.id())
                .headers(TestTokens.as(coordinator)).exchange().expectStatus().isNotFound();
    }

    @Test
    void onlyTheRegionsCoordinatorsAndAdministratorsMayReadOrChangeTheRota() {
        Map<String, Object> shift = Rotas.shift(now, now.plus(Duration.ofHours(1)), primary, null);
        for (String outsider : new String[] {TestTokens.coordinator("elders"), TestTokens.referrer("hap"),
                TestTokens.provider("zorggroep")}) {
            web.get().uri("/api/v1/regions/{region}/on-call", region).headers(TestTokens.as(outsider))
                    .exchange().expectStatus().isForbidden();
            web.get().uri("/api/v1/regions/{region}/pages", region).headers(TestTokens.as(outsider))
                    .exchange().expectStatus().isForbidden();
            web.post().uri("/api/v1/regions/{region}/shifts", region).headers(TestTokens.as(outsider))
                    .bodyValue(shift).exchange().expectStatus().isForbidden();
        }
        web.get().uri("/api/v1/regions/{region}/on-call", region).exchange().expectStatus().isUnauthorized();
        assertThat(onCall(coordinator).now()).isNull();
        assertThat(onCall(coordinator).gapWithinAnHour()).isTrue();
        assertThat(onCall(coordinator).coveredUntil()).isNull();
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsStored() {
        plan(coordinator, Rotas.shift(now, now.plus(Duration.ofHours(8)), primary, backup));

        refused(with("primary", "email", "geen-adres"), "primary.email");
        refused(with("primary", "email", "a@b.nl\r\nBcc: x@y.nl"), "primary.email");
        refused(with("primary", "phone", "020 123 4567"), "primary.phone");
        refused(with("primary", "phone", "0612"), "primary.phone");
        refused(with("backup", "phone", "+31201234567"), "backup.phone");
        refused(with("backup", "email", ""), "backup.email");
        refused(with("primary", "userId", ""), "primary.userId");
        Map<String, Object> backwards = Rotas.shift(now.plus(Duration.ofDays(2)), now.plus(Duration.ofDays(1)),
                primary, null);
        refused(backwards, "endsAt");
        Map<String, Object> overlapping = Rotas.shift(now.plus(Duration.ofHours(7)), now.plus(Duration.ofHours(9)),
                backup, null);
        refused(overlapping, "startsAt");
        Map<String, Object> noPrimary = Rotas.shift(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(2)),
                primary, null);
        noPrimary.remove("primary");
        refused(noPrimary, "primary");

        OnCallResponse onCall = onCall(coordinator);
        assertThat(onCall.next()).isEmpty();
        assertThat(onCall.now().primary().userId()).isEqualTo(primary.userId());
    }

    @Test
    void dutchAndInternationalMobileNumbersAreKeptInE164() {
        Map<String, Object> shift = Rotas.shift(now, now.plus(Duration.ofHours(1)), primary, null);
        shift.put("primary", Map.of("userId", primary.userId(), "email", "Femke@Example.NL",
                "phone", "+49 151 1234 5678"));
        ShiftResponse planned = plan(coordinator, shift);
        assertThat(planned.primary().phone()).isEqualTo("+4915112345678");
        assertThat(planned.primary().email()).isEqualTo("femke@example.nl");
    }

    private Map<String, Object> with(String who, String field, String value) {
        Map<String, Object> shift = Rotas.shift(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(2)), primary,
                backup);
        @SuppressWarnings("unchecked")
        Map<String, Object> person = new HashMap<>((Map<String, Object>) shift.get(who));
        person.put(field, value);
        shift.put(who, person);
        return shift;
    }

    private void refused(Map<String, Object> shift, String field) {
        web.post().uri("/api/v1/regions/{region}/shifts", region).headers(TestTokens.as(coordinator))
                .bodyValue(shift).exchange()
                .expectStatus().isEqualTo(HttpStatus.BAD_REQUEST)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field);
    }

    private ShiftResponse plan(String token, Map<String, Object> shift) {
        return web.post().uri("/api/v1/regions/{region}/shifts", region).headers(TestTokens.as(token))
                .bodyValue(shift).exchange().expectStatus().isCreated()
                .expectBody(ShiftResponse.class).returnResult().getResponseBody();
    }

    private OnCallResponse onCall(String token) {
        return web.get().uri("/api/v1/regions/{region}/on-call", region).headers(TestTokens.as(token))
                .exchange().expectStatus().isOk()
                .expectBody(OnCallResponse.class).returnResult().getResponseBody();
    }
}
