package nl.adempauze.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The signed acknowledgement link: only an unaltered, unexpired token signed with our key is taken. */
class AcknowledgeTokenTest {

    private static final String SECRET = "a-link-secret-of-at-least-32-chars";
    private static final Instant NOW = Instant.parse("2026-12-03T02:00:00Z");

    @Test
    void aTokenIsTakenOnlyAsSigned() {
        AcknowledgeToken token = new AcknowledgeToken(UUID.randomUUID(), "coordinator-drenthe",
                NOW.plusSeconds(3600));
        String signed = token.sign(SECRET);

        assertThat(AcknowledgeToken.verify(signed, SECRET, NOW)).contains(token);
        assertThat(AcknowledgeToken.verify(signed, "another-secret-of-32-characters!!", NOW)).isEmpty();
        assertThat(AcknowledgeToken.verify(signed, SECRET, NOW.plusSeconds(3600))).isEmpty();
        String forged = new AcknowledgeToken(token.pageId(), "intruder", token.expiresAt()).sign("guess")
                .split("\\.")[0] + "." + signed.split("\\.")[1];
        assertThat(AcknowledgeToken.verify(forged, SECRET, NOW)).isEmpty();
        for (String junk : new String[] {null, "", ".", "abc", "abc.def", signed + "x", "x" + signed}) {
            assertThat(AcknowledgeToken.verify(junk, SECRET, NOW)).as(junk).isEmpty();
        }
    }
}
