package nl.adempauze.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import nl.adempauze.contracts.events.RequestEscalated;
import nl.adempauze.contracts.events.RequestMatched;
import nl.adempauze.platform.domain.DomainException;
import org.junit.jupiter.api.Test;

class FollowUpTest {

    private static final Instant NOW = Instant.parse("2026-07-01T10:00:00Z");

    @Test
    void aDutchMobileIsKeptInE164AndLeftOutEventsMeanAll() {
        FollowUp followUp = FollowUp.of("req-1", "hap-assen", null, "06-1234 5678", null, "gp", NOW);

        assertThat(followUp.phone()).isEqualTo("+31612345678");
        assertThat(followUp.email()).isNull();
        assertThat(followUp.events()).containsExactlyInAnyOrder(FollowUpEvent.values());
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        assertThat(refusedField(() -> FollowUp.of("r", "o", "a@b", null, null, "gp", NOW))).isEqualTo("email");
        assertThat(refusedField(() -> FollowUp.of("r", "o", null, "0201234567", null, "gp", NOW))).isEqualTo("phone");
        assertThat(refusedField(() -> FollowUp.of("r", "o", null, " ", null, "gp", NOW))).isEqualTo("email");
        assertThat(refusedField(() -> FollowUp.of("r", "o", "a@b.nl", null, List.of(), "gp", NOW)))
                .isEqualTo("events");
        assertThat(refusedField(() -> FollowUp.of("r", "o", "a@b.nl", null, List.of("PLACED", "LATER"), "gp", NOW)))
                .isEqualTo("events");
    }

    @Test
    void anOverrunningStayIsNoNewsForTheReferrer() {
        assertThat(FollowUpEvent.of(new RequestEscalated("r", "d", "CRISIS_STAY", "CRISIS", "STAY_OVERRUN", "x",
                NOW))).isEmpty();
        assertThat(FollowUpEvent.of(new RequestEscalated("r", "d", "CRISIS_STAY", "CRISIS", "NO_CANDIDATE", "x",
                NOW))).contains(FollowUpEvent.ESCALATED);
    }

    @Test
    void aPlacementWithoutAnAddressOrAdmissionTimeStillSaysWhere() {
        RequestMatched matched = new RequestMatched("req-1", "off-1", "drenthe", "loc-1", "prov-1", "CRISIS_STAY",
                null, NOW);
        FollowUpMessage sms = FollowUpMessage.of(FollowUpEvent.PLACED, "req-1", matched,
                new KnownLocation("loc-1", "De Es", null, null, null), Channel.SMS);

        assertThat(sms.text()).isEqualTo("Adempauze: aanvraag req-1 geplaatst: De Es, opname in overleg met de locatie");
    }

    private static String refusedField(Runnable attempt) {
        try {
            attempt.run();
        } catch (DomainException refused) {
            return refused.field();
        }
        throw new AssertionError("not refused");
    }
}
