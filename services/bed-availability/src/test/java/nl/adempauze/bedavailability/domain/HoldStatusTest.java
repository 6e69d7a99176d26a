package nl.adempauze.bedavailability.domain;

import static nl.adempauze.bedavailability.domain.HoldStatus.ACCEPTED;
import static nl.adempauze.bedavailability.domain.HoldStatus.ADMITTED;
import static nl.adempauze.bedavailability.domain.HoldStatus.DISCHARGED;
import static nl.adempauze.bedavailability.domain.HoldStatus.HELD;
import static nl.adempauze.bedavailability.domain.HoldStatus.REFUSED;
import static nl.adempauze.bedavailability.domain.HoldStatus.RELEASED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HoldStatusTest {

    /** The whole life of a hold: every allowed step; everything not listed is forbidden. */
    private static final Map<HoldStatus, Set<HoldStatus>> ALLOWED = Map.of(
            HELD, EnumSet.of(ACCEPTED, RELEASED),
            ACCEPTED, EnumSet.of(ADMITTED, RELEASED),
            ADMITTED, EnumSet.of(DISCHARGED),
            DISCHARGED, EnumSet.noneOf(HoldStatus.class),
            RELEASED, EnumSet.noneOf(HoldStatus.class),
            REFUSED, EnumSet.noneOf(HoldStatus.class));

    @ParameterizedTest(name = "{0} may become exactly its allowed next statuses")
    @EnumSource(HoldStatus.class)
    void holdFollowsItsLifeAndNothingElse(HoldStatus from) {
        for (HoldStatus next : HoldStatus.values()) {
            assertThat(from.canBecome(next)).as("%s -> %s", from, next).isEqualTo(ALLOWED.get(from).contains(next));
        }
    }

    @Test
    void onlyHoldsThatStillOccupyAHeldBedCanBeReleased() {
        assertThat(HoldStatus.sourcesOf(RELEASED)).containsExactlyInAnyOrder(HELD, ACCEPTED);
        assertThat(HoldStatus.sourcesOf(ADMITTED)).containsExactly(ACCEPTED);
    }

    @Test
    void anAdmittedPatientsBedCannotBeReleasedToAnotherOffer() {
        assertThat(ADMITTED.canBecome(RELEASED)).isFalse();
        assertThat(HELD.canBecome(ADMITTED)).as("admission needs the provider's acceptance first").isFalse();
    }
}
