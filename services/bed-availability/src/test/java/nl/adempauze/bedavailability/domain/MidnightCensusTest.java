package nl.adempauze.bedavailability.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.adempauze.bedavailability.domain.MidnightCensus.Stand;
import nl.adempauze.bedavailability.domain.MidnightCensus.Taking;
import nl.adempauze.contracts.Nights;
import nl.adempauze.platform.testing.PropertyRuns;
import org.junit.jupiter.api.Test;

class MidnightCensusTest {

    private static final LocalDate FIRST = LocalDate.of(2026, 3, 10);
    /** The nights of 10, 11 and 12 March: counted at 00:00 on 11, 12 and 13 March. */
    private static final OccupancyPeriod PERIOD = new OccupancyPeriod(FIRST, FIRST.plusDays(2));
    private static final Instant LONG_AFTER = at(2026, 4, 1, 9, 0);

    private static Instant at(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(Nights.ZONE).toInstant();
    }

    private static Instant march(int day, int hour) {
        return at(2026, 3, day, hour, 0);
    }

    @Test
    void eachNightIsCountedAtItsMidnightInDutchTime() {
        assertThat(MidnightCensus.midnightOf(FIRST)).isEqualTo(Instant.parse("2026-03-10T23:00:00Z"));
        assertThat(MidnightCensus.midnightOf(LocalDate.of(2026, 7, 1))).isEqualTo(Instant.parse("2026-07-01T22:00:00Z"));
        assertThat(Nights.nightOf(MidnightCensus.midnightOf(FIRST))).as("midnight lies inside its night")
                .isEqualTo(FIRST);
    }

    @Test
    void nothingPublishedIsNothingKnownEvenWithHolds() {
        Occupancy occupancy = MidnightCensus.count(List.of(), List.of(new Taking(march(1, 9), null)), PERIOD,
                LONG_AFTER);

        assertThat(occupancy).isEqualTo(Occupancy.NONE);
        assertThat(occupancy.ratio()).isNull();
    }

    @Test
    void aPeriodWhoseMidnightsHaveNotComeIsNotKnownYet() {
        List<Stand> stands = List.of(new Stand(march(1, 9), 3, 0));

        assertThat(MidnightCensus.count(stands, List.of(), PERIOD, march(10, 23))).isEqualTo(Occupancy.NONE);
        assertThat(MidnightCensus.count(stands, List.of(), PERIOD, march(11, 0)))
                .as("the first midnight has just come").isEqualTo(new Occupancy(0, 3));
        assertThat(MidnightCensus.count(stands, List.of(), PERIOD, march(12, 12)))
                .as("two midnights passed").isEqualTo(new Occupancy(0, 6));
    }

    @Test
    void theFigureStandingAtMidnightCountsAndNightsBeforeTheFirstFigureAreUnknown() {
        List<Stand> stands = List.of(new Stand(march(11, 14), 4, 0), new Stand(march(12, 23), 1, 0));

        assertThat(MidnightCensus.count(stands, List.of(), PERIOD, LONG_AFTER))
                .as("10 March unknown, 11 March 4 free, 12 March 1 free").isEqualTo(new Occupancy(0, 5));
    }

    @Test
    void heldAndAdmittedBedsAreTakenAndTheFreeNotHeldOnesMakeUpTheRest() {
        // 3 beds published; at 10 March 15:00 one held for an offer, accepted and admitted at 18:00 (free 2, held 0)
        List<Stand> stands = List.of(new Stand(march(10, 9), 3, 0), new Stand(march(10, 15), 3, 1),
                new Stand(march(10, 18), 2, 0), new Stand(march(10, 20), 2, 1));
        List<Taking> takings = List.of(new Taking(march(10, 15), null), new Taking(march(10, 20), null));

        Occupancy occupancy = MidnightCensus.count(stands, takings, new OccupancyPeriod(FIRST, FIRST), LONG_AFTER);

        assertThat(occupancy).as("one admitted, one held, one free").isEqualTo(new Occupancy(2, 3));
    }

    @Test
    void aHoldCountsOnTheMidnightsItSpansAndNoneOutsideThePeriod() {
        List<Stand> stands = List.of(new Stand(march(1, 9), 5, 0));
        List<Taking> takings = List.of(
                new Taking(march(5, 10), march(11, 10)), // from before the period to its second night
                new Taking(march(12, 10), march(20, 10)), // from the last night to after the period
                new Taking(march(11, 1), march(11, 23)), // a day without a midnight
                new Taking(march(11, 0), march(12, 0))); // from one midnight exactly to the next, exclusive

        Occupancy occupancy = MidnightCensus.count(stands, takings, PERIOD, LONG_AFTER);

        assertThat(occupancy.takenBedNights()).isEqualTo(1 + 1 + 0 + 1);
        assertThat(occupancy.knownBedNights()).isEqualTo(15 + 3);
    }

    @Test
    void aReleasedHoldCountsOnlyWhileItHeldTheBed() {
        Optional<Taking> released = Taking.of(HoldStatus.RELEASED, march(10, 22), march(10, 23));
        Optional<Taking> overnight = Taking.of(HoldStatus.RELEASED, march(10, 22), march(11, 1));

        assertThat(released).contains(new Taking(march(10, 22), march(10, 23)));
        assertThat(MidnightCensus.count(List.of(new Stand(march(1, 9), 2, 0)), released.stream().toList(),
                new OccupancyPeriod(FIRST, FIRST), LONG_AFTER)).isEqualTo(new Occupancy(0, 2));
        assertThat(MidnightCensus.count(List.of(new Stand(march(1, 9), 2, 1)), overnight.stream().toList(),
                new OccupancyPeriod(FIRST, FIRST), LONG_AFTER)).isEqualTo(new Occupancy(1, 2));
    }

    @Test
    void whatEachHoldStatusTook() {
        Instant taken = march(10, 9);
        Instant changed = march(12, 9);

        assertThat(Taking.of(HoldStatus.HELD, taken, changed)).contains(new Taking(taken, null));
        assertThat(Taking.of(HoldStatus.ACCEPTED, taken, changed)).contains(new Taking(taken, null));
        assertThat(Taking.of(HoldStatus.ADMITTED, taken, changed)).contains(new Taking(taken, null));
        assertThat(Taking.of(HoldStatus.DISCHARGED, taken, changed)).contains(new Taking(taken, changed));
        assertThat(Taking.of(HoldStatus.RELEASED, taken, changed)).contains(new Taking(taken, changed));
        assertThat(Taking.of(HoldStatus.REFUSED, taken, changed)).isEmpty();
    }

    /**
     * Whatever holds do to a location's beds (held, admitted, released, discharged), every counted midnight adds
     * the beds holds had then and the beds free and not held then: a location that never publishes a new figure
     * knows exactly its beds every night.
     */
    @Test
    void aLocationWithAFixedNumberOfBedsKnowsThemEveryNight() {
        OccupancyPeriod month = new OccupancyPeriod(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
        PropertyRuns.forAllCases(300, random -> {
            int beds = 1 + random.nextInt(4);
            List<Stand> stands = new ArrayList<>(List.of(new Stand(march(1, 9), beds, 0)));
            List<Taking> takings = new ArrayList<>();
            Instant moment = march(1, 9);
            int held = 0;
            int admitted = 0;
            for (int step = 0; step < 25; step++) {
                moment = moment.plusSeconds(3600L * (1 + random.nextInt(40)));
                int choice = random.nextInt(4);
                if (choice == 0 && held + admitted < beds) {
                    takings.add(new Taking(moment, null));
                    held++;
                } else if (choice == 1 && held > 0) {
                    held--;
                    admitted++;
                } else if (choice == 2 && held + admitted > 0) {
                    // a release (of a held bed) or a discharge (of an admitted one) gives one bed back
                    Taking open = takings.stream().filter(taking -> taking.until() == null).findFirst().orElseThrow();
                    takings.set(takings.indexOf(open), new Taking(open.from(), moment));
                    if (held > 0 && (admitted == 0 || random.nextBoolean())) {
                        held--;
                    } else {
                        admitted--;
                    }
                } else {
                    continue;
                }
                stands.add(new Stand(moment, beds - admitted, held));
            }
            return new Case(beds, stands, takings);
        }, test -> {
            Occupancy occupancy = MidnightCensus.count(test.stands(), test.takings(), month, LONG_AFTER);
            assertThat(occupancy.knownBedNights()).isEqualTo(31L * test.beds());
            assertThat(occupancy.takenBedNights()).isBetween(0L, occupancy.knownBedNights());
        });
    }

    private record Case(int beds, List<Stand> stands, List<Taking> takings) {
    }
}
