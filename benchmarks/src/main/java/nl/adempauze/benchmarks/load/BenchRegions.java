package nl.adempauze.benchmarks.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generated regions for (e), in the format of {@code seeds/drenthe.json}: {@code bench-<n>} with n locations spread
 * over ten municipalities, one care type (ELV high complex, as Drenthe has it) with free beds at every location, so
 * that every location is a candidate and the search ranks all n. Fixed random seed: every run ranks the same map.
 */
public final class BenchRegions {

    public static final String CARE_TYPE = "ELV_HOOG";
    public static final int BEDS_PER_LOCATION = 20;
    private static final int MUNICIPALITIES = 10;
    private static final int PROVIDERS = 50;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BenchRegions() {
    }

    public static String id(int locations) {
        return "bench-" + locations;
    }

    /** The municipality a request in the region comes from. */
    public static String municipality(int locations, int number) {
        return "Bench " + locations + " gemeente " + (number % MUNICIPALITIES + 1);
    }

    /** The demo user who coordinates the generated regions (its live stream shows their offers). */
    public static final String COORDINATOR = "coordinator-bench";

    /**
     * The repository's demo users and a coordinator of the generated regions, written as {@code demo-users.json}
     * into the directory for the issuer.
     */
    public static Path writeUsers(Path directory, Path demoUsers, List<Integer> sizes) {
        try {
            ObjectNode file = (ObjectNode) JSON.readTree(demoUsers.toFile());
            ((ArrayNode) file.get("users")).add(JSON.<JsonNode>valueToTree(ordered("id", COORDINATOR,
                    "name", "Benchmark coordinator", "description", "Coordinates the generated benchmark regions",
                    "roles", List.of("COORDINATOR"), "org", "coordinatiepunt-benchmark",
                    "regions", sizes.stream().map(BenchRegions::id).toList())));
            Files.createDirectories(directory);
            Path written = directory.resolve("demo-users.json");
            Files.writeString(written, JSON.writeValueAsString(file));
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code bench-<n>.json} into the directory and answers its path. */
    public static Path write(Path directory, int locations) {
        Random random = new Random(locations);
        String region = id(locations);
        List<Map<String, Object>> municipalities = new ArrayList<>();
        for (int m = 0; m < MUNICIPALITIES; m++) {
            municipalities.add(ordered("name", municipality(locations, m), "postcodeAreas",
                    List.of(String.format(Locale.ROOT, "%d%03d", 1 + m % 9, m)),
                    "latitude", 52.0 + m * 0.05, "longitude", 5.0 + m * 0.05));
        }
        List<Map<String, Object>> sites = new ArrayList<>();
        for (int i = 1; i <= locations; i++) {
            int m = i % MUNICIPALITIES;
            String provider = region + "-provider-" + (i % PROVIDERS + 1);
            sites.add(ordered("id", String.format(Locale.ROOT, "%s-loc-%05d", region, i),
                    "providerId", provider, "providerName", "Benchmark provider " + (i % PROVIDERS + 1),
                    "name", "Benchmark location " + i,
                    "address", ordered("street", "Benchmarkweg " + i, "postcode", "1000 AA", "city",
                            municipality(locations, m)),
                    "municipality", municipality(locations, m),
                    "latitude", 52.0 + random.nextDouble() * 0.5, "longitude", 5.0 + random.nextDouble() * 0.5,
                    "features", List.of(),
                    "capacity", Map.of(CARE_TYPE, BEDS_PER_LOCATION),
                    "contracts", List.of(ordered("funder", "zilveren-kruis", "careTypes", List.of(CARE_TYPE)))));
        }
        Map<String, Object> seed = ordered(
                "region", ordered("id", region, "name", "Benchmark " + locations, "freshnessWindowMinutes", 720),
                "careTypes", List.of(ordered("code", CARE_TYPE, "name", "ELV hoogcomplex", "fundingStream", "ZVW",
                        "defaultUrgency", "CRISIS", "offerResponseMinutes", Map.of("CRISIS", 30, "PLANNED", 1440),
                        "admissionDeadlineHours", 24, "plannedBooking", false, "minStayNights", 1,
                        "maxStayNights", 92)),
                "funders", List.of(ordered("id", "zilveren-kruis", "name", "Zilveren Kruis", "fundingStream", "ZVW")),
                "municipalities", municipalities,
                "locations", sites);
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(region + ".json");
            Files.writeString(file, JSON.writeValueAsString(seed));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
