package nl.adempauze.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import nl.adempauze.simulator.region.RegionModel;
import org.junit.jupiter.api.Test;

class ScenarioTest {

    private final RegionModel region = new TinyRegion().beds(TinyRegion.RESPITE, 2).beds(TinyRegion.ACUTE, 3)
            .protect(1, Duration.ofHours(48)).region();

    @Test
    void todayKeepsTheRegionsRules() {
        RegionModel today = Scenario.today().applyTo(region);

        assertThat(today.protectionOf(TinyRegion.RESPITE)).isEqualTo(region.protectionOf(TinyRegion.RESPITE));
        assertThat(today.careType(TinyRegion.RESPITE).protection().protectedBeds()).isEqualTo(1);
    }

    @Test
    void aWhatIfChangesProtectionHorizonDeadlinesAndBeds() {
        Scenario whatIf = new Scenario("what-if", Scenario.Ranking.RANKER, false,
                Map.of(TinyRegion.RESPITE, new Scenario.Protection(2, null)), Duration.ofHours(12),
                Duration.ofMinutes(10), null, Map.of("loc-a/" + TinyRegion.ACUTE, 2), true);

        RegionModel changed = whatIf.applyTo(region);

        assertThat(changed.protectionOf(TinyRegion.RESPITE).protectedBeds()).isEqualTo(2);
        assertThat(changed.protectionOf(TinyRegion.RESPITE).releaseHorizon()).isEqualTo(Duration.ofHours(12));
        assertThat(changed.careType(TinyRegion.RESPITE).protection().releaseHorizon())
                .isEqualTo(Duration.ofHours(12));
        assertThat(changed.careType(TinyRegion.ACUTE).crisisResponse()).isEqualTo(Duration.ofMinutes(10));
        assertThat(changed.beds(TinyRegion.ACUTE)).isEqualTo(5);
    }

    @Test
    void noProtectionDropsEveryRule() {
        RegionModel open = Scenario.noProtection().applyTo(region);

        assertThat(open.protectionOf(TinyRegion.RESPITE)).isNull();
        assertThat(open.careType(TinyRegion.RESPITE).protection()).isNull();
    }
}
