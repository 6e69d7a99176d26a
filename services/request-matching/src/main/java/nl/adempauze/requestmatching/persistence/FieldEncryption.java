package nl.adempauze.requestmatching.persistence;

import java.util.HexFormat;
import nl.adempauze.requestmatching.PrivacySettings;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.encrypt.TextEncryptor;
import org.springframework.stereotype.Component;

/**
 * Encrypts identifying details column by column before they reach the database: AES-256-GCM with a fresh IV per
 * value (Spring Security's {@code Encryptors.delux}), the key derived from the configured secret and salt. Without
 * a key the service does not start.
 */
@Component
public class FieldEncryption {

    private static final int MINIMUM_KEY_LENGTH = 32;
    private final TextEncryptor encryptor;

    public FieldEncryption(PrivacySettings settings) {
        String key = settings.encryptionKey();
        String salt = settings.encryptionSalt();
        if (key == null || key.length() < MINIMUM_KEY_LENGTH) {
            throw new IllegalStateException("adempauze.privacy.encryption-key must be set to a secret of at least "
                    + MINIMUM_KEY_LENGTH + " characters (environment ADEMPAUZE_PRIVACY_ENCRYPTION_KEY)");
        }
        if (salt == null || salt.length() < 16 || salt.length() % 2 != 0 || !isHex(salt)) {
            throw new IllegalStateException("adempauze.privacy.encryption-salt must be set to at least 16 hex digits "
                    + "(environment ADEMPAUZE_PRIVACY_ENCRYPTION_SALT)");
        }
        this.encryptor = Encryptors.delux(key, salt);
    }

    public String seal(String plain) {
        return plain == null ? null : encryptor.encrypt(plain);
    }

    public String open(String sealed) {
        return sealed == null ? null : encryptor.decrypt(sealed);
    }

    private static boolean isHex(String text) {
        try {
            HexFormat.of().parseHex(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
