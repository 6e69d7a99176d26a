package nl.adempauze.simulator.job;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import nl.adempauze.bedavailability.domain.ProtectionRule;
import nl.adempauze.contracts.whatif.TodaySettings;
import nl.adempauze.requestmatching.domain.CareTypeRule;
import nl.adempauze.simulator.region.RegionModel;

/**
 * A region as its seed file lays it out (municipalities, locations, beds sized to its inhabitants) with the rules the
 * running system has today: an administrator's changes to deadlines, stay lengths, protection and neighbours since
 * the seed count in the replay's "today".
 */
final class TodayOverlay {

    private TodayOverlay() {
    }

    static RegionModel apply(RegionModel region, TodaySettings today) {
        Map<String, CareTypeRule> careTypes = new HashMap<>();
        Map<String, ProtectionRule> protection = new HashMap<>();
        for (TodaySettings.CareType type : today.careTypes()) {
            CareTypeRule.Protection rule = type.protectedForPlanned()
                    ? new CareTypeRule.Protection(type.protectedBeds(), type.protectedShare(),
                    Duration.ofHours(type.releaseHorizonHours())) : null;
            careTypes.put(type.code(), new CareTypeRule(region.id(), type.code(), type.name(), type.fundingStream(),
                    Duration.ofMinutes(type.crisisResponseMinutes()), Duration.ofMinutes(type.plannedResponseMinutes()),
                    Duration.ofHours(type.admissionDeadlineHours()), type.plannedBooking(), type.minStayNights(),
                    type.maxStayNights(), rule));
            if (rule != null) {
                // as bed-availability holds the same rule (RegionSeedLoader, the administration API)
                protection.put(type.code(), new ProtectionRule(rule.protectedBeds(), rule.protectedShare(),
                        rule.releaseHorizon()));
            }
        }
        return new RegionModel(region.id(), today.neighbours(), careTypes, protection, region.municipalities(),
                region.locations(), region.wlzFunder(), region.insurers());
    }
}
