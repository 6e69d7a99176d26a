package nl.adempauze.requestmatching.domain;

import java.util.Map;
import java.util.Set;
import nl.adempauze.contracts.whatif.WhatIfSettings;
import nl.adempauze.platform.domain.DomainException;

/**
 * What a what-if may change in a region: protection only for a care type of the region that can be booked planned,
 * extra beds only at a location of the region and for one of its care types. The ranges of each number are the
 * API's (see the body); these rules need the region.
 */
public final class WhatIfSettingsRules {

    private WhatIfSettingsRules() {
    }

    /**
     * @param careTypes the region's care types by code
     * @param locations the region's locations
     * @throws DomainException naming the first field that does not fit the region
     */
    public static void check(WhatIfSettings settings, Map<String, CareTypeRule> careTypes, Set<String> locations) {
        for (int i = 0; i < settings.protection().size(); i++) {
            WhatIfSettings.Protection protection = settings.protection().get(i);
            CareTypeRule rule = careTypes.get(protection.careType());
            if (rule == null) {
                throw DomainException.invalidField("protection[" + i + "].careType",
                        "The region has no care type '" + protection.careType() + "'");
            }
            if (!rule.plannedBooking()) {
                throw DomainException.invalidField("protection[" + i + "].careType",
                        "Care type '" + protection.careType() + "' cannot be booked planned, so nothing is protected");
            }
        }
        for (int i = 0; i < settings.extraBeds().size(); i++) {
            WhatIfSettings.ExtraBeds extra = settings.extraBeds().get(i);
            if (!locations.contains(extra.locationId())) {
                throw DomainException.invalidField("extraBeds[" + i + "].locationId",
                        "The region has no location '" + extra.locationId() + "'");
            }
            if (!careTypes.containsKey(extra.careType())) {
                throw DomainException.invalidField("extraBeds[" + i + "].careType",
                        "The region has no care type '" + extra.careType() + "'");
            }
        }
    }
}
