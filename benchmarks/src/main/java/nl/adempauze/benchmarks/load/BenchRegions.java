package nl.adempauze.benchmarks.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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
    /** The demo user who coordinates the generated regions (its live stream shows their offers). */
    public static final String COORDINATOR = "coordinator-bench";
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

    /** The repository's demo users and a coordinator of the generated regions, as {@code demo-users.json}. */
    public static Path writeUsers(Path directory, Path demoUsers, List<Integer> sizes) {
        ObjectNode file = (ObjectNode) JSON.readTree(demoUsers.toFile());
        ((ArrayNode) file.get("users")).add(JSON.valueToTree(Map.of("id", COORDINATOR, "name",
                "Benchmark coordinator", "description", "Coordinates the generated benchmark regions", "roles",
                List.of("COORDINATOR"), "org", "coordinatiepunt-benchmark", "regions",
                sizes.stream().map(BenchRegions::id).toList())));
        return write(directory.resolve("demo-users.json"), JSON.writeValueAsString(file));
    }

    /** Writes {@code bench-<n>.json} into the directory and answers its path. */
    public static Path write(Path directory, int locations) {
        Random random = new Random(locations);
        String region = id(locations);
        String municipalities = IntStream.range(0, MUNICIPALITIES).mapToObj(m -> String.format(Locale.ROOT,
                "{\"name\":\"%s\",\"postcodeAreas\":[\"%d%03d\"],\"latitude\":%s,\"longitude\":%s}",
                municipality(locations, m), 1 + m % 9, m, 52.0 + m * 0.05, 5.0 + m * 0.05))
                .collect(Collectors.joining(","));
        String sites = IntStream.rangeClosed(1, locations).mapToObj(i -> String.format(Locale.ROOT, """
                {"id":"%1$s-loc-%2$05d","providerId":"%1$s-provider-%3$d","providerName":"Benchmark provider %3$d",\
                "name":"Benchmark location %2$d","address":{"street":"Benchmarkweg %2$d","postcode":"1000 AA",\
                "city":"%4$s"},"municipality":"%4$s","latitude":%5$s,"longitude":%6$s,"features":[],\
                "capacity":{"%7$s":20},"contracts":[{"funder":"zilveren-kruis","careTypes":["%7$s"]}]}""",
                region, i, i % PROVIDERS + 1, municipality(locations, i), 52.0 + random.nextDouble() * 0.5,
                5.0 + random.nextDouble() * 0.5, CARE_TYPE)).collect(Collectors.joining(","));
        return write(directory.resolve(region + ".json"), String.format(Locale.ROOT, """
                {"region":{"id":"%s","name":"Benchmark %d","freshnessWindowMinutes":720},"careTypes":[{"code":"%s",\
                "name":"ELV hoogcomplex","fundingStream":"ZVW","defaultUrgency":"CRISIS",\
                "offerResponseMinutes":{"CRISIS":30,"PLANNED":1440},"admissionDeadlineHours":24,\
                "plannedBooking":false,"minStayNights":1,"maxStayNights":92}],"funders":[{"id":"zilveren-kruis",\
                "name":"Zilveren Kruis","fundingStream":"ZVW"}],"municipalities":[%s],"locations":[%s]}""",
                region, locations, CARE_TYPE, municipalities, sites));
    }

    private static Path write(Path file, String json) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
