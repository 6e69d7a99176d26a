package nl.adempauze.requestmatching;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How identifying details are kept (see request-matching.yml): the keys their columns are encrypted with, how long
 * after a request closes they are purged, and how often the purge runs.
 *
 * <p>Keys: {@code keys} (a keyring: several keys by id) and/or the single {@code encryptionKey} with
 * {@code encryptionSalt} (one key, id {@link #SINGLE_KEY_ID}, as configured before the keyring). New values are
 * written with {@code activeKey}, which may be left out when there is only one key.
 */
@ConfigurationProperties("adempauze.privacy")
public record PrivacySettings(String encryptionKey, String encryptionSalt, List<Key> keys, String activeKey,
                              Duration purgeAfter, Duration purgeInterval) {

    /** The id the single {@code encryption-key} has in the keyring. */
    public static final String SINGLE_KEY_ID = "default";

    public PrivacySettings {
        keys = keys == null ? List.of() : List.copyOf(keys);
    }

    /** One key of the keyring: its id (stored with every value it seals), secret and hex salt. */
    public record Key(String id, String secret, String salt) {

        @Override
        public String toString() {
            return "Key[" + id + "]";
        }
    }

    /** Every configured key, the single {@code encryption-key} included (as {@link #SINGLE_KEY_ID}). */
    public List<Key> keyring() {
        if (encryptionKey == null || encryptionKey.isBlank()) {
            return keys;
        }
        return Stream.concat(Stream.of(new Key(SINGLE_KEY_ID, encryptionKey, encryptionSalt)), keys.stream())
                .toList();
    }

    @Override
    public String toString() {
        return "PrivacySettings[keys=" + keyring() + ", activeKey=" + activeKey + ", purgeAfter=" + purgeAfter
                + ", purgeInterval=" + purgeInterval + "]";
    }
}
