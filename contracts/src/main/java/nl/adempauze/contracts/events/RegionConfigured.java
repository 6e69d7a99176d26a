package nl.adempauze.contracts.events;

import java.time.Instant;
import java.util.List;

/**
 * A region's configuration was set or changed: its care-type catalogue with each type's offer and admission
 * deadlines, stay rules and protection rule, the capacity freshness window, and its municipalities with their
 * postcode areas and coordinates, the funders (a municipality funds its residents' Wmo stays), its neighbour
 * regions, and its triage table (optional: without one, a referrer must name the care type).
 */
public record RegionConfigured(
        String region,
        String name,
        int freshnessWindowMinutes,
        List<CareTypeDefinition> careTypes,
        List<MunicipalityDefinition> municipalities,
        List<FunderDefinition> funders,
        List<NeighbourDefinition> neighbours,
        TriageTable triage,
        Instant configuredAt) {

    /** Reads events from before neighbours existed as having none. */
    public RegionConfigured {
        neighbours = neighbours == null ? List.of() : List.copyOf(neighbours);
    }

    /**
     * One care type of the region's catalogue, with the deadlines and stay rules matching works to. A care type
     * that allows planned booking is kept on the calendar, per night; {@code protection} (optional) keeps beds per
     * night for planned respite.
     */
    public record CareTypeDefinition(String code, String name, String fundingStream, String defaultUrgency,
                                     int crisisResponseMinutes, int plannedResponseMinutes,
                                     int admissionDeadlineHours, boolean plannedBooking, int minStayNights,
                                     int maxStayNights, ProtectionRule protection) {
    }

    /**
     * Beds per night kept for planned respite at each location: a number, or a share of the night's free beds
     * (rounded up); whichever is larger when both are given. A crisis stay may take a protected night that no
     * planned stay has claimed once the night is within {@code releaseHorizonHours} ("use it or lose it").
     */
    public record ProtectionRule(Integer protectedBeds, Double protectedShare, int releaseHorizonHours) {
    }

    /** A funder of stays: an insurer (ZVW), the care office (WLZ), or a municipality (WMO) with its name. */
    public record FunderDefinition(String id, String name, String fundingStream, String municipality) {
    }

    /** A municipality of the region: where residents are, for distances, and which postcode areas it has. */
    public record MunicipalityDefinition(String name, double latitude, double longitude, List<String> postcodeAreas) {
    }

    /**
     * A neighbouring region. {@code offerWhenFull}: when this region has no candidate for a request, the
     * neighbour's locations may be offered (ranked after any of this region's own, labelled as outside the region).
     */
    public record NeighbourDefinition(String region, boolean offerWhenFull) {
    }
}
