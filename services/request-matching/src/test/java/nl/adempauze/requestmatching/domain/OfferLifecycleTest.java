package nl.adempauze.requestmatching.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import nl.adempauze.platform.domain.DomainException;
import nl.adempauze.platform.domain.TransitionTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every (status, command) pair of the offer's table: the allowed ones as written below, all others refused. */
class OfferLifecycleTest {

    /** FROM>TO per command; a pair not listed is refused. Written out by hand, not derived from the table. */
    private static final Map<OfferCommand, String> EXPECTED = Map.of(
            OfferCommand.BED_HELD, "HOLD_REQUESTED>OPEN",
            OfferCommand.REFUSE_HOLD, "HOLD_REQUESTED>HOLD_REFUSED",
            OfferCommand.WITHDRAW_UNANSWERED_HOLD, "HOLD_REQUESTED>WITHDRAWN",
            OfferCommand.ACCEPT, "OPEN>ACCEPTED",
            OfferCommand.DECLINE, "OPEN>DECLINED",
            OfferCommand.EXPIRE, "OPEN>EXPIRED",
            OfferCommand.WITHDRAW, "HOLD_REQUESTED>WITHDRAWN OPEN>WITHDRAWN",
            OfferCommand.WITHDRAW_FOR_CANCELLED_REQUEST,
            "HOLD_REQUESTED>WITHDRAWN OPEN>WITHDRAWN ACCEPTED>WITHDRAWN");

    static Stream<Arguments> everyPair() {
        return Arrays.stream(OfferStatus.values()).flatMap(status -> Arrays.stream(OfferCommand.values())
                .map(command -> Arguments.of(status, command)));
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("everyPair")
    void allowsExactlyTheExpectedTransitions(OfferStatus from, OfferCommand command) {
        Optional<OfferStatus> expected = expected(from, command);
        TransitionTable<OfferStatus, OfferCommand> table = OfferLifecycle.TABLE;
        assertThat(table.target(from, command)).isEqualTo(expected);
        assertThat(table.allows(from, command)).isEqualTo(expected.isPresent());
        assertThat(table.sourcesOf(command).contains(from)).isEqualTo(expected.isPresent());
        if (expected.isPresent()) {
            assertThat(table.next(from, command)).isEqualTo(expected.get());
        } else {
            assertThatThrownBy(() -> table.next(from, command))
                    .isInstanceOf(TransitionTable.IllegalTransition.class)
                    .satisfies(refused -> assertThat(((DomainException) refused).kind())
                            .isEqualTo(DomainException.Kind.CONFLICT));
        }
    }

    @Test
    void everyCommandIsWrittenOutAbove() {
        assertThat(EXPECTED.keySet()).containsExactlyInAnyOrder(OfferCommand.values());
    }

    @Test
    void theStatusesAnswerFromTheTable() {
        assertThat(EnumSet.allOf(OfferStatus.class).stream().filter(OfferStatus::inFlight))
                .containsExactlyInAnyOrder(OfferStatus.HOLD_REQUESTED, OfferStatus.OPEN);
        assertThat(EnumSet.allOf(OfferStatus.class).stream().filter(OfferStatus::current))
                .containsExactlyInAnyOrder(OfferStatus.HOLD_REQUESTED, OfferStatus.OPEN, OfferStatus.ACCEPTED);
    }

    @Test
    void answeredAreTheStatusesAProviderAnswerOrItsDeadlineLeads() {
        assertThat(OfferStatus.ANSWERED).containsExactlyInAnyOrder(
                OfferLifecycle.TABLE.next(OfferStatus.OPEN, OfferCommand.ACCEPT),
                OfferLifecycle.TABLE.next(OfferStatus.OPEN, OfferCommand.DECLINE),
                OfferLifecycle.TABLE.next(OfferStatus.OPEN, OfferCommand.EXPIRE));
    }

    private static Optional<OfferStatus> expected(OfferStatus from, OfferCommand command) {
        return Arrays.stream(EXPECTED.get(command).split(" "))
                .map(pair -> pair.split(">"))
                .filter(pair -> pair[0].equals(from.name()))
                .map(pair -> OfferStatus.valueOf(pair[1]))
                .findFirst();
    }
}
