package nl.adempauze.requestmatching.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import nl.adempauze.platform.domain.DomainException;
import nl.adempauze.platform.domain.TransitionTable;
import org.junit.jupiter.params.provider.Arguments;

/**
 * A transition table written out by hand in a test ({@code FROM>TO} pairs per command; a pair not written is
 * refused), checked against the real table one (status, command) pair at a time.
 */
final class ExpectedTransitions<S extends Enum<S>, C extends Enum<C>> {

    private final TransitionTable<S, C> table;
    private final Class<S> states;
    private final Map<C, String> expected;

    ExpectedTransitions(TransitionTable<S, C> table, Class<S> states, Map<C, String> expected) {
        this.table = table;
        this.states = states;
        this.expected = expected;
    }

    /** Every status with every command: the arguments of a parameterized test. */
    static <S extends Enum<S>, C extends Enum<C>> Stream<Arguments> everyPair(Class<S> states, Class<C> commands) {
        return Arrays.stream(states.getEnumConstants()).flatMap(status -> Arrays.stream(commands.getEnumConstants())
                .map(command -> Arguments.of(status, command)));
    }

    /** The table allows {@code command} in {@code from} exactly as written, leading where written, else refuses. */
    void check(S from, C command) {
        Optional<S> to = expected(from, command);
        assertThat(table.target(from, command)).isEqualTo(to);
        assertThat(table.allows(from, command)).isEqualTo(to.isPresent());
        assertThat(table.sourcesOf(command).contains(from)).isEqualTo(to.isPresent());
        if (to.isPresent()) {
            assertThat(table.next(from, command)).isEqualTo(to.get());
        } else {
            assertThatThrownBy(() -> table.next(from, command))
                    .isInstanceOf(TransitionTable.IllegalTransition.class)
                    .satisfies(refused -> assertThat(((DomainException) refused).kind())
                            .isEqualTo(DomainException.Kind.CONFLICT));
        }
    }

    /** Every command is written out (a command missing from the test would otherwise go unchecked). */
    void coversEvery(Class<C> commands) {
        assertThat(expected.keySet()).containsExactlyInAnyOrder(commands.getEnumConstants());
    }

    private Optional<S> expected(S from, C command) {
        return Arrays.stream(expected.get(command).split(" "))
                .map(pair -> pair.split(">"))
                .filter(pair -> pair[0].equals(from.name()))
                .map(pair -> Enum.valueOf(states, pair[1]))
                .findFirst();
    }
}
