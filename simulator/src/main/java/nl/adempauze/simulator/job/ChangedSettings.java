package nl.adempauze.simulator.job;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import nl.adempauze.contracts.whatif.WhatIfSettings;
import nl.adempauze.simulator.Scenario;

/** The coordinator's settings as the replay's what-if scenario: today's policy with these changed. */
final class ChangedSettings {

    private ChangedSettings() {
    }

    static Scenario scenario(WhatIfSettings settings) {
        Map<String, Scenario.Protection> protection = new HashMap<>();
        settings.protection().forEach(asked -> protection.put(asked.careType(),
                new Scenario.Protection(asked.protectedBeds(), asked.protectedShare())));
        Map<String, Integer> extraBeds = new HashMap<>();
        settings.extraBeds().forEach(extra -> extraBeds.merge(extra.locationId() + "/" + extra.careType(),
                extra.beds(), Integer::sum));
        return new Scenario("what-if", Scenario.Ranking.RANKER, false, protection,
                hours(settings.releaseHorizonHours()), minutes(settings.crisisResponseMinutes()),
                minutes(settings.plannedResponseMinutes()), extraBeds,
                settings.border() == null || settings.border());
    }

    private static Duration hours(Integer hours) {
        return hours == null ? null : Duration.ofHours(hours);
    }

    private static Duration minutes(Integer minutes) {
        return minutes == null ? null : Duration.ofMinutes(minutes);
    }
}
