package nl.adempauze.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.adempauze.platform.testing.OpenApiRoutes;
import org.junit.jupiter.api.Test;

/**
 * docker-compose's nginx front door ({@code deploy/nginx/default.conf}) against the local stack's ({@link Routes}):
 * every path either routes goes to the same service in both, and both add the same forwarded headers and refuse
 * the same body size.
 */
class NginxRoutesTest {

    /** The nginx upstream of each part the front door routes to. */
    private static final Map<Upstream, String> NGINX_UPSTREAMS = Map.of(
            Upstream.ISSUER, "dev_issuer",
            Upstream.BED_AVAILABILITY, "bed_availability",
            Upstream.REQUEST_MATCHING, "request_matching",
            Upstream.NOTIFICATION, "notification");

    private final String config = read();
    private final NginxLocations nginx = NginxLocations.parse(config);

    @Test
    void nginxRoutesEveryPathToTheServiceTheFrontDoorRoutesItTo() {
        Map<String, String> disagreements = new TreeMap<>();
        for (String path : probes()) {
            Optional<String> frontDoor = Routes.upstreamOf(path).map(NGINX_UPSTREAMS::get);
            Optional<String> upstream = nginx.upstreamOf(path);
            if (!upstream.equals(frontDoor)) {
                disagreements.put(path, "nginx " + upstream.orElse("-") + ", front door " + frontDoor.orElse("-"));
            }
        }
        assertThat(disagreements).as("paths nginx routes elsewhere than the front door").isEmpty();
    }

    @Test
    void nginxPassesOnlyToTheUpstreamsTheFrontDoorKnows() {
        assertThat(nginx.all()).flatMap(location -> location.upstream().stream().toList())
                .isSubsetOf(NGINX_UPSTREAMS.values());
    }

    @Test
    void nginxAddsTheForwardedHeadersTheFrontDoorAdds() {
        assertThat(config).contains(
                "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;",
                "proxy_set_header X-Forwarded-Proto $scheme;",
                "proxy_set_header X-Forwarded-Host $host;",
                "proxy_set_header X-Forwarded-Port $server_port;");
    }

    @Test
    void nginxRefusesTheBodySizeTheFrontDoorRefusesWithAProblem() {
        Matcher limit = Pattern.compile("client_max_body_size\\s+(\\d+)k;").matcher(config);
        assertThat(limit.find()).as("client_max_body_size in kilobytes").isTrue();
        assertThat(Long.parseLong(limit.group(1)) * 1024).isEqualTo(FrontDoor.MAX_BODY_BYTES);
        assertThat(config).contains("error_page 413 = @too_large;", "return 413 '{\"type\":\"about:blank\","
                + "\"title\":\"Request too large\",\"status\":413,\"detail\":\"The body has more than "
                + FrontDoor.MAX_BODY_BYTES + " bytes; at most " + FrontDoor.MAX_BODY_BYTES + " are accepted\","
                + "\"maxBodyBytes\":" + FrontDoor.MAX_BODY_BYTES + "}';");
    }

    /**
     * Every route's own path and its near misses (a trailing slash, one segment more, a longer last segment, and
     * for a {@code /**} route its bare prefix), every path the services' OpenAPI documents name, and a few the web
     * app and documents answer.
     */
    private static Set<String> probes() {
        Set<String> probes = new TreeSet<>(List.of("/", "/index.html", "/docs", "/docs/", "/api", "/apix", "/auth"));
        for (Route route : Routes.TABLE) {
            String path = route.pattern().getPatternString().replaceAll("\\{[^}]*}", "x1");
            if (path.endsWith("/**")) {
                String base = path.substring(0, path.length() - 3);
                probes.addAll(List.of(base, base + "/", base + "/x2", base + "/x2/x3", base + "x"));
            } else {
                probes.addAll(List.of(path, path + "/", path + "/x2", path + "x"));
            }
        }
        for (String service : List.of("bed-availability", "request-matching", "notification")) {
            for (String operation : OpenApiRoutes.operations("/openapi/" + service + ".yaml")) {
                probes.add(operation.substring(operation.indexOf(' ') + 1).replaceAll("\\{[^}]*}", "x1"));
            }
        }
        return probes;
    }

    private static String read() {
        try {
            return Files.readString(RepositoryFiles.find("deploy/nginx/default.conf"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
