package nl.adempauze.contracts.whatif;

import java.util.List;

/**
 * The settings a coordinator changes for a what-if; a null (or empty) setting keeps today's.
 *
 * @param protection             per care type that can be booked planned: protected beds per location and night, or a
 *                               share of the night's free beds (both null: no protection for that care type)
 * @param releaseHorizonHours    how long before a night protected beds are released to crisis (every protected type)
 * @param crisisResponseMinutes  how long a provider has to answer a crisis offer (every care type)
 * @param plannedResponseMinutes how long a provider has to answer a planned offer (every care type)
 * @param extraBeds              beds added (or, negative, removed) at a location for one care type
 * @param border                 whether neighbour regions are offered when the own region has no candidate
 * @param months                 the length of the replayed period (1 to 12)
 */
public record WhatIfSettings(List<Protection> protection, Integer releaseHorizonHours, Integer crisisResponseMinutes,
                             Integer plannedResponseMinutes, List<ExtraBeds> extraBeds, Boolean border,
                             Integer months) {

    public WhatIfSettings {
        protection = protection == null ? List.of() : List.copyOf(protection);
        extraBeds = extraBeds == null ? List.of() : List.copyOf(extraBeds);
    }

    /** Protected beds per location and night, or a share of the night's free beds, for one care type. */
    public record Protection(String careType, Integer protectedBeds, Double protectedShare) {
    }

    /** Beds added at a location for one care type (negative: removed). */
    public record ExtraBeds(String locationId, String careType, int beds) {
    }

    /** Whether anything differs from today's settings (else the what-if is today's line twice). */
    public boolean changesAnything() {
        return !protection.isEmpty() || releaseHorizonHours != null || crisisResponseMinutes != null
                || plannedResponseMinutes != null || !extraBeds.isEmpty() || border != null;
    }
}
