package nl.adempauze.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final String SECRET = "0123456789abcdef-secret";
    private static final String BODY = "{\"type\":\"OfferMade\",\"id\":\"e1\"}";
    private static final long TIMESTAMP = 1_767_225_600L;

    @Test
    void matchesAnIndependentlyComputedKnownAnswer() {
        // computed outside Java: python3 hmac.new(secret, b"1767225600." + body, hashlib.sha256).hexdigest()
        assertThat(WebhookSignature.sign(SECRET, TIMESTAMP, BODY))
                .isEqualTo("sha256=55081f5a4f2fdbc241e3c1234636358c2958ce2fb82e26f1518e6246e43d4267");
    }

    @Test
    void isTheHmacOfTimestampDotBody() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal((TIMESTAMP + "." + BODY).getBytes(StandardCharsets.UTF_8)));

        assertThat(WebhookSignature.sign(SECRET, TIMESTAMP, BODY)).isEqualTo("sha256=" + expected);
    }

    @Test
    void changesWithSecretTimestampAndBody() {
        String signature = WebhookSignature.sign(SECRET, TIMESTAMP, BODY);

        assertThat(WebhookSignature.sign(SECRET + "x", TIMESTAMP, BODY)).isNotEqualTo(signature);
        assertThat(WebhookSignature.sign(SECRET, TIMESTAMP + 1, BODY)).isNotEqualTo(signature);
        assertThat(WebhookSignature.sign(SECRET, TIMESTAMP, BODY + " ")).isNotEqualTo(signature);
    }
}
