package nl.adempauze.contracts.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.adempauze.contracts.events.Address;
import nl.adempauze.contracts.events.FunderContract;
import nl.adempauze.contracts.events.RegionConfigured;
import nl.adempauze.contracts.events.TriageTable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A region's configuration and demo data as kept in {@code seeds/<region>.json}: what an admin sets up (care
 * types, funders, municipalities, neighbours, the triage table) and what providers bring (locations, contracts, free beds). bed-availability,
 * which owns regions and locations, loads it and announces it as events; the other services learn it from those.
 */
public record RegionSeed(
        Region region,
        List<CareType> careTypes,
        List<Funder> funders,
        List<Municipality> municipalities,
        List<Location> locations,
        TriageTable triage) {

    /** A region; {@code neighbours} (optional) are the regions whose locations may be offered when it is full. */
    public record Region(String id, String name, int freshnessWindowMinutes,
                         List<RegionConfigured.NeighbourDefinition> neighbours) {

        public Region {
            neighbours = neighbours == null ? List.of() : List.copyOf(neighbours);
        }
    }

    /**
     * A care type of the region's catalogue. {@code plannedBooking}: kept on the calendar, per night, and open to
     * planned requests; {@code protection}: beds per night kept for planned respite (optional).
     */
    public record CareType(String code, String name, String fundingStream, String defaultUrgency,
                           Map<String, Integer> offerResponseMinutes, int admissionDeadlineHours,
                           boolean plannedBooking, int minStayNights, int maxStayNights,
                           RegionConfigured.ProtectionRule protection) {
    }

    public record Funder(String id, String name, String fundingStream, String municipality) {
    }

    public record Municipality(String name, List<String> postcodeAreas, double latitude, double longitude) {
    }

    public record Location(String id, String providerId, String providerName, String name, Address address,
                           String municipality, double latitude, double longitude, List<String> features,
                           Map<String, Integer> capacity, List<FunderContract> contracts) {
    }

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** Reads a seed from a file path, or from the classpath when the location starts with {@code classpath:}. */
    public static RegionSeed read(String location) {
        try (InputStream in = location.startsWith("classpath:")
                ? RegionSeed.class.getResourceAsStream("/" + location.substring("classpath:".length()))
                : Files.newInputStream(Path.of(location))) {
            if (in == null) {
                throw new IllegalArgumentException("No region seed at " + location);
            }
            return MAPPER.readValue(in, RegionSeed.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read region seed " + location, e);
        }
    }
}
