package nl.adempauze.requestmatching;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How identifying details are kept (see request-matching.yml): the key and salt their columns are encrypted with,
 * how long after a request closes they are purged, and how often the purge runs.
 */
@ConfigurationProperties("adempauze.privacy")
public record PrivacySettings(String encryptionKey, String encryptionSalt, Duration purgeAfter,
                              Duration purgeInterval) {
}
