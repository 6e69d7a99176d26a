package nl.adempauze.requestmatching.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a POST with an {@code Idempotency-Key} asked for, as a digest: a repeat with the same key must ask the same,
 * or it is refused (409) rather than answered with a request the caller did not send. The digest is of the key and
 * the body as parsed (so spacing and field order do not matter), salted by the key: it names no patient.
 */
final class SubmissionFingerprint {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SubmissionFingerprint() {
    }

    static String of(String scopedKey, Object body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(scopedKey.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(JSON.writeValueAsBytes(body));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
