package nl.adempauze.notification.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signed acknowledgement link of a page for one person: {@code <payload>.<signature>}, where the payload
 * (base64url) is {@code pageId|userId|expiresAt(epoch s)} and the signature the base64url HMAC-SHA256 of the
 * payload, keyed with the service's link secret (as {@link WebhookSignature} signs webhooks). It can acknowledge
 * its page once: after that the page is acknowledged and the link only says so.
 */
public record AcknowledgeToken(UUID pageId, String userId, Instant expiresAt) {

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    public String sign(String secret) {
        String payload = ENCODER.encodeToString((pageId + "|" + userId + "|" + expiresAt.getEpochSecond())
                .getBytes(StandardCharsets.UTF_8));
        return payload + "." + ENCODER.encodeToString(mac(secret, payload));
    }

    /** The token if it is well-formed, signed with {@code secret} and not expired at {@code now}; else empty. */
    public static Optional<AcknowledgeToken> verify(String token, String secret, Instant now) {
        if (token == null || token.length() > 1000) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 1) {
            return Optional.empty();
        }
        String payload = token.substring(0, dot);
        try {
            byte[] given = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(given, mac(secret, payload))) {
                return Optional.empty();
            }
            String[] parts = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 3) {
                return Optional.empty();
            }
            AcknowledgeToken parsed = new AcknowledgeToken(UUID.fromString(parts[0]), parts[1],
                    Instant.ofEpochSecond(Long.parseLong(parts[2])));
            return now.isBefore(parsed.expiresAt()) ? Optional.of(parsed) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] mac(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
