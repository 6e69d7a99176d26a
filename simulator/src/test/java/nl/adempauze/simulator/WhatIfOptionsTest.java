package nl.adempauze.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WhatIfOptionsTest {

    @Test
    void withoutSettingsThereIsNoWhatIfLine() {
        WhatIfOptions options = WhatIfOptions.parse("-seed", "3", "-csv");

        assertThat(options.seed()).isEqualTo(3);
        assertThat(options.csv()).isTrue();
        assertThat(options.whatIf()).isNull();
    }

    @Test
    void settingsMakeAWhatIf() {
        Scenario whatIf = WhatIfOptions.parse("-protect", "WLZ_LOGEER=2", "-protect", "WMO_LOGEER=0.25",
                "-release-hours", "24", "-extra-beds", "loc-a/ELV_HOOG=1", "-border", "off").whatIf();

        assertThat(whatIf.protection()).isEqualTo(Map.of("WLZ_LOGEER", new Scenario.Protection(2, null),
                "WMO_LOGEER", new Scenario.Protection(null, 0.25)));
        assertThat(whatIf.releaseHorizon()).isEqualTo(Duration.ofHours(24));
        assertThat(whatIf.extraBeds()).isEqualTo(Map.of("loc-a/ELV_HOOG", 1));
        assertThat(whatIf.border()).isFalse();
        assertThat(whatIf.changesSupply()).isTrue();
    }

    @Test
    void anUnknownOptionIsRefused() {
        assertThatThrownBy(() -> WhatIfOptions.parse("-protected", "x")).hasMessageContaining("-protected");
    }
}
