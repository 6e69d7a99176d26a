package nl.adempauze.requestmatching.domain;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.stream.Stream;
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
                    + " BOOKED>CANCELLED ESCALATED>CANCELLED AWAITING_TRIAGE>CANCELLED"),
            entry(RequestCommand.OVERRIDE_PROTECTION, "SUBMITTED>SUBMITTED OFFERED>OFFERED ESCALATED>ESCALATED"),
            entry(RequestCommand.RAISE_PRIORITY, "WAITING>WAITING"),
            entry(RequestCommand.OFFER_BY_HAND,
                    "SUBMITTED>SUBMITTED OFFERED>OFFERED WAITING>WAITING ESCALATED>ESCALATED"),
            entry(RequestCommand.WARN_DEADLINE, "SUBMITTED>SUBMITTED OFFERED>OFFERED WAITING>WAITING"),
            entry(RequestCommand.REMIND, "BOOKED>BOOKED"),
            entry(RequestCommand.WARN_OVERRUN, "ADMITTED>ADMITTED"),
            entry(RequestCommand.RETRY_FROM_QUEUE, "ESCALATED>ESCALATED"),
            entry(RequestCommand.PAUSE_QUEUE, "ESCALATED>ESCALATED"),
            entry(RequestCommand.RESUME_QUEUE, "ESCALATED>ESCALATED"),
            entry(RequestCommand.LEAVE_QUEUE, "ESCALATED>ESCALATED"),
            entry(RequestCommand.AWAIT_TRIAGE, "SUBMITTED>AWAITING_TRIAGE"),
            entry(RequestCommand.SET_CARE_TYPE, "AWAITING_TRIAGE>SUBMITTED SUBMITTED>SUBMITTED OFFERED>SUBMITTED"
                    + " WAITING>SUBMITTED ESCALATED>SUBMITTED"));

    private static final ExpectedTransitions<RequestStatus, RequestCommand> TABLE =
            new ExpectedTransitions<>(RequestLifecycle.TABLE, RequestStatus.class, EXPECTED);

    static Stream<Arguments> everyPair() {
        return ExpectedTransitions.everyPair(RequestStatus.class, RequestCommand.class);
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("everyPair")
    void allowsExactlyTheExpectedTransitions(RequestStatus from, RequestCommand command) {
        TABLE.check(from, command);
    }

    @Test
    void everyCommandIsWrittenOutAbove() {
        TABLE.coversEvery(RequestCommand.class);
    }

    @Test
    void aRequestCanBeCancelledUntilThePatientIsAdmitted() {
        assertThat(EnumSet.allOf(RequestStatus.class).stream().filter(RequestStatus::cancellable))
                .containsExactlyInAnyOrder(RequestStatus.SUBMITTED, RequestStatus.OFFERED, RequestStatus.WAITING,
                        RequestStatus.MATCHED, RequestStatus.BOOKED, RequestStatus.ESCALATED,
                        RequestStatus.AWAITING_TRIAGE);
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
}
