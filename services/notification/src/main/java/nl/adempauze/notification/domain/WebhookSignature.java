package nl.adempauze.notification.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a webhook so its receiver can tell it came from us and was not altered or replayed later.
 * <p>
 * Header {@code X-Adempauze-Signature: sha256=<hex>}, where hex is the lower-case HMAC-SHA256, keyed with the
 * subscription's secret (UTF-8), over {@code "<timestamp>.<body>"}: the value of {@code X-Adempauze-Timestamp}
 * (epoch seconds), a dot, and the exact request body bytes. A receiver recomputes it, compares in constant
 * time and rejects timestamps too far from its own clock.
 */
public final class WebhookSignature {

    public static final String PREFIX = "sha256=";
    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {
    }

    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
