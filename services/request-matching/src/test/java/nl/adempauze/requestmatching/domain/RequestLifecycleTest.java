package nl.adempauze.requestmatching.domain;

import static java.util.Map.entry;
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

/** Every (status, command) pair of the request's table: the allowed ones as written below, all others refused. */
class RequestLifecycleTest {

    /** FROM>TO per command; a pair not listed is refused. Written out by hand, not derived from the table. */
    private static final Map<RequestCommand, String> EXPECTED = Map.ofEntries(
            entry(RequestCommand.REQUEST_HOLD,
                    "SUBMITTED>SUBMITTED OFFERED>SUBMITTED WAITING>SUBMITTED ESCALATED>SUBMITTED"),
            entry(RequestCommand.OFFER, "SUBMITTED>OFFERED"),
            entry(RequestCommand.MATCH, "OFFERED>MATCHED"),
            entry(RequestCommand.BOOK, "OFFERED>BOOKED"),
            entry(RequestCommand.WAITLIST, "SUBMITTED>WAITING OFFERED>WAITING WAITING>WAITING ESCALATED>WAITING"),
            entry(RequestCommand.ESCALATE,
                    "SUBMITTED>ESCALATED OFFERED>ESCALATED WAITING>ESCALATED ESCALATED>ESCALATED"),
            entry(RequestCommand.REMATCH, "WAITING>WAITING"),
            entry(RequestCommand.ADMIT, "MATCHED>ADMITTED BOOKED>ADMITTED"),
            entry(RequestCommand.DISCHARGE, "ADMITTED>DISCHARGED"),
            entry(RequestCommand.CANCEL, "SUBMITTED>CANCELLED OFFERED>CANCELLED WAITING>CANCELLED MATCHED>CANCELLED"
                    + " BOOKED>CANCELLED ESCALATED>CANCELLED"),
            entry(RequestCommand.OVERRIDE_PROTECTION, "SUBMITTED>SUBMITTED OFFERED>OFFERED ESCALATED>ESCALATED"),
            entry(RequestCommand.RAISE_PRIORITY, "WAITING>WAITING"),
            entry(RequestCommand.OFFER_BY_HAND,
                    "SUBMITTED>SUBMITTED OFFERED>OFFERED WAITING>WAITING ESCALATED>ESCALATED"),
            entry(RequestCommand.WARN_DEADLINE, "SUBMITTED>SUBMITTED OFFERED>OFFERED WAITING>WAITING"),
            entry(RequestCommand.REMIND, "BOOKED>BOOKED"),
            entry(RequestCommand.WARN_OVERRUN, "ADMITTED>ADMITTED"));

    static Stream<Arguments> everyPair() {
        return Arrays.stream(RequestStatus.values()).flatMap(status -> Arrays.stream(RequestCommand.values())
                .map(command -> Arguments.of(status, command)));
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("everyPair")
    void allowsExactlyTheExpectedTransitions(RequestStatus from, RequestCommand command) {
        Optional<RequestStatus> expected = expected(from, command);
        TransitionTable<RequestStatus, RequestCommand> table = RequestLifecycle.TABLE;
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
        assertThat(EXPECTED.keySet()).containsExactlyInAnyOrder(RequestCommand.values());
    }

    @Test
    void aRequestCanBeCancelledUntilThePatientIsAdmitted() {
        assertThat(EnumSet.allOf(RequestStatus.class).stream().filter(RequestStatus::cancellable))
                .containsExactlyInAnyOrder(RequestStatus.SUBMITTED, RequestStatus.OFFERED, RequestStatus.WAITING,
                        RequestStatus.MATCHED, RequestStatus.BOOKED, RequestStatus.ESCALATED);
    }

    @Test
    void theClosedStatusesAreExactlyThoseNothingLeadsOutOf() {
        EnumSet<RequestStatus> noWayOut = EnumSet.allOf(RequestStatus.class);
        noWayOut.removeIf(status -> Arrays.stream(RequestCommand.values())
                .anyMatch(command -> RequestLifecycle.TABLE.allows(status, command)));
        assertThat(noWayOut).isEqualTo(RequestStatus.CLOSED);
    }

    @Test
    void theOpenStatusesAreThoseInWhichABedMayBeOfferedByHand() {
        assertThat(RequestLifecycle.TABLE.sourcesOf(RequestCommand.OFFER_BY_HAND)).isEqualTo(RequestStatus.OPEN);
    }

    private static Optional<RequestStatus> expected(RequestStatus from, RequestCommand command) {
        return Arrays.stream(EXPECTED.get(command).split(" "))
                .map(pair -> pair.split(">"))
                .filter(pair -> pair[0].equals(from.name()))
                .map(pair -> RequestStatus.valueOf(pair[1]))
                .findFirst();
    }
}
