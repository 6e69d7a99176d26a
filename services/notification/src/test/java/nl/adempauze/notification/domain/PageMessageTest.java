package nl.adempauze.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A page's text: short, Dutch, the request's codes and the links, nothing else. */
class PageMessageTest {

    private static final String BOARD = "https://adempauze.example/#/coordinator";
    private static final String ACK = "https://adempauze.example/api/v1/pages/ack?token=abc.def";

    @Test
    void theSmsIsOneShortLineWithTheCodesAndTheLink() {
        PageMessage sms = PageMessage.of(page("Emmen", "DEADLINE_AT_RISK"), Channel.SMS, BOARD, ACK);
        assertThat(sms.text()).isEqualTo("Adempauze oproep drenthe: aanvraag req-7 (CRISIS_STAY, Emmen): deadline in"
                + " gevaar. Bevestig: " + ACK);
        assertThat(sms.text().length()).isLessThan(200);
    }

    @Test
    void theEmailNamesWhatIsKnownAndLinksTheBoard() {
        PageMessage mail = PageMessage.of(page(null, "SOMETHING_NEW"), Channel.EMAIL, BOARD, ACK);
        assertThat(mail.subject()).isEqualTo("Oproep drenthe: aanvraag req-7 (CRISIS_STAY): SOMETHING_NEW");
        assertThat(mail.text()).contains("Gemeente: onbekend", "Reden: SOMETHING_NEW", BOARD, ACK);
    }

    @Test
    void aTriageItemHasNoCareTypeYetAndSaysTheCoordinatorMustChooseIt() {
        PageMessage sms = PageMessage.of(page(null, "Assen", "TRIAGE_NEEDED"), Channel.SMS, BOARD, ACK);
        assertThat(sms.text()).isEqualTo("Adempauze oproep drenthe: aanvraag req-7 (zorgsoort onbekend, Assen): triage"
                + " nodig: kies de zorgvorm. Bevestig: " + ACK);
    }

    private static Page page(String municipality, String reason) {
        return page("CRISIS_STAY", municipality, reason);
    }

    private static Page page(String careType, String municipality, String reason) {
        return Page.open(UUID.randomUUID(), "evt", "drenthe", "req-7", careType, municipality, reason,
                Instant.EPOCH, Duration.ofMinutes(5));
    }
}
