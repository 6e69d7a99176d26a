package nl.adempauze.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import nl.adempauze.contracts.events.LocationStatusChanged;
import nl.adempauze.contracts.events.OfferDeclined;
import nl.adempauze.contracts.events.ProtectionOverridden;
import nl.adempauze.contracts.events.RequestCancelled;
import nl.adempauze.contracts.events.WaitingPriorityRaised;
import org.junit.jupiter.api.Test;

class ReasonCodesOnlyTest {

    private static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void wordsFromOlderEventsArePassedOnAsOtherAndCodesAsTheyAre() {
        assertThat(ReasonCodesOnly.of(new RequestCancelled("r-1", "drenthe", "Mevrouw Jansen overleden", AT)))
                .isEqualTo(new RequestCancelled("r-1", "drenthe", "OTHER", AT));
        assertThat(ReasonCodesOnly.of(new OfferDeclined("o-1", "r-1", "drenthe", "loc-1", "prov-1", "ELV_HOOG",
                "Dhr. de Vries te zwaar", AT))).extracting("reason").isEqualTo("OTHER");
        assertThat(ReasonCodesOnly.of(new ProtectionOverridden("r-1", "drenthe", "WMO_LOGEER", "dochter Anna ziek",
                AT))).extracting("reason").isEqualTo("OTHER");
        assertThat(ReasonCodesOnly.of(new WaitingPriorityRaised("r-1", "drenthe", "WMO_LOGEER", 1, "lang gewacht",
                AT))).extracting("reason").isEqualTo("OTHER");
        assertThat(ReasonCodesOnly.of(new LocationStatusChanged("loc-1", "drenthe", false, "norovirus", AT)))
                .extracting("reason").isEqualTo("OTHER");

        RequestCancelled coded = new RequestCancelled("r-1", "drenthe", "PATIENT_DECEASED", AT);
        assertThat(ReasonCodesOnly.of(coded)).isSameAs(coded);
        LocationStatusChanged opened = new LocationStatusChanged("loc-1", "drenthe", true, null, AT);
        assertThat(ReasonCodesOnly.of(opened)).isSameAs(opened);
    }
}
