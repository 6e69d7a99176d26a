package nl.adempauze.requestmatching.persistence;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import nl.adempauze.requestmatching.PrivacySettings;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.encrypt.TextEncryptor;
import org.springframework.stereotype.Component;

/**
 * Encrypts identifying details value by value before they reach the database: AES-256-GCM with a fresh IV, and the
 * request id and the column as associated data, so a value moved to another request's row (or another column) no
 * longer decrypts. Every value names the key it was sealed with ({@code v1:<key id>:<base64 IV and ciphertext>}):
 * the keyring may hold several keys, new values are sealed with the active one, and {@code EncryptionRotation}
 * re-seals older values so a retired key can be removed.
 *
 * <p>Values from before key ids (hex, Spring Security's {@code Encryptors.delux}, bound to nothing) are legacy: still
 * read, with whichever configured key opens them, until a rotation re-seals them. Without a key the service does not
 * start.
 */
@Component
public class FieldEncryption {

    /** Prefix of a value sealed in the current format; legacy values are hex and never contain ':'. */
    public static final String VERSION = "v1";
    private static final int MINIMUM_SECRET_LENGTH = 32;
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,40}");
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_DERIVATION_ROUNDS = 100_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SecretKey> keys = new LinkedHashMap<>();
    private final Map<String, TextEncryptor> legacy = new LinkedHashMap<>();
    private final String activeKey;

    public FieldEncryption(PrivacySettings settings) {
        List<PrivacySettings.Key> ring = settings.keyring();
        if (ring.isEmpty()) {
            throw new IllegalStateException("adempauze.privacy.encryption-key (or adempauze.privacy.keys) must be set "
                    + "to a secret of at least " + MINIMUM_SECRET_LENGTH + " characters (environment "
                    + "ADEMPAUZE_PRIVACY_ENCRYPTION_KEY)");
        }
        for (PrivacySettings.Key key : ring) {
            check(key);
            keys.put(key.id(), derive(key));
            legacy.put(key.id(), Encryptors.delux(key.secret(), key.salt()));
        }
        String active = settings.activeKey() == null || settings.activeKey().isBlank() ? null : settings.activeKey();
        if (active == null && ring.size() > 1) {
            throw new IllegalStateException("adempauze.privacy.active-key must name the key new values are sealed "
                    + "with (one of " + keys.keySet() + ")");
        }
        this.activeKey = active == null ? ring.get(0).id() : active;
        if (!keys.containsKey(activeKey)) {
            throw new IllegalStateException("adempauze.privacy.active-key '" + activeKey + "' is not in the keyring "
                    + keys.keySet());
        }
    }

    /** The id of the key new values are sealed with. */
    public String activeKey() {
        return activeKey;
    }

    /** Seals {@code plain} for {@code column} (e.g. {@code patient_details.name}) of request {@code requestId}. */
    public String seal(String plain, String requestId, String column) {
        if (plain == null) {
            return null;
        }
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.get(activeKey), iv, requestId, column);
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] stored = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return VERSION + ":" + activeKey + ":" + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not seal a value of " + column, e);
        }
    }

    /**
     * Opens a value of {@code column} of request {@code requestId}; a value sealed for another request or column (or
     * altered) is refused with {@link MisplacedValueException}, never shown.
     */
    public String open(String sealed, String requestId, String column) {
        if (sealed == null) {
            return null;
        }
        if (!sealed.startsWith(VERSION + ":")) {
            return openLegacy(sealed, column);
        }
        int keyEnd = sealed.indexOf(':', VERSION.length() + 1);
        if (keyEnd < 0) {
            throw new MisplacedValueException("A value of " + column + " of request " + requestId + " is malformed");
        }
        String keyId = sealed.substring(VERSION.length() + 1, keyEnd);
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException("A value of " + column + " is sealed with key '" + keyId
                    + "', which is not in the keyring " + keys.keySet());
        }
        try {
            byte[] stored = Base64.getDecoder().decode(sealed.substring(keyEnd + 1));
            if (stored.length <= IV_BYTES) {
                throw new MisplacedValueException("A value of " + column + " of request " + requestId
                        + " is malformed");
            }
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, Arrays.copyOf(stored, IV_BYTES), requestId,
                    column);
            return new String(cipher.doFinal(stored, IV_BYTES, stored.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException | IllegalArgumentException e) {
            throw new MisplacedValueException("A value of " + column + " does not belong to request " + requestId
                    + " (moved from another row or column, or altered)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not open a value of " + column, e);
        }
    }

    /** Whether {@code sealed} is already sealed with the active key (a rotation leaves it alone). */
    public boolean sealedWithActiveKey(String sealed) {
        return sealed != null && sealed.startsWith(activePrefix());
    }

    /** What every value sealed with the active key starts with. */
    public String activePrefix() {
        return VERSION + ":" + activeKey + ":";
    }

    private String openLegacy(String sealed, String column) {
        for (TextEncryptor encryptor : legacy.values()) {
            try {
                return encryptor.decrypt(sealed);
            } catch (RuntimeException wrongKey) {
                // GCM refuses a wrong key: try the next one
            }
        }
        throw new IllegalStateException("A legacy value of " + column + " opens with none of the keys "
                + keys.keySet());
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] iv, String requestId, String column)
            throws GeneralSecurityException {
        if (requestId == null || column == null) {
            throw new IllegalArgumentException("A sealed value is bound to a request id and a column");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        // the value belongs to this column of this request; length-prefixed so no two pairs give the same bytes
        cipher.updateAAD((column.length() + ":" + column + "|" + requestId).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static SecretKey derive(PrivacySettings.Key key) {
        try {
            PBEKeySpec spec = new PBEKeySpec(key.secret().toCharArray(), HexFormat.of().parseHex(key.salt()),
                    KEY_DERIVATION_ROUNDS, 256);
            byte[] bytes = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return new SecretKeySpec(bytes, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not derive encryption key '" + key.id() + "'", e);
        }
    }

    private static void check(PrivacySettings.Key key) {
        if (key.id() == null || !KEY_ID.matcher(key.id()).matches()) {
            throw new IllegalStateException("adempauze.privacy.keys: every key needs an id of letters, digits, '.', "
                    + "'_' or '-' (at most 40)");
        }
        if (key.secret() == null || key.secret().length() < MINIMUM_SECRET_LENGTH) {
            throw new IllegalStateException("Encryption key '" + key.id() + "' must be a secret of at least "
                    + MINIMUM_SECRET_LENGTH + " characters (adempauze.privacy.encryption-key, environment "
                    + "ADEMPAUZE_PRIVACY_ENCRYPTION_KEY, or adempauze.privacy.keys[n].secret)");
        }
        String salt = key.salt();
        if (salt == null || salt.length() < 16 || salt.length() % 2 != 0 || !isHex(salt)) {
            throw new IllegalStateException("The salt of encryption key '" + key.id() + "' must be at least 16 hex "
                    + "digits (adempauze.privacy.encryption-salt, environment ADEMPAUZE_PRIVACY_ENCRYPTION_SALT, or "
                    + "adempauze.privacy.keys[n].salt)");
        }
    }

    private static boolean isHex(String text) {
        try {
            HexFormat.of().parseHex(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A sealed value that does not belong where it was found: moved from another request or column, or altered. */
    public static class MisplacedValueException extends IllegalStateException {

        public MisplacedValueException(String message) {
            super(message);
        }
    }
}
