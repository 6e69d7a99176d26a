package nl.adempauze.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TransitionTableTest {

    enum Door { OPEN, CLOSED, LOCKED }

    enum Act { CLOSE, LOCK, OPEN }

    private final TransitionTable<Door, Act> door = TransitionTable.of("Door", Door.class, Act.class)
            .allow(Act.CLOSE, Door.CLOSED, Door.OPEN)
            .allow(Act.LOCK, Door.LOCKED, Door.CLOSED)
            .allow(Act.OPEN, Door.OPEN, Door.CLOSED)
            .build();

    @Test
    void anAllowedCommandGivesTheStateTheTableSays() {
        assertThat(door.next(Door.OPEN, Act.CLOSE)).isEqualTo(Door.CLOSED);
        assertThat(door.next(Door.CLOSED, Act.LOCK)).isEqualTo(Door.LOCKED);
        assertThat(door.allows(Door.CLOSED, Act.OPEN)).isTrue();
    }

    @Test
    void aCommandTheTableDoesNotHoldIsRefusedAsAConflictNamingStateAndCommand() {
        assertThatThrownBy(() -> door.next(Door.LOCKED, Act.OPEN))
                .isInstanceOf(TransitionTable.IllegalTransition.class)
                .hasMessageContaining("LOCKED").hasMessageContaining("OPEN")
                .extracting(e -> ((DomainException) e).kind()).isEqualTo(DomainException.Kind.CONFLICT);
        assertThat(door.allows(Door.OPEN, Act.LOCK)).isFalse();
    }

    @Test
    void theSourcesOfACommandAreTheStatesItIsAllowedFrom() {
        assertThat(door.sourcesOf(Act.LOCK)).containsExactly(Door.CLOSED);
        assertThat(door.sourcesOf(Act.OPEN)).containsExactly(Door.CLOSED);
    }

    @Test
    void theSameTransitionGivenTwiceIsAMistakeInTheTable() {
        assertThatThrownBy(() -> TransitionTable.of("Door", Door.class, Act.class)
                .allow(Act.CLOSE, Door.CLOSED, Door.OPEN).allow(Act.CLOSE, Door.LOCKED, Door.OPEN))
                .isInstanceOf(IllegalStateException.class);
    }
}
