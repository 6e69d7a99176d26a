package nl.adempauze.bedavailability.domain;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * A transition table written out in a test, (state, command) to next state, against which the aggregate's own table
 * is checked for every state and every command.
 */
record WrittenOutTable<S extends Enum<S>, C extends Enum<C>>(Class<S> states, Class<C> commands,
                                                             Map<S, Map<C, S>> allowed) {

    /** Every (state, command) pair, allowed or not. */
    Stream<Arguments> everyPair() {
        return Arrays.stream(states.getEnumConstants()).flatMap(state -> Arrays.stream(commands.getEnumConstants())
                .map(command -> Arguments.of(state, command)));
    }

    /** The state {@code command} leads to from {@code from}; null when it is refused there. */
    S next(S from, C command) {
        return allowed.getOrDefault(from, Map.of()).get(command);
    }
}
