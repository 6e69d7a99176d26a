package nl.adempauze.platform.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one table that says which command an aggregate in a given state may take, and which state it then has.
 * Aggregates ask it in every state-changing method, so a transition that is not in the table is refused in one
 * place (an {@link IllegalTransition}), never allowed by accident elsewhere.
 *
 * @param <S> the aggregate's states
 * @param <C> the commands that change it
 */
public final class TransitionTable<S extends Enum<S>, C extends Enum<C>> {

    private final String aggregate;
    private final Class<S> states;
    private final Map<C, Map<S, S>> table;

    private TransitionTable(String aggregate, Class<S> states, Map<C, Map<S, S>> table) {
        this.aggregate = aggregate;
        this.states = states;
        this.table = table;
    }

    public static <S extends Enum<S>, C extends Enum<C>> Builder<S, C> of(String aggregate, Class<S> states,
                                                                         Class<C> commands) {
        return new Builder<>(aggregate, states, commands);
    }

    /** The state after {@code command} in state {@code from}; refuses a transition the table does not hold. */
    public S next(S from, C command) {
        return target(from, command).orElseThrow(() -> new IllegalTransition(aggregate, from, command));
    }

    /** The state after {@code command} in state {@code from}, or empty when the table does not allow it. */
    public Optional<S> target(S from, C command) {
        return Optional.ofNullable(table.getOrDefault(command, Map.of()).get(from));
    }

    public boolean allows(S from, C command) {
        return target(from, command).isPresent();
    }

    /** The states from which {@code command} is allowed (for a conditional update, or a test of the table). */
    public Set<S> sourcesOf(C command) {
        Map<S, S> sources = table.get(command);
        return sources == null ? Set.of() : Collections.unmodifiableSet(sources.keySet());
    }

    public Class<S> states() {
        return states;
    }

    /** A transition the table does not hold: the aggregate is not in a state that allows the command. */
    public static final class IllegalTransition extends DomainException {

        private final Enum<?> from;
        private final Enum<?> command;

        IllegalTransition(String aggregate, Enum<?> from, Enum<?> command) {
            super(Kind.CONFLICT, aggregate + " cannot " + command.name().toLowerCase().replace('_', ' ') + " now",
                    aggregate + " is " + from.name() + ": " + command.name() + " is not allowed", null);
            this.from = from;
            this.command = command;
        }

        public Enum<?> from() {
            return from;
        }

        public Enum<?> command() {
            return command;
        }
    }

    public static final class Builder<S extends Enum<S>, C extends Enum<C>> {

        private final String aggregate;
        private final Class<S> states;
        private final Map<C, Map<S, S>> table;

        private Builder(String aggregate, Class<S> states, Class<C> commands) {
            this.aggregate = aggregate;
            this.states = states;
            this.table = new EnumMap<>(commands);
        }

        /** {@code command} takes the aggregate from each of {@code from} to {@code to}. */
        @SafeVarargs
        public final Builder<S, C> allow(C command, S to, S... from) {
            Map<S, S> sources = table.computeIfAbsent(command, c -> new EnumMap<>(states));
            for (S source : from) {
                if (sources.put(source, to) != null) {
                    throw new IllegalStateException(aggregate + ": " + command + " from " + source + " given twice");
                }
            }
            return this;
        }

        public TransitionTable<S, C> build() {
            Map<C, Map<S, S>> copy = new java.util.HashMap<>();
            table.forEach((command, sources) -> copy.put(command, Collections.unmodifiableMap(new EnumMap<>(sources))));
            return new TransitionTable<>(aggregate, states, Map.copyOf(copy));
        }
    }
}
