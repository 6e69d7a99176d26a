package nl.adempauze.requestmatching.domain;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import nl.adempauze.contracts.whatif.WhatIfSettings;
import nl.adempauze.platform.domain.DomainException;

/**
 * What a what-if may change in a region: protection only for a care type of the region that can be booked planned,
 * extra beds (at least one, or one fewer) only at a location of the region and for one of its care types; a history of past days only, at most a
 * year. The ranges of each number are the
 * API's (see the body); these rules need the region.
 */
public final class WhatIfSettingsRules {

    /** A history spans at most a year (and a leap day): as long as a generated year. */
    static final int MAX_HISTORY_DAYS = 365;

    private WhatIfSettingsRules() {
    }

    /**
     * @param careTypes the region's care types by code
     * @param locations the region's locations
     * @throws DomainException naming the first field that does not fit the region
     */
    public static void check(WhatIfSettings settings, Map<String, CareTypeRule> careTypes, Set<String> locations,
                             LocalDate today) {
        WhatIfSettings.History history = settings.history();
        if (history != null) {
            if (history.from() == null || history.to() == null) {
                throw DomainException.invalidField(history.from() == null ? "history.from" : "history.to",
                        "A history names its first and last day");
            }
            if (history.to().isBefore(history.from())) {
                throw DomainException.invalidField("history.to", "The last day is on or after the first");
            }
            if (history.to().isAfter(today)) {
                throw DomainException.invalidField("history.to", "A history ends today at the latest");
            }
            if (history.from().plusDays(MAX_HISTORY_DAYS).isBefore(history.to())) {
                throw DomainException.invalidField("history.to", "A history is at most " + (MAX_HISTORY_DAYS + 1)
                        + " days");
            }
        }
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
            if (extra.beds() == 0) {
                throw DomainException.invalidField("extraBeds[" + i + "].beds",
                        "beds adds (or removes) at least one bed");
            }
            if (!careTypes.containsKey(extra.careType())) {
                throw DomainException.invalidField("extraBeds[" + i + "].careType",
                        "The region has no care type '" + extra.careType() + "'");
            }
        }
    }
}
