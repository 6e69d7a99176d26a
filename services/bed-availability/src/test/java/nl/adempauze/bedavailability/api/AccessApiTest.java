package nl.adempauze.bedavailability.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import nl.adempauze.bedavailability.domain.HoldStatus;
import nl.adempauze.bedavailability.support.BedAvailabilityIntegrationTest;
import nl.adempauze.contracts.EventCatalogue;
import nl.adempauze.contracts.events.BedHeld;
import nl.adempauze.contracts.events.OfferAccepted;
import nl.adempauze.platform.testing.TestTokens;
import nl.adempauze.platform.testing.TopicRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Who may do what on this service's real endpoints (docs/SECURITY.md, the bed-availability rows): sign-in (401),
 * role and ownership (403), holds that are not the caller's (404), and the platform's strict reading of bodies (400,
 * 413) on the capacity publication. Every refusal changes nothing.
 */
class AccessApiTest extends BedAvailabilityIntegrationTest {

    /** Capacity refusals are tried here: its provider is zorgstichting-norgerholt. */
    private static final String LOCATION = "loc-roden-de-rodenesch";
    private static final String CARE_TYPE = "ELV_HOOG";
    private static final String FOREIGN_PROVIDER = "zorggroep-drentse-aa";
    private static final String FOREIGN_COORDINATOR = TestTokens.coordinator("groningen");

    // --- 401: sign-in

    @Test
    void withoutATokenTheApiAnswers401WithABearerChallenge() {
        web.get().uri("/api/v1/regions/{region}/capacity", REGION).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(401);

        CapacityView.CareTypeCapacity before = capacityOf(LOCATION, CARE_TYPE);
        web.put().uri("/api/v1/locations/{id}/capacity/{careType}", LOCATION, CARE_TYPE)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"freeBeds\":7}").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        assertThat(capacityOf(LOCATION, CARE_TYPE)).isEqualTo(before);
    }

    @Test
    void healthStaysOpen() {
        web.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }

    @Test
    void metricsAreForAdminsOnly() {
        for (String path : List.of("/actuator/metrics", "/actuator/prometheus")) {
            web.get().uri(path).exchange().expectStatus().isUnauthorized()
                    .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            as(READER).get().uri(path).exchange().expectStatus().isForbidden();
            as(TestTokens.provider(providerOf(LOCATION))).get().uri(path).exchange().expectStatus().isForbidden();
            as(COORDINATOR).get().uri(path).exchange().expectStatus().isForbidden();
            as(TestTokens.admin()).get().uri(path).exchange().expectStatus().isOk();
        }
    }

    static Stream<Arguments> untrustedTokens() {
        return Stream.of(
                Arguments.of("signed by another key", signedByAnotherKey(Instant.now().plus(Duration.ofHours(1)))),
                Arguments.of("expired and signed by another key",
                        signedByAnotherKey(Instant.now().minus(Duration.ofHours(1)))),
                // the location's own provider, rightly signed, only an hour too late
                Arguments.of("expired (else valid, of the location's provider)", TestTokens.token(
                        "planner@zorgstichting-norgerholt", java.util.List.of("PROVIDER"), "zorgstichting-norgerholt",
                        java.util.List.of(), Instant.now().minus(Duration.ofHours(1)))),
                Arguments.of("claims changed after signing", withClaimsChanged(TestTokens.referrer("huisartsenpost"))),
                // well signed tokens of the location's own provider that are not for this service, or never expire
                Arguments.of("for another audience", ownProvider(claims -> claims.audience(List.of("other-app")))),
                Arguments.of("without an audience", ownProvider(claims -> claims.claims(all -> all.remove("aud")))),
                Arguments.of("without expiry", ownProvider(claims -> claims.claims(all -> all.remove("exp")))),
                Arguments.of("not a token", "not-a-jwt"));
    }

    @ParameterizedTest(name = "a token {0} is 401")
    @MethodSource("untrustedTokens")
    void aTokenTheServiceDoesNotTrustIs401AndChangesNothing(String why, String token) {
        CapacityView.CareTypeCapacity before = capacityOf(LOCATION, CARE_TYPE);

        as(token).put().uri("/api/v1/locations/{id}/capacity/{careType}", LOCATION, CARE_TYPE)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"freeBeds\":7}").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, challenge -> assertThat(challenge)
                        .startsWith("Bearer").contains("invalid_token"))
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        as(token).get().uri("/api/v1/regions/{region}", REGION).exchange()
                .expectStatus().isUnauthorized();

        assertThat(capacityOf(LOCATION, CARE_TYPE)).isEqualTo(before);
    }

    @Test
    void theLocationsOwnProvidersGoodTokenIsAccepted() {
        as(ownProvider(claims -> { })).get().uri("/api/v1/regions/{region}", REGION).exchange()
                .expectStatus().isOk();
    }

    private static String ownProvider(java.util.function.Consumer<JwtClaimsSet.Builder> change) {
        return TestTokens.token("planner@zorgstichting-norgerholt", List.of("PROVIDER"), "zorgstichting-norgerholt",
                List.of(), change);
    }

    // --- reads: every signed-in role

    static Stream<Arguments> readers() {
        return Stream.of(
                Arguments.of("referrer", TestTokens.referrer("huisartsenpost-drenthe")),
                Arguments.of("provider of the location", TestTokens.provider("zorgstichting-norgerholt")),
                Arguments.of("another provider", TestTokens.provider(FOREIGN_PROVIDER)),
                Arguments.of("coordinator of the region", TestTokens.coordinator(REGION)),
                Arguments.of("coordinator of another region", TestTokens.coordinator("groningen")),
                Arguments.of("admin", TestTokens.admin()));
    }

    @ParameterizedTest(name = "a {0} reads regions, locations and capacity")
    @MethodSource("readers")
    void everySignedInRoleReadsTheRegionsSharedPicture(String who, String token) {
        LocalDate tonight = tonight();
        for (String uri : List.of("/api/v1/regions/" + REGION, "/api/v1/regions/" + REGION + "/locations",
                "/api/v1/locations/" + LOCATION, "/api/v1/regions/" + REGION + "/capacity",
                "/api/v1/regions/" + REGION + "/capacity/nights?careType=WMO_LOGEER&from=" + tonight + "&to="
                        + tonight.plusDays(3))) {
            as(token).get().uri(uri).exchange().expectStatus().isOk();
        }
    }

    @Test
    void aTokenWithoutAKnownRoleReadsNothing() {
        String roleless = TestTokens.token("someone", List.of("VISITOR"), "zorgstichting-norgerholt", List.of(REGION));

        as(roleless).get().uri("/api/v1/regions/{region}/capacity", REGION).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    // --- 403: capacity and status are the location's own provider's

    static Stream<Arguments> mayNotChangeTheLocation() {
        return Stream.of(
                Arguments.of("another provider", TestTokens.provider(FOREIGN_PROVIDER)),
                Arguments.of("referrer", TestTokens.referrer("huisartsenpost-drenthe")),
                Arguments.of("coordinator of the region", TestTokens.coordinator(REGION)),
                Arguments.of("coordinator of another region", TestTokens.coordinator("groningen")),
                Arguments.of("admin", TestTokens.admin()));
    }

    @ParameterizedTest(name = "a {0} may not publish capacity, nights or status: 403, nothing changed")
    @MethodSource("mayNotChangeTheLocation")
    void onlyTheLocationsOwnProviderChangesItsCapacityAndStatus(String who, String token) {
        String calendarLocation = "loc-borger-de-hunebedhof"; // zorgstichting-hunzedal, WMO_LOGEER per night
        LocalDate night = tonight().plusDays(30);
        CapacityView.CareTypeCapacity before = capacityOf(LOCATION, CARE_TYPE);
        NightsView.LocationNights nightsBefore = nightsAt(calendarLocation, "WMO_LOGEER", night, night);
        boolean openBefore = locationView(LOCATION).open();

        forbidden(as(token).put().uri("/api/v1/locations/{id}/capacity/{careType}", LOCATION, CARE_TYPE)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"freeBeds\":7}").exchange());
        forbidden(as(token).put().uri("/api/v1/locations/{id}/capacity/{careType}/nights", calendarLocation,
                        "WMO_LOGEER")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"nights\":[{\"from\":\"" + night + "\",\"freeBeds\":9}]}").exchange());
        forbidden(as(token).put().uri("/api/v1/locations/{id}/status", LOCATION)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"open\":false,\"reason\":\"OTHER\"}").exchange());

        assertThat(capacityOf(LOCATION, CARE_TYPE)).isEqualTo(before);
        assertThat(nightsAt(calendarLocation, "WMO_LOGEER", night, night)).isEqualTo(nightsBefore);
        assertThat(locationView(LOCATION).open()).isEqualTo(openBefore);
    }

    @Test
    void aRoleThatMayNeverPublishIs403EvenForAnUnknownLocationOrABadBody() {
        String referrer = TestTokens.referrer("huisartsenpost-drenthe");

        forbidden(as(referrer).put().uri("/api/v1/locations/{id}/capacity/{careType}", "loc-nowhere", CARE_TYPE)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"freeBeds\":1}").exchange());
        forbidden(as(referrer).put().uri("/api/v1/locations/{id}/capacity/{careType}", LOCATION, CARE_TYPE)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"freeBeds\":\"many\"}").exchange());
        forbidden(as(TestTokens.provider(FOREIGN_PROVIDER)).put()
                .uri("/api/v1/locations/{id}/capacity/{careType}", LOCATION, CARE_TYPE)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"freeBeds\":-5}").exchange());
    }

    @Test
    void theLocationsOwnProviderPublishes() {
        CapacityView.CareTypeCapacity before = capacityOf(LOCATION, CARE_TYPE);

        CapacityView.CareTypeCapacity after = publish(LOCATION, CARE_TYPE, before.freeBeds() + 1);

        assertThat(after.version()).isEqualTo(before.version() + 1);
        assertThat(capacityOf(LOCATION, CARE_TYPE)).isEqualTo(after);
    }

    // --- holds: their provider, and coordinators of their region; anyone else 404 (or 403 by role)

    @Test
    void aHoldIsShownToItsProviderAndItsRegionsCoordinatorsAndToNobodyElse() {
        String location = "loc-beilen-de-brinkhof"; // zorggroep-drents-heideland
        String careType = "ELV_HOOG";
        String offer = acceptedHold(location, careType);
        String ownProvider = TestTokens.provider(providerOf(location));
        String foreignProvider = TestTokens.provider(FOREIGN_PROVIDER);

        as(ownProvider).get().uri("/api/v1/holds/{offer}", offer).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.offerId").isEqualTo(offer);
        as(COORDINATOR).get().uri("/api/v1/holds/{offer}", offer).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.offerId").isEqualTo(offer);

        byte[] unknown = notFound(as(foreignProvider).get().uri("/api/v1/holds/{offer}", "offer-unknown").exchange());
        byte[] foreign = notFound(as(foreignProvider).get().uri("/api/v1/holds/{offer}", offer).exchange());
        assertThat(new String(foreign, StandardCharsets.UTF_8).replace(offer, "offer-unknown"))
                .as("a foreign hold answers exactly as an unknown one")
                .isEqualTo(new String(unknown, StandardCharsets.UTF_8));
        notFound(as(FOREIGN_COORDINATOR).get().uri("/api/v1/holds/{offer}", offer).exchange());
        forbidden(as(READER).get().uri("/api/v1/holds/{offer}", offer).exchange());
        forbidden(as(TestTokens.admin()).get().uri("/api/v1/holds/{offer}", offer).exchange());
        forbidden(as(READER).get().uri("/api/v1/holds/{offer}", "offer-unknown").exchange());
    }

    @Test
    void onlyTheHoldsProviderConfirmsAdmissionAndDischarge() {
        String location = "loc-hoogeveen-vaarthof"; // stichting-reestdal-zorg
        String careType = "ELV_LAAG";
        String offer = acceptedHold(location, careType);
        String foreignProvider = TestTokens.provider(FOREIGN_PROVIDER);

        notFound(as(foreignProvider).post().uri("/api/v1/holds/{offer}/admission", offer).exchange());
        forbidden(as(COORDINATOR).post().uri("/api/v1/holds/{offer}/admission", offer).exchange());
        forbidden(as(FOREIGN_COORDINATOR).post().uri("/api/v1/holds/{offer}/admission", offer).exchange());
        forbidden(as(READER).post().uri("/api/v1/holds/{offer}/admission", offer).exchange());
        forbidden(as(TestTokens.admin()).post().uri("/api/v1/holds/{offer}/admission", offer).exchange());
        forbidden(as(COORDINATOR).post().uri("/api/v1/holds/{offer}/admission", "offer-unknown").exchange());
        assertThat(hold(offer).status()).as("refusals change nothing").isEqualTo(HoldStatus.ACCEPTED);
        assertThat(capacityOf(location, careType).heldBeds()).isEqualTo(1);

        admit(offer, location)
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("ADMITTED");

        notFound(as(foreignProvider).post().uri("/api/v1/holds/{offer}/discharge", offer).exchange());
        forbidden(as(COORDINATOR).post().uri("/api/v1/holds/{offer}/discharge", offer).exchange());
        assertThat(hold(offer).status()).isEqualTo(HoldStatus.ADMITTED);

        discharge(offer, location)
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("DISCHARGED");
    }

    // --- strict bodies (the platform's), proven on the capacity publication by its own provider

    static Stream<Arguments> unreadableBodies() {
        return Stream.of(
                Arguments.of("a number sent as text", "{\"freeBeds\":\"3\"}", "freeBeds"),
                Arguments.of("an unknown field", "{\"freeBeds\":3,\"bedsFree\":3}", "bedsFree"),
                Arguments.of("a fraction for a whole number", "{\"freeBeds\":3.0}", "freeBeds"));
    }

    @ParameterizedTest(name = "{0} is 400 naming {2}, nothing changed")
    @MethodSource("unreadableBodies")
    void aBodyThatIsNotStrictlyWhatTheContractSaysIs400NamingTheField(String why, String body, String field) {
        CapacityView.CareTypeCapacity before = capacityOf(LOCATION, "ELV_LAAG");

        putCapacity(LOCATION, "ELV_LAAG", body)
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.errors[0].field").isEqualTo(field);

        assertThat(capacityOf(LOCATION, "ELV_LAAG")).isEqualTo(before);
    }

    @Test
    void aBodyOver64KilobytesIs413AndChangesNothing() {
        CapacityView.CareTypeCapacity before = capacityOf(LOCATION, "ELV_LAAG");
        String body = "{\"freeBeds\":3,\"note\":\"" + "x".repeat(65 * 1024) + "\"}";

        putCapacity(LOCATION, "ELV_LAAG", body)
                .expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(413);

        assertThat(capacityOf(LOCATION, "ELV_LAAG")).isEqualTo(before);
    }

    // --- helpers

    /** A free-now hold at the location, accepted by its provider (so it can be admitted). */
    private String acceptedHold(String location, String careType) {
        publish(location, careType, 1);
        String offer = newOfferId();
        try (TopicRecorder events = recorder(EventCatalogue.HOLDS)) {
            producer().send(holdRequested(offer, location, careType));
            awaitOne(events, BedHeld.class, e -> e.offerId().equals(offer));
        }
        producer().send(new OfferAccepted(offer, requestIdOf(offer), REGION, location, providerOf(location),
                careType, Instant.now().plusSeconds(3600), Instant.now()));
        await().atMost(Duration.ofSeconds(15)).until(() -> hold(offer).status() == HoldStatus.ACCEPTED);
        return offer;
    }

    private static void forbidden(WebTestClient.ResponseSpec response) {
        response.expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(403);
    }

    /** Asserts a 404 problem and returns its body. */
    private static byte[] notFound(WebTestClient.ResponseSpec response) {
        return response.expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(404)
                .returnResult().getResponseBody();
    }

    /** The claims a test token for a provider carries, signed by a key the service has never seen. */
    private static String signedByAnotherKey(Instant expiresAt) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(
                    new RSAKey.Builder((RSAPublicKey) keys.getPublic()).privateKey((RSAPrivateKey) keys.getPrivate())
                            .keyID("test").build())));
            JwtClaimsSet claims = JwtClaimsSet.builder()
                    .issuer(TestTokens.ISSUER)
                    .audience(List.of(TestTokens.AUDIENCE))
                    .subject("planner@zorgstichting-norgerholt")
                    .issuedAt(expiresAt.minus(Duration.ofHours(2)))
                    .expiresAt(expiresAt)
                    .claim("roles", List.of("PROVIDER"))
                    .claim("org", "zorgstichting-norgerholt")
                    .claim("regions", List.of())
                    .build();
            return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
                    .getTokenValue();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A trusted token whose claims were replaced (a referrer making itself the location's provider). */
    private static String withClaimsChanged(String token) {
        String[] parts = token.split("\\.");
        String payload = "{\"iss\":\"" + TestTokens.ISSUER + "\",\"aud\":[\"" + TestTokens.AUDIENCE + "\"],"
                + "\"sub\":\"mallory\",\"roles\":[\"PROVIDER\"],"
                + "\"org\":\"zorgstichting-norgerholt\",\"exp\":" + Instant.now().plusSeconds(3600).getEpochSecond()
                + "}";
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }
}
