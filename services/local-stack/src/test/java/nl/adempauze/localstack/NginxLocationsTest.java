package nl.adempauze.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The nginx rules the routing check relies on, so that it judges nginx's table as nginx would. */
class NginxLocationsTest {

    private final NginxLocations nginx = NginxLocations.parse("""
            server {
                location = /api/v1/live { proxy_pass http://exact; }
                location ^~ /api/v1/requests/ { proxy_pass http://priority; }
                location ~ ^/api/v1/[^/]+/requests/x$ { proxy_pass http://regex; }
                location /api/ { proxy_pass http://prefix; }
                location /api/v1/ { proxy_pass http://longer; }
                location / { root /files; types { text/html html; } }
            }
            """);

    @Test
    void anExactMatchComesFirst() {
        assertThat(nginx.upstreamOf("/api/v1/live")).contains("exact");
    }

    @Test
    void aPriorityPrefixWinsOverARegularExpression() {
        assertThat(nginx.upstreamOf("/api/v1/requests/x")).contains("priority");
    }

    @Test
    void aRegularExpressionWinsOverAPlainPrefix() {
        assertThat(nginx.upstreamOf("/api/v1/other/requests/x")).contains("regex");
    }

    @Test
    void otherwiseTheLongestPrefixWins() {
        assertThat(nginx.upstreamOf("/api/v1/live/")).contains("longer");
        assertThat(nginx.upstreamOf("/api/x")).contains("prefix");
    }

    @Test
    void aLocationWithoutProxyPassServesItself() {
        assertThat(nginx.upstreamOf("/index.html")).isEmpty();
    }
}
