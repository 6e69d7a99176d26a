package nl.adempauze.bedavailability.domain;

import static nl.adempauze.bedavailability.domain.NightCommand.GIVE_BACK;
import static nl.adempauze.bedavailability.domain.NightCommand.PUBLISH;
import static nl.adempauze.bedavailability.domain.NightCommand.TAKE;
import static nl.adempauze.bedavailability.domain.NightStatus.PUBLISHED;
import static nl.adempauze.bedavailability.domain.NightStatus.UNPUBLISHED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import nl.adempauze.platform.domain.TransitionTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every status of a night against every command: the table allows exactly these steps and refuses all others. */
class NightLifeTest {

    private static final LocalDate NIGHT = LocalDate.of(2026, 12, 10);
    private static final Instant PUBLISHED_AT = Instant.parse("2026-12-01T08:00:00Z");
    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    private static final HeldNight CRISIS = new HeldNight(NIGHT, false, NightTake.FREE);

    /** The expected table, written out: (status, command) -> next status; any pair not here is refused. */
    private static final WrittenOutTable<NightStatus, NightCommand> EXPECTED = new WrittenOutTable<>(
            NightStatus.class, NightCommand.class, Map.of(
                    UNPUBLISHED, Map.of(PUBLISH, PUBLISHED),
                    PUBLISHED, Map.of(PUBLISH, PUBLISHED, TAKE, PUBLISHED, GIVE_BACK, PUBLISHED)));

    static Stream<Arguments> everyStatusAndCommand() {
        return EXPECTED.everyPair();
    }

    private static NightStatus expected(NightStatus from, NightCommand command) {
        return EXPECTED.next(from, command);
    }

    /** A night in {@code status} with a bed free and a crisis stay holding another. */
    private static NightCapacity night(NightStatus status) {
        return status == UNPUBLISHED ? NightCapacity.unpublished("loc-1", "WMO_LOGEER", NIGHT)
                : new NightCapacity("loc-1", "WMO_LOGEER", NIGHT, 2, 0, 1, 0, 0, 3, PUBLISHED_AT, PUBLISHED_AT);
    }

    private static NightCapacity apply(NightCapacity night, NightCommand command) {
        return switch (command) {
            case PUBLISH -> night.publish(2, NOW);
            case TAKE -> night.take(CRISIS, NOW);
            case GIVE_BACK -> night.giveBack(CRISIS, NOW);
        };
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("everyStatusAndCommand")
    void theTableAnswersAsWrittenOut(NightStatus from, NightCommand command) {
        NightStatus expected = expected(from, command);
        assertThat(NightCapacity.LIFE.target(from, command)).isEqualTo(Optional.ofNullable(expected));
        assertThat(NightCapacity.LIFE.sourcesOf(command).contains(from)).isEqualTo(expected != null);
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("everyStatusAndCommand")
    void theNightTakesAnAllowedStepAndRefusesEveryOther(NightStatus from, NightCommand command) {
        NightStatus expected = expected(from, command);
        NightCapacity night = night(from);
        assertThat(night.status()).isEqualTo(from);
        if (expected == null) {
            assertThatThrownBy(() -> apply(night, command)).isInstanceOf(TransitionTable.IllegalTransition.class);
            return;
        }
        NightCapacity changed = apply(night, command);
        assertThat(changed.status()).isEqualTo(expected);
        assertThat(changed.version()).isEqualTo(night.version() + 1);
        assertThat(changed.adjustedAt()).isEqualTo(NOW);
    }
}
