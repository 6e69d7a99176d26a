package nl.adempauze.bedavailability.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import nl.adempauze.contracts.Nights;
import org.junit.jupiter.api.Test;

class StayDecisionTest {

    private static final LocalDate FIRST = LocalDate.of(2026, 12, 10);
    private static final ProtectionRule ONE_PROTECTED = new ProtectionRule(1, null, Duration.ofHours(48));
    private static final Instant EARLY = Nights.startOf(FIRST).minus(Duration.ofDays(10));
    private static final Instant PUBLISHED = Instant.parse("2026-11-22T08:00:00Z");

    private static NightCapacity night(int offset, int free, int plannedHeld, int crisisHeld) {
        return new NightCapacity("loc-1", "WLZ_LOGEER", FIRST.plusDays(offset), free, plannedHeld, crisisHeld, 0, 0,
                1, PUBLISHED, PUBLISHED);
    }

    private static List<NightCapacity> nights(int count, int free) {
        return IntStream.range(0, count).mapToObj(i -> night(i, free, 0, 0)).toList();
    }

    @Test
    void aStayTakesOneBedOnEachOfItsNightsInOrder() {
        StayDecision decision = StayDecision.decide(new StayRequest(FIRST, 3, true, false), nights(5, 1),
                ONE_PROTECTED, EARLY);

        assertThat(decision.held()).isTrue();
        assertThat(decision.nights()).extracting(HeldNight::night)
                .containsExactly(FIRST, FIRST.plusDays(1), FIRST.plusDays(2));
        assertThat(decision.nights()).allSatisfy(night -> {
            assertThat(night.planned()).isTrue();
            assertThat(night.take()).isEqualTo(NightTake.FREE);
        });
    }

    @Test
    void oneFullNightRefusesTheWholeStay() {
        List<NightCapacity> rows = List.of(night(0, 1, 0, 0), night(1, 1, 1, 0), night(2, 1, 0, 0));

        StayDecision decision = StayDecision.decide(new StayRequest(FIRST, 3, true, false), rows, ONE_PROTECTED,
                EARLY);

        assertThat(decision.held()).isFalse();
        assertThat(decision.refusal()).isEqualTo(HoldRefusal.NO_FREE_BED);
        assertThat(decision.nights()).isEmpty();
    }

    @Test
    void aNightNeverPublishedRefusesTheStay() {
        List<NightCapacity> rows = List.of(night(0, 2, 0, 0), night(2, 2, 0, 0));

        assertThat(StayDecision.decide(new StayRequest(FIRST, 3, true, false), rows, null, EARLY).refusal())
                .isEqualTo(HoldRefusal.NIGHTS_NOT_PUBLISHED);
        assertThat(StayDecision.decide(new StayRequest(FIRST, 1, true, false), List.of(), null, EARLY).refusal())
                .isEqualTo(HoldRefusal.NIGHTS_NOT_PUBLISHED);
    }

    @Test
    void aNightWithoutAnyBedOutweighsAProtectedNightAsTheReason() {
        // night 0: only the protected bed left (protected); night 1: nothing left
        List<NightCapacity> rows = List.of(night(0, 1, 0, 0), night(1, 1, 0, 1));

        assertThat(StayDecision.decide(new StayRequest(FIRST, 2, false, false), rows, ONE_PROTECTED, EARLY).refusal())
                .as("an override would not help").isEqualTo(HoldRefusal.NO_FREE_BED);
        assertThat(StayDecision.decide(new StayRequest(FIRST, 1, false, false), rows, ONE_PROTECTED, EARLY).refusal())
                .isEqualTo(HoldRefusal.NIGHT_PROTECTED);
    }

    @Test
    void crisisStayCountsTheNightsItTookByReleaseAndByOverride() {
        // nights 0 and 1 start within the horizon, nights 2 and 3 do not; nights 1..3 have only the protected bed
        Instant now = Nights.startOf(FIRST.plusDays(1)).minus(Duration.ofHours(47));
        List<NightCapacity> rows = List.of(night(0, 2, 0, 0), night(1, 1, 0, 0), night(2, 1, 0, 0),
                night(3, 1, 0, 0));

        StayDecision withOverride = StayDecision.decide(new StayRequest(FIRST, 4, false, true), rows, ONE_PROTECTED,
                now);
        StayDecision without = StayDecision.decide(new StayRequest(FIRST, 4, false, false), rows, ONE_PROTECTED, now);

        assertThat(withOverride.nights()).extracting(HeldNight::take).containsExactly(NightTake.FREE,
                NightTake.RELEASED, NightTake.OVERRIDDEN, NightTake.OVERRIDDEN);
        assertThat(withOverride.count(NightTake.RELEASED)).isEqualTo(1);
        assertThat(withOverride.count(NightTake.OVERRIDDEN)).isEqualTo(2);
        assertThat(without.refusal()).isEqualTo(HoldRefusal.NIGHT_PROTECTED);
    }
}
