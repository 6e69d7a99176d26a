package nl.adempauze.localstack;

import static nl.adempauze.localstack.Upstream.BED_AVAILABILITY;
import static nl.adempauze.localstack.Upstream.ISSUER;
import static nl.adempauze.localstack.Upstream.NOTIFICATION;
import static nl.adempauze.localstack.Upstream.REQUEST_MATCHING;

import java.util.List;
import java.util.Optional;

/**
 * The routing table of the front door: which path goes to which service (the first route that matches). The nginx
 * front door of docker-compose ({@code deploy/nginx/default.conf}) must route the same paths to the same services;
 * a test holds it to this table.
 */
public final class Routes {

    /** First match wins: the specific request-matching and notification paths before bed-availability's rest. */
    public static final List<Route> TABLE = List.of(
            Route.of("/auth/**", ISSUER),
            Route.of("/api/v1/subscriptions/**", NOTIFICATION),
            Route.of("/api/v1/live", NOTIFICATION),
            Route.of("/api/v1/pages/**", NOTIFICATION),
            Route.of("/api/v1/regions/{region}/on-call", NOTIFICATION),
            Route.of("/api/v1/regions/{region}/shifts/**", NOTIFICATION),
            Route.of("/api/v1/regions/{region}/pages/**", NOTIFICATION),
            Route.of("/api/v1/requests/{id}/follow-up", NOTIFICATION),
            Route.of("/api/v1/requests/**", REQUEST_MATCHING),
            Route.of("/api/v1/offers/**", REQUEST_MATCHING),
            Route.of("/api/v1/locations/{locationId}/offers", REQUEST_MATCHING),
            Route.of("/api/v1/regions/{region}/requests", REQUEST_MATCHING),
            Route.of("/api/v1/regions/{region}/escalations", REQUEST_MATCHING),
            Route.of("/api/v1/regions/{region}/triage", REQUEST_MATCHING),
            Route.of("/api/v1/regions/{region}/waiting-list", REQUEST_MATCHING),
            Route.of("/api/v1/regions/{region}/figures", REQUEST_MATCHING),
            Route.of("/api/v1/regions/{region}/figures.csv", REQUEST_MATCHING),
            Route.of("/api/v1/regions/{region}/what-if", REQUEST_MATCHING),
            Route.of("/api/v1/regions/{region}/what-if/**", REQUEST_MATCHING),
            Route.of("/api/v1/audit", REQUEST_MATCHING),
            Route.of("/api/v1/audit/verification", REQUEST_MATCHING),
            Route.of("/api/v1/encryption/rotation", REQUEST_MATCHING),
            Route.of("/api/**", BED_AVAILABILITY));

    private Routes() {
    }

    /** Where a request for {@code path} goes; empty when no route takes it. */
    public static Optional<Upstream> upstreamOf(String path) {
        return TABLE.stream().filter(route -> route.matches(path)).findFirst().map(Route::upstream);
    }
}
