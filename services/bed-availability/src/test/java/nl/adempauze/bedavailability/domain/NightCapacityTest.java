package nl.adempauze.bedavailability.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import nl.adempauze.contracts.events.NightFigure;
import org.junit.jupiter.api.Test;

class NightCapacityTest {

    private static final LocalDate NIGHT = LocalDate.of(2026, 12, 10);
    private static final Instant PUBLISHED = Instant.parse("2026-11-22T08:00:00Z");
    private static final ProtectionRule TWO_PROTECTED = new ProtectionRule(2, null, Duration.ofHours(48));

    private static NightCapacity night(int free, int plannedHeld, int crisisHeld) {
        return new NightCapacity("loc-1", "WMO_LOGEER", NIGHT, free, plannedHeld, crisisHeld, 0, 0, 4, PUBLISHED,
                PUBLISHED);
    }

    @Test
    void figureShowsHeldAvailableAndTheProtectedBedsNoPlannedStayClaimed() {
        assertThat(night(4, 0, 0).figure(TWO_PROTECTED))
                .isEqualTo(new NightFigure(NIGHT, 4, 0, 4, 2, PUBLISHED));
        assertThat(night(4, 1, 0).figure(TWO_PROTECTED)).as("a planned stay claimed one")
                .isEqualTo(new NightFigure(NIGHT, 4, 1, 3, 1, PUBLISHED));
        assertThat(night(4, 0, 3).figure(TWO_PROTECTED)).as("never more than available")
                .isEqualTo(new NightFigure(NIGHT, 4, 3, 1, 1, PUBLISHED));
        assertThat(night(4, 3, 0).figure(TWO_PROTECTED)).as("planned stays claimed all")
                .isEqualTo(new NightFigure(NIGHT, 4, 3, 1, 0, PUBLISHED));
        assertThat(night(4, 0, 0).figure(null)).as("no protection rule")
                .isEqualTo(new NightFigure(NIGHT, 4, 0, 4, 0, PUBLISHED));
    }

    @Test
    void givingBackUndoesExactlyWhatTakingDid() {
        Instant later = PUBLISHED.plusSeconds(60);
        NightCapacity start = night(3, 0, 0);
        for (HeldNight held : new HeldNight[] {new HeldNight(NIGHT, true, NightTake.FREE),
                new HeldNight(NIGHT, false, NightTake.FREE), new HeldNight(NIGHT, false, NightTake.RELEASED),
                new HeldNight(NIGHT, false, NightTake.OVERRIDDEN)}) {
            NightCapacity taken = start.with(held, later);
            assertThat(taken.heldBeds()).isEqualTo(1);
            assertThat(taken.plannedHeld()).isEqualTo(held.planned() ? 1 : 0);
            assertThat(taken.crisisReleased()).isEqualTo(held.take() == NightTake.RELEASED ? 1 : 0);
            assertThat(taken.crisisOverridden()).isEqualTo(held.take() == NightTake.OVERRIDDEN ? 1 : 0);
            assertThat(taken.version()).isEqualTo(start.version() + 1);
            assertThat(taken.adjustedAt()).isEqualTo(later);

            NightCapacity back = taken.without(held, later);
            assertThat(back).usingRecursiveComparison().ignoringFields("version", "adjustedAt").isEqualTo(start);
        }
    }

    @Test
    void aPlannedStayAlwaysTakesAFreeBed() {
        assertThatThrownBy(() -> new HeldNight(NIGHT, true, NightTake.OVERRIDDEN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNightCannotBePublishedBelowItsHeldBeds() {
        assertThat(NightCapacity.publishRefusal(2, 2)).isNull();
        assertThat(NightCapacity.publishRefusal(5, 2)).isNull();
        assertThat(NightCapacity.publishRefusal(1, 2)).contains("2 bed(s) are held").contains("at least 2");
    }

    @Test
    void aNightIsStaleOnceTheFreshnessWindowHasPassedSincePublication() {
        Duration window = Duration.ofHours(12);
        assertThat(night(1, 0, 0).isStale(PUBLISHED.plus(window), window)).isFalse();
        assertThat(night(1, 0, 0).isStale(PUBLISHED.plus(window).plusMillis(1), window)).isTrue();
    }
}
