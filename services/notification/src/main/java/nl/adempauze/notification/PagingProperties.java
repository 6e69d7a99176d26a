package nl.adempauze.notification;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import nl.adempauze.notification.domain.BackoffSchedule;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Paging settings ({@code adempauze.paging.*}).
 *
 * @param acknowledgeWithin how long a tier has to acknowledge before the next is paged, unless the region sets its own
 * @param regions           per region: {@code adempauze.paging.regions.<region>.acknowledge-within}
 * @param boardUrl          the web app's coordinator board, linked from every page
 * @param publicUrl         the front door as people reach it; the acknowledgement link is built on it
 * @param linkSecret        key of the signed acknowledgement links; when empty a random one per start is used (links
 *                          then stop working at a restart: set it in production)
 * @param linkValidity      how long an acknowledgement link works
 * @param mailFrom          sender of page e-mails
 * @param pollInterval      how often due steps and due message retries are looked for
 * @param maxAttempts       attempts per message before it is FAILED for good
 * @param initialBackoff    wait after a message's first failed attempt; doubles per attempt
 * @param maxBackoff        cap on that wait
 * @param lease             how long a claimed message is reserved for the instance sending it
 * @param sms               the HTTP SMS gateway
 */
@ConfigurationProperties("adempauze.paging")
public record PagingProperties(
        @DefaultValue("5m") Duration acknowledgeWithin,
        Map<String, Region> regions,
        @DefaultValue("http://localhost:8080/#/coordinator") String boardUrl,
        @DefaultValue("http://localhost:8080") String publicUrl,
        String linkSecret,
        @DefaultValue("24h") Duration linkValidity,
        @DefaultValue("oproep@adempauze.local") String mailFrom,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("2s") Duration initialBackoff,
        @DefaultValue("2m") Duration maxBackoff,
        @DefaultValue("60s") Duration lease,
        @DefaultValue Sms sms) {

    public PagingProperties {
        regions = regions == null ? Map.of() : Map.copyOf(regions);
        if (linkSecret == null || linkSecret.isBlank()) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            linkSecret = HexFormat.of().formatHex(random);
        }
    }

    /** The region's own setting, else the default. */
    public Duration acknowledgeWithin(String region) {
        Region own = regions.get(region);
        return own == null || own.acknowledgeWithin() == null ? acknowledgeWithin : own.acknowledgeWithin();
    }

    public BackoffSchedule backoffSchedule() {
        return new BackoffSchedule(initialBackoff, maxBackoff, maxAttempts);
    }

    /** Never the link secret. */
    @Override
    public String toString() {
        return "PagingProperties[acknowledgeWithin=" + acknowledgeWithin + ", regions=" + regions + ", boardUrl="
                + boardUrl + ", publicUrl=" + publicUrl + ", sms=" + sms + "]";
    }

    public record Region(Duration acknowledgeWithin) {
    }

    /**
     * A generic JSON-over-HTTPS SMS gateway: {@code POST url} with {@code {"to", "text", "reference"}} and
     * {@code Authorization: Bearer <apiKey>}. Without a url, SMS attempts fail visibly (and are retried).
     */
    public record Sms(String url, String apiKey, @DefaultValue("5s") Duration timeout) {

        @Override
        public String toString() {
            return "Sms[url=" + url + ", apiKey=" + (apiKey == null ? "none" : "[redacted]") + "]";
        }
    }
}
