package nl.adempauze.bedavailability.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import nl.adempauze.contracts.Nights;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProtectionRuleTest {

    private static final Duration HORIZON = Duration.ofHours(48);

    @ParameterizedTest(name = "beds {0}, share {1}, free {2} -> {3} protected")
    @CsvSource(nullValues = "-", value = {
            "1, -,   0, 0",     // never more than the free beds
            "1, -,   1, 1",
            "1, -,   5, 1",
            "-, 0.5, 1, 1",     // a share is rounded up
            "-, 0.5, 3, 2",
            "-, 0.5, 4, 2",
            "-, 0.7, 10, 7",    // exactly 7: no floating-point round-up to 8
            "-, 0.1, 10, 1",
            "-, 0.0, 10, 0",
            "-, 1.0, 6, 6",
            "2, 0.5, 2, 2",     // both: the larger
            "2, 0.5, 8, 4",
            "3, 0.25, 4, 3",
            "5, -,   3, 3",     // capped at the free beds
            "0, -,   3, 0",
            "-, -,   3, 0"})
    void protectedBedsAreTheLargerOfNumberAndRoundedUpShareCappedAtTheFreeBeds(Integer beds, Double share, int free,
                                                                               int expected) {
        assertThat(new ProtectionRule(beds, share, HORIZON).protectedOf(free)).isEqualTo(expected);
    }

    @Test
    void aProtectedBedIsReleasedFromTheHorizonBeforeTheNightStartsOn() {
        LocalDate night = LocalDate.of(2026, 12, 10);
        ProtectionRule rule = new ProtectionRule(1, null, HORIZON);
        var start = Nights.startOf(night);

        assertThat(rule.releases(night, start.minus(HORIZON).minusSeconds(1))).isFalse();
        assertThat(rule.releases(night, start.minus(HORIZON))).isTrue();
        assertThat(rule.releases(night, start.minusSeconds(1))).isTrue();
        assertThat(rule.releases(night, start.plus(Duration.ofHours(20)))).as("the night is running").isTrue();
    }

    @Test
    void aZeroHorizonReleasesOnlyOnceTheNightHasBegun() {
        LocalDate night = LocalDate.of(2026, 12, 10);
        ProtectionRule rule = new ProtectionRule(1, null, Duration.ZERO);

        assertThat(rule.releases(night, Nights.startOf(night).minusMillis(1))).isFalse();
        assertThat(rule.releases(night, Nights.startOf(night))).isTrue();
    }

    @Test
    void nonsenseRulesAreRefused() {
        assertThatThrownBy(() -> new ProtectionRule(-1, null, HORIZON)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProtectionRule(null, 1.5, HORIZON)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProtectionRule(1, null, Duration.ofHours(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProtectionRule(1, null, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
