package nl.adempauze.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The access matrix of docs/SECURITY.md, cell by cell, through the front door with the demo users' tokens: each row
 * below is a row of that page, each column a caller. "own" is the caller's organisation (a referrer's request, the
 * provider of the location or offer) or region (coordinator of drenthe); "foreign" another organisation or region.
 * {@link #OK} means the call gets past the access rules: not 401, 403 or 404 (the state of the resource may still
 * refuse it, e.g. 409), and no server error. Every cell is tried and all differences are reported together.
 */
class AuthorizationMatrixEndToEndTest {

    /** Allowed: past the access rules (not 401, 403 or 404), and no server error. */
    private static final int OK = 0;

    private static final String R_OWN = E2eStack.REFERRER;
    private static final String R_FOREIGN = E2eStack.HOSPITAL_REFERRER;
    private static final String C_OWN = E2eStack.COORDINATOR;
    private static final String C_FOREIGN = E2eStack.OTHER_REGION_COORDINATOR;
    private static final String A = E2eStack.ADMIN;
    private static final String A_FOREIGN = E2eStack.OTHER_REGION_ADMIN;
    /** The palliative beds the requests of this test go to: a care type no other end-to-end test uses. */
    private static final String HOSPICE = "loc-coevorden-de-sterrenkamp";
    private static final String CARE_TYPE = "ELV_PALLIATIEF";
    /** A logeerhuis, for the calendar and status rows. */
    private static final String LOGEERHUIS = "loc-assen-logeerhuis-peelo";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static E2eStack stack;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<String> differences = new ArrayList<>();
    private int cellsTried;

    @BeforeAll
    static void beds() {
        stack = E2eStack.get();
        // plenty of palliative beds at the hospice, published by its own provider, so each request here is offered
        stack.asProviderOf(HOSPICE).put().uri("/api/v1/locations/{id}/capacity/{careType}", HOSPICE, CARE_TYPE)
                .bodyValue(Map.of("freeBeds", 20)).header("Content-Type", "application/json").retrieve()
                .toBodilessEntity().block();
        stack.awaitMatchingCaughtUp();
    }

    @Test
    void bedAvailability() {
        Offered offered = offered();
        String pOwn = offered.provider;
        String pForeign = otherProviderThan(pOwn);
        String hospiceOwn = stack.providerOf(HOSPICE);
        String hospiceForeign = otherProviderThan(hospiceOwn);
        String logeerhuisOwn = stack.providerOf(LOGEERHUIS);
        String logeerhuisForeign = otherProviderThan(logeerhuisOwn);
        String night = LocalDate.now().plusDays(300).toString();

        for (String path : List.of("/api/v1/regions", "/api/v1/regions/drenthe", "/api/v1/regions/drenthe/locations",
                "/api/v1/locations/" + HOSPICE, "/api/v1/regions/drenthe/capacity",
                "/api/v1/regions/drenthe/capacity/nights?careType=WMO_LOGEER&from=" + night + "&to=" + night)) {
            expect("GET", path, null, R_OWN, OK, pOwn, OK, pForeign, OK, C_OWN, OK, C_FOREIGN, OK, A, OK);
        }
        expect("GET", "/api/v1/regions/drenthe/occupancy", null,
                R_OWN, 403, pOwn, 403, C_OWN, OK, C_FOREIGN, 403, A, OK);
        expect("PUT", "/api/v1/locations/" + HOSPICE + "/capacity/" + CARE_TYPE, Map.of("freeBeds", 20),
                R_OWN, 403, hospiceForeign, 403, C_OWN, 403, C_FOREIGN, 403, A, 403, hospiceOwn, OK);
        // the feed: a provider's line at another provider's location is a refused line (400, naming it), not a 403
        expect("POST", "/api/v1/capacity", Map.of("figures", List.of(Map.of("locationId", HOSPICE,
                        "careType", CARE_TYPE, "freeBeds", 20))),
                R_OWN, 403, hospiceForeign, 400, C_OWN, 403, C_FOREIGN, 403, A, 403, hospiceOwn, OK);
        expect("PUT", "/api/v1/locations/" + LOGEERHUIS + "/capacity/WMO_LOGEER/nights",
                Map.of("nights", List.of(Map.of("from", night, "freeBeds", 1))),
                R_OWN, 403, logeerhuisForeign, 403, C_OWN, 403, C_FOREIGN, 403, A, 403, logeerhuisOwn, OK);
        expect("PUT", "/api/v1/locations/" + LOGEERHUIS + "/status", Map.of("open", true),
                R_OWN, 403, logeerhuisForeign, 403, C_OWN, 403, C_FOREIGN, 403, A, 403, logeerhuisOwn, OK);

        // administration: an ADMIN of drenthe only; the administrator's empty body is refused as 400 (past the
        // access rules, nothing changed), everyone else's with 403 before the body is read
        for (String path : List.of("/api/v1/admin/regions/drenthe/locations")) {
            expect("POST", path, Map.of(), R_OWN, 403, pOwn, 403, C_OWN, 403, C_FOREIGN, 403, A_FOREIGN, 403, A, OK);
        }
        for (String path : List.of("/api/v1/admin/locations/" + HOSPICE, "/api/v1/admin/locations/" + HOSPICE + "/status",
                "/api/v1/admin/regions/drenthe/settings", "/api/v1/admin/regions/drenthe/care-types/ELV_PALLIATIEF",
                "/api/v1/admin/regions/drenthe/neighbours", "/api/v1/admin/regions/drenthe/triage",
                "/api/v1/admin/regions/drenthe/funders/zilveren-kruis",
                "/api/v1/admin/regions/drenthe/providers/" + "zorggroep-drentse-aa")) {
            expect("PUT", path, Map.of(), R_OWN, 403, hospiceOwn, 403, C_OWN, 403, C_FOREIGN, 403, A_FOREIGN, 403, A, OK);
        }
        expect("GET", "/api/v1/admin/regions/drenthe/changes", null,
                R_OWN, 403, pOwn, 403, C_OWN, 403, C_FOREIGN, 403, A_FOREIGN, 403, A, OK);

        String hold = "/api/v1/holds/" + offered.offerId;
        expect("GET", hold, null, R_OWN, 403, pOwn, OK, pForeign, 404, C_OWN, OK, C_FOREIGN, 404, A, 403);
        // admission and discharge once the provider has accepted: the refusals first, then the provider itself
        call("POST", "/api/v1/offers/" + offered.offerId + "/accept", Map.of(), pOwn);
        await().atMost(Duration.ofSeconds(30)).until(() -> "MATCHED".equals(status(offered.requestId)));
        for (String step : List.of("/admission", "/discharge")) {
            expect("POST", hold + step, null,
                    R_OWN, 403, pForeign, 404, C_OWN, 403, C_FOREIGN, 403, A, 403, pOwn, OK);
        }
        System.out.printf("Access matrix, bed-availability: %d cells tried%n", cellsTried);
        assertThat(differences).as("bed-availability differs from docs/SECURITY.md").isEmpty();
    }

    @Test
    void requestMatching() {
        String provider = stack.providerOf(HOSPICE);
        Map<String, Object> submission = submission(null);
        expect("POST", "/api/v1/requests", submission, provider, 403, A, 403, R_OWN, OK);
        // a coordinator takes a call for their own region, naming the referrer organisation that will follow it
        expect("POST", "/api/v1/requests", submission("huisartsenpost-drenthe"), C_FOREIGN, 403, C_OWN, OK);
        // a referrer's request belongs to the organisation in its token
        expect("POST", "/api/v1/requests", submission("wza-transferpunt"), R_OWN, 403);
        expect("GET", "/api/v1/requests", null, R_OWN, OK, provider, 403, C_OWN, 403, C_FOREIGN, 403, A, 403);

        Offered offered = offered();
        String pOwn = offered.provider;
        String pForeign = otherProviderThan(pOwn);
        String request = "/api/v1/requests/" + offered.requestId;
        String offer = "/api/v1/offers/" + offered.offerId;

        expect("GET", request, null,
                R_OWN, OK, R_FOREIGN, 404, pOwn, 403, pForeign, 403, C_OWN, OK, C_FOREIGN, 404, A, 403);
        expect("PUT", request + "/patient?reason=Correctie", Map.of("name", "J. de Boer", "dateOfBirth", "1941-03-02"),
                R_FOREIGN, 404, pOwn, 403, pForeign, 403, C_FOREIGN, 404, A, 403, R_OWN, OK, C_OWN, OK);
        expect("PUT", request + "/handover", Map.of("reasonForAdmission", "Mantelzorger uitgevallen"),
                R_FOREIGN, 404, pOwn, 403, pForeign, 403, C_FOREIGN, 404, A, 403, R_OWN, OK, C_OWN, OK);
        expect("GET", request + "/handover", null,
                R_OWN, OK, R_FOREIGN, 404, pOwn, 403, pForeign, 403, C_OWN, OK, C_FOREIGN, 404, A, 403);
        expect("GET", offer + "/handover", null,
                R_OWN, 403, pOwn, OK, pForeign, 404, C_OWN, 403, C_FOREIGN, 403, A, 403);
        Map<String, String> decision = Map.of("reason", "Mantelzorger opgenomen in het ziekenhuis");
        for (String override : List.of("/protection-override", "/priority")) {
            expect("POST", request + override, decision,
                    R_OWN, 403, R_FOREIGN, 403, pOwn, 403, pForeign, 403, C_FOREIGN, 404, A, 403, C_OWN, OK);
        }
        for (String board : List.of("requests", "escalations", "waiting-list")) {
            expect("GET", "/api/v1/regions/drenthe/" + board, null,
                    R_OWN, 403, pOwn, 403, C_OWN, OK, C_FOREIGN, 403, A, 403);
        }
        for (String figures : List.of("figures", "figures.csv")) {
            expect("GET", "/api/v1/regions/drenthe/" + figures, null,
                    R_OWN, 403, pOwn, 403, C_OWN, OK, C_FOREIGN, 403, A, OK);
        }
        // a what-if as the figures; the POST's body is out of range, so the allowed get 400 and no run starts
        expect("GET", "/api/v1/regions/drenthe/what-if", null,
                R_OWN, 403, pOwn, 403, C_OWN, OK, C_FOREIGN, 403, A, OK);
        expect("POST", "/api/v1/regions/drenthe/what-if", Map.of("months", 99),
                R_OWN, 403, pOwn, 403, C_FOREIGN, 403, C_OWN, OK, A, OK);
        expect("GET", "/api/v1/locations/" + offered.locationId + "/offers", null,
                R_OWN, 403, pOwn, OK, pForeign, 403, C_OWN, OK, C_FOREIGN, 403, A, 403);
        expect("GET", offer, null, R_OWN, 403, pOwn, OK, pForeign, 404, C_OWN, OK, C_FOREIGN, 404, A, 403);
        expect("POST", offer + "/decline", Map.of("reason", "Geen plek", "reasonCode", "NO_BED"),
                R_OWN, 403, pForeign, 404, C_OWN, 403, C_FOREIGN, 403, A, 403);
        expect("POST", offer + "/accept", Map.of(),
                R_OWN, 403, pForeign, 404, C_OWN, 403, C_FOREIGN, 403, A, 403, pOwn, OK);
        expect("GET", "/api/v1/audit", null, R_OWN, 403, pOwn, 403, C_OWN, 403, A, OK);
        expect("GET", "/api/v1/audit/verification", null, R_OWN, 403, pOwn, 403, C_OWN, 403, A, OK);
        expect("POST", "/api/v1/encryption/rotation", null, R_OWN, 403, pOwn, 403, C_OWN, 403, A, OK);

        // another request: its provider declines; cancelling: the refusals, then the coordinator of the region,
        // then the referrer (409: already cancelled)
        Offered other = offered();
        expect("POST", "/api/v1/offers/" + other.offerId + "/decline", Map.of("reason", "Geen plek", "reasonCode",
                "NO_BED"), other.provider, OK);
        expect("POST", "/api/v1/requests/" + other.requestId + "/cancel", Map.of("reason", "Patient blijft thuis"),
                R_FOREIGN, 404, other.provider, 403, C_FOREIGN, 404, A, 403, C_OWN, OK, R_OWN, OK);

        // matching by hand: to another candidate of the request's ranking; the region's coordinator last
        Offered third = offered();
        List<?> ranking = (List<?>) json(call("GET", "/api/v1/requests/" + third.requestId, null, C_OWN).body(),
                Map.class).get("ranking");
        String elsewhere = ranking.stream().map(Map.class::cast).map(candidate -> (String) candidate.get("locationId"))
                .filter(location -> !location.equals(third.locationId)).findFirst().orElseThrow();
        expect("POST", "/api/v1/requests/" + third.requestId + "/manual-offer",
                Map.of("locationId", elsewhere, "reason", "Dochter woont om de hoek"),
                R_OWN, 403, R_FOREIGN, 403, third.provider, 403, A, 403, C_FOREIGN, 404, C_OWN, OK);
        call("POST", "/api/v1/requests/" + third.requestId + "/cancel", Map.of("reason", "Opgelost"), C_OWN);
        System.out.printf("Access matrix, request-matching: %d cells tried%n", cellsTried);
        assertThat(differences).as("request-matching differs from docs/SECURITY.md").isEmpty();
    }

    /** The front door does not route {@code /actuator}: each service's own port, as an operator reaches it. */
    @Test
    void actuatorOnEachServicePort() {
        String provider = stack.providerOf(HOSPICE);
        for (var service : List.of(stack.services.bedAvailability, stack.services.requestMatching,
                stack.services.notification)) {
            String base = RunningServices.url(service);
            for (String path : List.of("/actuator/metrics", "/actuator/prometheus")) {
                expectAt(base, "GET", path, null, null, 401, R_OWN, 403, provider, 403, C_OWN, 403, A, OK);
            }
            expectAt(base, "GET", "/actuator/health/readiness", null, null, OK);
        }
        System.out.printf("Access matrix, actuator: %d cells tried%n", cellsTried);
        assertThat(differences).as("actuator access differs from docs/SECURITY.md").isEmpty();
    }

    @Test
    void notification() {
        Offered offered = offered();
        String pOwn = offered.provider;
        String pForeign = otherProviderThan(pOwn);
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            expectStream("/api/v1/live", R_OWN, OK);
            expectStream("/api/v1/live", pOwn, OK);
            expectStream("/api/v1/live?region=drenthe", C_OWN, OK);
            expectStream("/api/v1/live?region=drenthe", C_FOREIGN, 403);
            expectStream("/api/v1/live", A, 403);

            Map<String, String> subscriptions = new LinkedHashMap<>();
            subscribe(receiver, R_OWN, Map.of("requestId", offered.requestId), subscriptions);
            subscribe(receiver, pOwn, Map.of("providerId", orgOf(pOwn)), subscriptions);
            subscribe(receiver, C_OWN, Map.of("region", "drenthe"), subscriptions);
            // scopes beyond the caller's reach, and the admin
            expect("POST", "/api/v1/subscriptions", subscription(receiver, Map.of("requestId", offered.requestId)),
                    R_FOREIGN, 403);
            expect("POST", "/api/v1/subscriptions", subscription(receiver, Map.of("providerId", orgOf(pOwn))),
                    pForeign, 403);
            expect("POST", "/api/v1/subscriptions", subscription(receiver, Map.of("region", "drenthe")),
                    C_FOREIGN, 403, A, 403);

            for (var owned : subscriptions.entrySet()) {
                String owner = owned.getKey();
                String path = "/api/v1/subscriptions/" + owned.getValue();
                for (String suffix : List.of("", "/deliveries")) {
                    List<Object> cells = new ArrayList<>(List.of(owner, OK, A, 403));
                    for (String stranger : List.of(R_OWN, R_FOREIGN, pOwn, pForeign, C_OWN, C_FOREIGN)) {
                        if (!stranger.equals(owner)) {
                            cells.addAll(List.of(stranger, 404));
                        }
                    }
                    expect("GET", path + suffix, null, cells.toArray());
                }
                List<?> listed = json(call("GET", "/api/v1/subscriptions", null, owner).body(), List.class);
                List<?> ids = listed == null ? List.of() : listed.stream().map(s -> ((Map<?, ?>) s).get("id")).toList();
                List<String> others = subscriptions.values().stream().filter(id -> !id.equals(owned.getValue()))
                        .toList();
                if (!ids.contains(owned.getValue()) || others.stream().anyMatch(ids::contains)) {
                    differences.add("GET /api/v1/subscriptions as " + owner + ": should list its own, not the "
                            + "others' " + others + "; got " + ids);
                }
                expect("DELETE", path, null, A, 403, C_FOREIGN, 404, owner, OK);
            }
        }
        System.out.printf("Access matrix, notification: %d cells tried%n", cellsTried);
        assertThat(differences).as("notification differs from docs/SECURITY.md").isEmpty();
    }

    /** An offer made to a provider for a fresh palliative crisis request of {@link #R_OWN}'s organisation. */
    private record Offered(String requestId, String offerId, String locationId, String provider) {
    }

    private Offered offered() {
        HttpResponse<String> created = call("POST", "/api/v1/requests", submission(null), R_OWN);
        assertThat(created.statusCode()).as("submitted: %s", created.body()).isEqualTo(201);
        String requestId = (String) json(created.body(), Map.class).get("id");
        Map<?, ?> offered = await().atMost(Duration.ofSeconds(30))
                .until(() -> json(call("GET", "/api/v1/requests/" + requestId, null, C_OWN).body(), Map.class),
                        request -> "OFFERED".equals(request.get("status")));
        Map<?, ?> offer = (Map<?, ?>) offered.get("currentOffer");
        String locationId = (String) offer.get("locationId");
        return new Offered(requestId, (String) offer.get("id"), locationId, stack.providerOf(locationId));
    }

    private static Map<String, Object> submission(String referrerOrganisation) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("region", "drenthe", "careType", CARE_TYPE,
                "urgency", "CRISIS", "residence", Map.of("municipality", "Coevorden"),
                "contact", Map.of("name", "Huisartsenpost Coevorden", "phone", "0524 123456")));
        if (referrerOrganisation != null) {
            body.put("referrerOrganisation", referrerOrganisation);
        }
        return body;
    }

    private static String orgOf(String user) {
        return stack.tokens.users().stream().filter(u -> user.equals(u.get("id"))).map(u -> (String) u.get("org"))
                .findFirst().orElseThrow();
    }

    private static String otherProviderThan(String providerUser) {
        return providerUser.equals("planner-zorggroep-drentse-aa") ? "planner-stichting-drentse-logeerhuizen"
                : "planner-zorggroep-drentse-aa";
    }

    private String status(String requestId) {
        return (String) json(call("GET", "/api/v1/requests/" + requestId, null, C_OWN).body(), Map.class)
                .get("status");
    }

    private void subscribe(WebhookReceiver receiver, String owner, Map<String, String> scope,
                           Map<String, String> subscriptions) {
        // notification learns a request from its RequestSubmitted event: a referrer's scope may need a moment
        HttpResponse<String> created = await().atMost(Duration.ofSeconds(30)).until(() -> call("POST",
                "/api/v1/subscriptions", subscription(receiver, scope), owner), response -> response.statusCode() != 403
                || !scope.containsKey("requestId"));
        if (created.statusCode() != 201) {
            differences.add("POST /api/v1/subscriptions " + scope + " as " + owner + ": expected 201, got "
                    + created.statusCode() + " " + created.body());
            return;
        }
        subscriptions.put(owner, (String) json(created.body(), Map.class).get("id"));
    }

    private static Map<String, Object> subscription(WebhookReceiver receiver, Map<String, String> scope) {
        return Map.of("url", receiver.url(), "secret", "a-secret-of-sixteen-or-more", "eventTypes",
                List.of("OfferMade", "RequestMatched"), "scope", scope);
    }

    /** {@code cells}: pairs of demo user and expected status ({@link #OK} for allowed), tried in that order. */
    private void expect(String method, String path, Object body, Object... cells) {
        expectAt(stack.url(), method, path, body, cells);
    }

    /** As {@link #expect}, at this address; a null user calls without a token. */
    private void expectAt(String base, String method, String path, Object body, Object... cells) {
        for (int i = 0; i < cells.length; i += 2) {
            String user = (String) cells[i];
            int expected = (Integer) cells[i + 1];
            HttpResponse<String> response = call(base, method, path, body, user);
            cellsTried++;
            int status = response.statusCode();
            boolean matches = expected == OK ? status != 401 && status != 403 && status != 404 && status < 500
                    : status == expected;
            if (!matches) {
                differences.add(method + " " + path + " as " + user + ": expected "
                        + (expected == OK ? "allowed" : expected) + ", got " + status + " " + abbreviated(response.body()));
            }
        }
    }

    /** The live stream: only the status and headers are read, then the stream is closed. */
    private void expectStream(String path, String user, int expected) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.url() + path))
                .header("Authorization", "Bearer " + stack.tokens.token(user)).header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(20)).GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            cellsTried++;
            int status = response.statusCode();
            if (expected == OK ? status != 200 : status != expected) {
                differences.add("GET " + path + " as " + user + ": expected " + (expected == OK ? "allowed" : expected)
                        + ", got " + status);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> call(String method, String path, Object body, String user) {
        return call(stack.url(), method, path, body, user);
    }

    private HttpResponse<String> call(String base, String method, String path, Object body, String user) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
        if (user != null) {
            request.header("Authorization", "Bearer " + stack.tokens.token(user));
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static <T> T json(String body, Class<T> type) {
        return body == null || body.isBlank() ? null : JSON.readValue(body, type);
    }

    private static String abbreviated(String body) {
        return body == null ? "" : body.length() > 160 ? body.substring(0, 160) + "..." : body;
    }
}
