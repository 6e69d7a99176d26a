package nl.adempauze.bedavailability.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import nl.adempauze.platform.domain.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NightRangesTest {

    private static final LocalDate TONIGHT = LocalDate.of(2026, 11, 22);

    private static NightRanges.Range range(int fromDays, Integer toDays, int free) {
        return new NightRanges.Range(TONIGHT.plusDays(fromDays), toDays == null ? null : TONIGHT.plusDays(toDays),
                free);
    }

    @Test
    void rangesExpandToTheirNightsInNightOrderEachWithItsRange() {
        List<NightRanges.PublishedNight> nights = NightRanges.expand(List.of(range(9, 11, 2), range(0, null, 1),
                range(13, 13, 0)), TONIGHT);

        assertThat(nights).containsExactly(
                new NightRanges.PublishedNight(TONIGHT, 1, 1),
                new NightRanges.PublishedNight(TONIGHT.plusDays(9), 2, 0),
                new NightRanges.PublishedNight(TONIGHT.plusDays(10), 2, 0),
                new NightRanges.PublishedNight(TONIGHT.plusDays(11), 2, 0),
                new NightRanges.PublishedNight(TONIGHT.plusDays(13), 0, 2));
    }

    @Test
    void tonightAndTheNight366DaysAheadAreTheOuterBounds() {
        assertThat(NightRanges.expand(List.of(range(0, null, 1), range(366, null, 1)), TONIGHT)).hasSize(2);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("a night that has passed", new NightRanges.Range[] {range(0, 1, 1), range(-1, 2, 1)},
                        "nights[1].from"),
                Arguments.of("more than 366 days ahead", new NightRanges.Range[] {range(367, null, 1)},
                        "nights[0].from"),
                Arguments.of("a range running past 366 days", new NightRanges.Range[] {range(360, 367, 1)},
                        "nights[0].to"),
                Arguments.of("to before from", new NightRanges.Range[] {range(5, 4, 1)}, "nights[0].to"),
                Arguments.of("from missing", new NightRanges.Range[] {new NightRanges.Range(null, null, 1)},
                        "nights[0].from"),
                Arguments.of("overlapping ranges", new NightRanges.Range[] {range(1, 3, 1), range(5, null, 1),
                        range(3, 4, 1)}, "nights[2]"),
                Arguments.of("a range inside another", new NightRanges.Range[] {range(4, null, 1), range(1, 9, 1)},
                        "nights[1]"),
                Arguments.of("the same night twice", new NightRanges.Range[] {range(2, null, 1), range(2, null, 3)},
                        "nights[1]"),
                Arguments.of("no ranges", new NightRanges.Range[0], "nights"));
    }

    @ParameterizedTest(name = "{0} is refused on {2}")
    @MethodSource("invalid")
    void badRangesAreRefusedNamingTheField(String why, NightRanges.Range[] ranges, String field) {
        DomainException problem = catchThrowableOfType(DomainException.class,
                () -> NightRanges.expand(Arrays.asList(ranges), TONIGHT));

        assertThat(problem).as(why).isNotNull();
        assertThat(problem.field()).isEqualTo(field);
        assertThat(problem.kind()).isEqualTo(DomainException.Kind.INVALID);
    }

    @Test
    void adjacentRangesDoNotOverlap() {
        assertThat(NightRanges.expand(List.of(range(1, 3, 1), range(4, 6, 2)), TONIGHT)).hasSize(6);
    }
}
