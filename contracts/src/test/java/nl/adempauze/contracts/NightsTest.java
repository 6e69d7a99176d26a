package nl.adempauze.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class NightsTest {

    @Test
    void anAdmissionAfterMidnightFallsInThePreviousNight() {
        // 02:00 Dutch winter time on 23 November is 01:00 UTC
        assertThat(Nights.nightOf(Instant.parse("2026-11-23T01:00:00Z"))).isEqualTo(LocalDate.parse("2026-11-22"));
    }

    @Test
    void theNightOfADateBeginsAtNoonDutchTime() {
        assertThat(Nights.startOf(LocalDate.parse("2026-11-22"))).isEqualTo(Instant.parse("2026-11-22T11:00:00Z"));
        assertThat(Nights.startOf(LocalDate.parse("2026-07-01"))).isEqualTo(Instant.parse("2026-07-01T10:00:00Z"));
        assertThat(Nights.nightOf(Instant.parse("2026-11-22T11:00:00Z"))).isEqualTo(LocalDate.parse("2026-11-22"));
        assertThat(Nights.nightOf(Instant.parse("2026-11-22T10:59:59Z"))).isEqualTo(LocalDate.parse("2026-11-21"));
    }
}
