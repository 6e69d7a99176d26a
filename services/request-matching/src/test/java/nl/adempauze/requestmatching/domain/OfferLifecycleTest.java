package nl.adempauze.requestmatching.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.stream.Stream;
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

    private static final ExpectedTransitions<OfferStatus, OfferCommand> TABLE =
            new ExpectedTransitions<>(OfferLifecycle.TABLE, OfferStatus.class, EXPECTED);

    static Stream<Arguments> everyPair() {
        return ExpectedTransitions.everyPair(OfferStatus.class, OfferCommand.class);
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("everyPair")
    void allowsExactlyTheExpectedTransitions(OfferStatus from, OfferCommand command) {
        TABLE.check(from, command);
    }

    @Test
    void everyCommandIsWrittenOutAbove() {
        TABLE.coversEvery(OfferCommand.class);
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
}
