package nl.adempauze.bedavailability.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import nl.adempauze.contracts.events.NightCapacityAdjusted;
import nl.adempauze.contracts.events.NightCapacityPublished;
import nl.adempauze.contracts.events.NightFigure;
import nl.adempauze.platform.domain.Changed;
import nl.adempauze.platform.domain.DomainException;
import nl.adempauze.platform.domain.TransitionTable;
import org.junit.jupiter.api.Test;

class NightCalendarTest {

    private static final LocalDate FIRST = LocalDate.of(2026, 12, 10);
    private static final LocalDate SECOND = FIRST.plusDays(1);
    private static final Instant PUBLISHED = Instant.parse("2026-12-01T08:00:00Z");
    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    private static final ProtectionRule ONE_PROTECTED = new ProtectionRule(1, null, Duration.ofHours(48));

    private static NightCapacity night(LocalDate night, int free, int crisisHeld) {
        return new NightCapacity("loc-1", "WMO_LOGEER", night, free, 0, crisisHeld, 0, 0, 2, PUBLISHED, PUBLISHED);
    }

    private static NightCalendar calendar(NightCapacity... nights) {
        return new NightCalendar("drenthe", "loc-1", "WMO_LOGEER", ONE_PROTECTED, List.of(nights));
    }

    private static List<HeldNight> crisisStay(LocalDate... nights) {
        return Arrays.stream(nights).map(night -> new HeldNight(night, false, NightTake.FREE)).toList();
    }

    @Test
    void aStayTakesABedOnEachNightAndAnnouncesThemInOneEvent() {
        Changed<NightCalendar> taken = calendar(night(FIRST, 3, 0), night(SECOND, 2, 0))
                .take(crisisStay(FIRST, SECOND), NOW);

        assertThat(taken.aggregate().nights()).extracting(NightCapacity::crisisHeld).containsExactly(1, 1);
        assertThat(taken.events()).singleElement().isEqualTo(new NightCapacityAdjusted("loc-1", "drenthe",
                "WMO_LOGEER", List.of(new NightFigure(FIRST, 3, 1, 2, 1, PUBLISHED),
                        new NightFigure(SECOND, 2, 1, 1, 1, PUBLISHED)), "HOLD", NOW));
    }

    @Test
    void givingBackUndoesTheTakeAndSaysWhy() {
        NightCalendar start = calendar(night(FIRST, 3, 0), night(SECOND, 2, 0));
        NightCalendar taken = start.take(crisisStay(FIRST, SECOND), NOW).aggregate();

        Changed<NightCalendar> given = taken.giveBack(crisisStay(SECOND), "DISCHARGE", NOW);

        assertThat(given.aggregate().night(FIRST).crisisHeld()).as("a night slept stays held").isEqualTo(1);
        assertThat(given.aggregate().night(SECOND).heldBeds()).isZero();
        assertThat(given.events()).singleElement().isInstanceOfSatisfying(NightCapacityAdjusted.class, event -> {
            assertThat(event.cause()).isEqualTo("DISCHARGE");
            assertThat(event.nights()).extracting(NightFigure::night).containsExactly(SECOND);
        });
    }

    @Test
    void aNightWithoutAnAvailableBedOrNeverPublishedIsNotTaken() {
        assertThatThrownBy(() -> calendar(night(FIRST, 1, 1)).take(crisisStay(FIRST), NOW))
                .isInstanceOfSatisfying(DomainException.class,
                        refusal -> assertThat(refusal.kind()).isEqualTo(DomainException.Kind.CONFLICT));
        assertThatThrownBy(() -> calendar(night(FIRST, 1, 0)).take(crisisStay(FIRST, SECOND), NOW))
                .as("the second night was never published").isInstanceOf(TransitionTable.IllegalTransition.class);
    }

    @Test
    void publishingVersionsKnownNightsStartsNewOnesAndAnnouncesThemInNightOrder() {
        Changed<NightCalendar> published = calendar(night(SECOND, 2, 1)).publish(List.of(
                new NightRanges.PublishedNight(SECOND, 4, 0), new NightRanges.PublishedNight(FIRST, 1, 1)), NOW);

        assertThat(published.aggregate().night(FIRST).version()).isEqualTo(1);
        assertThat(published.aggregate().night(SECOND).version()).isEqualTo(3);
        assertThat(published.events()).singleElement().isEqualTo(new NightCapacityPublished("loc-1", "drenthe",
                "WMO_LOGEER", List.of(new NightFigure(FIRST, 1, 0, 1, 1, NOW), new NightFigure(SECOND, 4, 1, 3, 1, NOW)),
                NOW));
    }

    @Test
    void aNightIsNotPublishedBelowItsHeldBedsAndTheRangeThatAskedIsNamed() {
        assertThatThrownBy(() -> calendar(night(SECOND, 2, 2)).publish(List.of(
                new NightRanges.PublishedNight(FIRST, 5, 0), new NightRanges.PublishedNight(SECOND, 1, 1)), NOW))
                .isInstanceOfSatisfying(DomainException.class, refusal -> {
                    assertThat(refusal.field()).isEqualTo("nights[1].freeBeds");
                    assertThat(refusal.getMessage()).startsWith("The night of " + SECOND + ": 2 bed(s) are held");
                });
    }
}
