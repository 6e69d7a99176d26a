package nl.adempauze.requestmatching.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import nl.adempauze.requestmatching.PrivacySettings;
import nl.adempauze.requestmatching.PrivacySettings.Key;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.encrypt.Encryptors;

/** Sealed values are bound to their request and column, name their key, and legacy values stay readable. */
class FieldEncryptionTest {

    private static final String OLD_SECRET = "old-secret-for-encrypted-columns-0123456789";
    private static final String OLD_SALT = "9f2c4e6a8b0d1e3f";
    private static final Key NEW = new Key("2027-01", "new-secret-for-encrypted-columns-9876543210", "0a1b2c3d4e5f6789");
    private static final String NAME = "patient_details.name";

    private final FieldEncryption single = new FieldEncryption(settings(OLD_SECRET, List.of(), null));
    private final FieldEncryption ring = new FieldEncryption(settings(OLD_SECRET, List.of(NEW), "2027-01"));
    private final FieldEncryption newOnly = new FieldEncryption(settings(null, List.of(NEW), null));

    @Test
    void aValueOpensForItsOwnRequestAndColumnOnly() {
        String sealed = single.seal("Geertruida Zwiers", "request-a", NAME);

        assertThat(sealed).startsWith("v1:default:").doesNotContain("Geertruida");
        assertThat(single.open(sealed, "request-a", NAME)).isEqualTo("Geertruida Zwiers");
        assertThatThrownBy(() -> single.open(sealed, "request-b", NAME))
                .isInstanceOf(FieldEncryption.MisplacedValueException.class)
                .hasMessageNotContaining("Geertruida");
        assertThatThrownBy(() -> single.open(sealed, "request-a", "patient_details.city"))
                .isInstanceOf(FieldEncryption.MisplacedValueException.class);
        String altered = sealed.substring(0, sealed.length() - 4) + (sealed.endsWith("AAA=") ? "BBB=" : "AAA=");
        assertThatThrownBy(() -> single.open(altered, "request-a", NAME))
                .isInstanceOf(FieldEncryption.MisplacedValueException.class);
    }

    @Test
    void theActiveKeySealsAndEveryKeyOfTheRingOpens() {
        String old = single.seal("0592 771 234", "request-a", "patient_details.phone");
        String fresh = ring.seal("0592 771 234", "request-a", "patient_details.phone");

        assertThat(fresh).startsWith("v1:2027-01:");
        assertThat(ring.sealedWithActiveKey(fresh)).isTrue();
        assertThat(ring.sealedWithActiveKey(old)).isFalse();
        assertThat(ring.open(old, "request-a", "patient_details.phone")).isEqualTo("0592 771 234");
        assertThat(newOnly.open(fresh, "request-a", "patient_details.phone")).isEqualTo("0592 771 234");
        // a removed key: its values no longer open
        assertThatThrownBy(() -> newOnly.open(old, "request-a", "patient_details.phone"))
                .hasMessageContaining("'default'");
    }

    @Test
    void legacyValuesFromBeforeKeyIdsStillOpen() {
        String legacy = Encryptors.delux(OLD_SECRET, OLD_SALT).encrypt("Vaart Zuidzijde");

        assertThat(single.open(legacy, "any-request", "patient_details.street")).isEqualTo("Vaart Zuidzijde");
        assertThat(ring.open(legacy, "any-request", "patient_details.street")).isEqualTo("Vaart Zuidzijde");
        assertThat(ring.sealedWithActiveKey(legacy)).isFalse();
        assertThatThrownBy(() -> newOnly.open(legacy, "any-request", "patient_details.street"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRingOfSeveralKeysNeedsAnActiveOneThatItHolds() {
        assertThatThrownBy(() -> new FieldEncryption(settings(OLD_SECRET, List.of(NEW), null)))
                .hasMessageContaining("active-key");
        assertThatThrownBy(() -> new FieldEncryption(settings(OLD_SECRET, List.of(NEW), "2026-01")))
                .hasMessageContaining("'2026-01'");
        assertThatThrownBy(() -> new FieldEncryption(settings(null, List.of(), null)))
                .hasMessageContaining("encryption-key");
        assertThatThrownBy(() -> new FieldEncryption(settings("too-short", List.of(), null)))
                .hasMessageContaining("at least 32");
    }

    private static PrivacySettings settings(String secret, List<Key> keys, String active) {
        return new PrivacySettings(secret, OLD_SALT, keys, active, null, null);
    }
}
