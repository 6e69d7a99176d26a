package nl.adempauze.contracts.events;

import java.time.Instant;
import java.util.List;

/**
 * A region's configuration was set or changed: its care-type catalogue with each type's offer and admission
 * deadlines, the capacity freshness window, and its municipalities with their postcode areas and coordinates.
 */
public record RegionConfigured(
        String region,
        String name,
        int freshnessWindowMinutes,
        List<CareTypeDefinition> careTypes,
        List<MunicipalityDefinition> municipalities,
        Instant configuredAt) {

    /** One care type of the region's catalogue, with the deadlines matching works to. */
    public record CareTypeDefinition(String code, String name, String fundingStream, String defaultUrgency,
                                     int crisisResponseMinutes, int plannedResponseMinutes,
                                     int admissionDeadlineHours) {
    }

    /** A municipality of the region: where residents are, for distances, and which postcode areas it has. */
    public record MunicipalityDefinition(String name, double latitude, double longitude, List<String> postcodeAreas) {
    }
}
