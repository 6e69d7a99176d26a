package nl.adempauze.bedavailability.domain;

import static nl.adempauze.bedavailability.domain.HoldCommand.ACCEPT;
import static nl.adempauze.bedavailability.domain.HoldCommand.ADMIT;
import static nl.adempauze.bedavailability.domain.HoldCommand.DISCHARGE;
import static nl.adempauze.bedavailability.domain.HoldCommand.RELEASE;
import static nl.adempauze.bedavailability.domain.HoldStatus.ACCEPTED;
import static nl.adempauze.bedavailability.domain.HoldStatus.ADMITTED;
import static nl.adempauze.bedavailability.domain.HoldStatus.DISCHARGED;
import static nl.adempauze.bedavailability.domain.HoldStatus.HELD;
import static nl.adempauze.bedavailability.domain.HoldStatus.RELEASED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import nl.adempauze.contracts.events.HoldReleased;
import nl.adempauze.contracts.events.PatientAdmitted;
import nl.adempauze.contracts.events.PatientDischarged;
import nl.adempauze.platform.domain.Changed;
import nl.adempauze.platform.domain.DomainException;
import nl.adempauze.platform.domain.TransitionTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every status of a hold against every command: the table allows exactly these steps and refuses all others. */
class HoldLifeTest {

    private static final Instant CREATED = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant NOW = Instant.parse("2026-12-01T11:00:00Z");

    /** The expected table, written out: (status, command) -> next status; any pair not here is refused. */
    private static final WrittenOutTable<HoldStatus, HoldCommand> EXPECTED = new WrittenOutTable<>(HoldStatus.class,
            HoldCommand.class, Map.of(
                    HELD, Map.of(ACCEPT, ACCEPTED, RELEASE, RELEASED),
                    ACCEPTED, Map.of(RELEASE, RELEASED, ADMIT, ADMITTED),
                    ADMITTED, Map.of(DISCHARGE, DISCHARGED)));

    /** How a refusal names the statuses a command needs. */
    private static final Map<HoldCommand, String> REQUIRED = Map.of(ACCEPT, "held", RELEASE, "held or accepted",
            ADMIT, "accepted", DISCHARGE, "admitted");

    static Stream<Arguments> everyStatusAndCommand() {
        return EXPECTED.everyPair();
    }

    private static HoldStatus expected(HoldStatus from, HoldCommand command) {
        return EXPECTED.next(from, command);
    }

    private static Hold hold(HoldStatus status) {
        return new Hold("offer-1", "request-1", "loc-1", "ELV_HOOG", "CRISIS", null, null, status, null, CREATED,
                CREATED);
    }

    private static Changed<Hold> apply(Hold hold, HoldCommand command) {
        return switch (command) {
            case ACCEPT -> hold.accept(NOW);
            case RELEASE -> hold.release("OFFER_DECLINED", NOW);
            case ADMIT -> hold.admit(NOW);
            case DISCHARGE -> hold.discharge(NOW);
        };
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("everyStatusAndCommand")
    void theTableAnswersAsWrittenOut(HoldStatus from, HoldCommand command) {
        HoldStatus expected = expected(from, command);
        assertThat(Hold.LIFE.target(from, command)).as("%s + %s", from, command)
                .isEqualTo(Optional.ofNullable(expected));
        assertThat(hold(from).allows(command)).isEqualTo(expected != null);
        if (expected == null) {
            assertThatThrownBy(() -> Hold.LIFE.next(from, command))
                    .isInstanceOf(TransitionTable.IllegalTransition.class);
        }
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("everyStatusAndCommand")
    void theHoldTakesAnAllowedStepAndRefusesEveryOther(HoldStatus from, HoldCommand command) {
        HoldStatus expected = expected(from, command);
        Hold hold = hold(from);
        if (expected == null) {
            assertThatThrownBy(() -> apply(hold, command)).isInstanceOfSatisfying(DomainException.class, refusal -> {
                assertThat(refusal.kind()).isEqualTo(DomainException.Kind.CONFLICT);
                assertThat(refusal.title()).isEqualTo("Hold cannot be " + command.done());
                assertThat(refusal.getMessage()).isEqualTo("The hold for offer offer-1 is " + from
                        + "; only a hold that is " + REQUIRED.get(command) + " can be " + command.done());
            });
            return;
        }
        Changed<Hold> changed = apply(hold, command);
        assertThat(changed.aggregate().status()).isEqualTo(expected);
        assertThat(changed.aggregate().updatedAt()).isEqualTo(NOW);
        assertThat(changed.aggregate().createdAt()).isEqualTo(CREATED);
        assertThat(changed.events()).hasSize(command == ACCEPT ? 0 : 1);
        changed.events().forEach(event -> assertThat(event).isInstanceOfAny(HoldReleased.class,
                PatientAdmitted.class, PatientDischarged.class));
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("everyStatusAndCommand")
    void sourcesOfACommandAreExactlyTheStatusesThatAllowIt(HoldStatus from, HoldCommand command) {
        assertThat(Hold.LIFE.sourcesOf(command).contains(from)).isEqualTo(expected(from, command) != null);
    }
}
