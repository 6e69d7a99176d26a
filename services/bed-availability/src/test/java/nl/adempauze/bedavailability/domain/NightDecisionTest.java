package nl.adempauze.bedavailability.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import nl.adempauze.contracts.Nights;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The per-night rule of docs/PLANNED-RESPITE.md, "Protection rule". */
class NightDecisionTest {

    private static final LocalDate NIGHT = LocalDate.of(2026, 12, 10);
    private static final Duration HORIZON = Duration.ofHours(48);
    private static final ProtectionRule ONE_PROTECTED = new ProtectionRule(1, null, HORIZON);
    /** Well before the horizon: protected beds are kept for planned stays. */
    private static final Instant EARLY = Nights.startOf(NIGHT).minus(Duration.ofDays(10));
    /** Within the horizon: unclaimed protected beds are released to crisis. */
    private static final Instant LATE = Nights.startOf(NIGHT).minus(Duration.ofHours(47));

    static NightCapacity night(int free, int plannedHeld, int crisisHeld) {
        Instant at = Instant.parse("2026-11-22T08:00:00Z");
        return new NightCapacity("loc-1", "WLZ_LOGEER", NIGHT, free, plannedHeld, crisisHeld, 0, 0, 1, at, at);
    }

    @ParameterizedTest(name = "free {0}, planned {1}, crisis {2}: planned takes {3}")
    @CsvSource(nullValues = "-", value = {
            "2, 0, 0, FREE",
            "1, 0, 0, FREE",       // the protected bed is exactly what planned respite is for
            "2, 0, 1, FREE",
            "2, 1, 1, -",
            "0, 0, 0, -"})
    void plannedStayTakesAnyAvailableBed(int free, int planned, int crisis, NightTake expected) {
        NightDecision decision = NightDecision.decide(night(free, planned, crisis), true, false, ONE_PROTECTED, EARLY);

        assertThat(decision.take()).isEqualTo(expected);
        if (expected == null) {
            assertThat(decision.refusal()).isEqualTo(HoldRefusal.NO_FREE_BED);
        }
    }

    @ParameterizedTest(name = "free {0}, planned {1}, crisis {2}, override {3}, late {4}: crisis -> {5}")
    @CsvSource({
            // an unprotected bed: free, at any time
            "2, 0, 0, false, false, FREE",
            "3, 1, 0, false, false, FREE",      // planned claimed the protected bed: the other two are unprotected
            "2, 1, 0, false, false, FREE",
            // only the protected bed left
            "1, 0, 0, false, false, NIGHT_PROTECTED",
            "2, 0, 1, false, false, NIGHT_PROTECTED",
            "1, 0, 0, false, true,  RELEASED",
            "2, 0, 1, false, true,  RELEASED",
            "1, 0, 0, true,  false, OVERRIDDEN",
            "1, 0, 0, true,  true,  RELEASED",  // released needs no override: it is not counted as one
            // nothing left
            "1, 1, 0, true,  true,  NO_FREE_BED",
            "2, 0, 2, true,  true,  NO_FREE_BED",
            "0, 0, 0, true,  true,  NO_FREE_BED"})
    void crisisStayTakesAnUnprotectedBedElseAReleasedOneElseOnlyByOverride(int free, int planned, int crisis,
                                                                           boolean override, boolean late,
                                                                           String expected) {
        NightDecision decision = NightDecision.decide(night(free, planned, crisis), false, override, ONE_PROTECTED,
                late ? LATE : EARLY);

        assertThat(decision.taken() ? decision.take().name() : decision.refusal().name()).isEqualTo(expected);
    }

    @Test
    void withoutAProtectionRuleCrisisTakesAnyAvailableBed() {
        assertThat(NightDecision.decide(night(1, 0, 0), false, false, null, EARLY).take()).isEqualTo(NightTake.FREE);
        assertThat(NightDecision.decide(night(1, 0, 1), false, false, null, EARLY).refusal())
                .isEqualTo(HoldRefusal.NO_FREE_BED);
    }

    @Test
    void aShareProtectsRoundedUpAndPlannedStaysClaimItFirst() {
        ProtectionRule half = new ProtectionRule(null, 0.5, HORIZON);
        // 3 free: 2 protected, 1 unprotected
        assertThat(NightDecision.decide(night(3, 0, 0), false, false, half, EARLY).take()).isEqualTo(NightTake.FREE);
        assertThat(NightDecision.decide(night(3, 0, 1), false, false, half, EARLY).refusal())
                .isEqualTo(HoldRefusal.NIGHT_PROTECTED);
        // one planned stay claimed one protected bed: one still protected, one unprotected
        assertThat(NightDecision.decide(night(3, 1, 0), false, false, half, EARLY).take()).isEqualTo(NightTake.FREE);
        assertThat(NightDecision.decide(night(3, 1, 1), false, false, half, EARLY).refusal())
                .isEqualTo(HoldRefusal.NIGHT_PROTECTED);
    }
}
