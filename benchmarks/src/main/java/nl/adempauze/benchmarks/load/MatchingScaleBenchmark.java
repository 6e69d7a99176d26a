package nl.adempauze.benchmarks.load;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import nl.adempauze.contracts.EventCatalogue;
import tools.jackson.databind.JsonNode;

/**
 * (e) How matching time grows with the locations of the request's region, and whether it stays flat in the
 * locations of other regions: crisis requests one after another (closed loop, so each is measured alone) in a
 * generated region, timed by request-matching's own {@code adempauze.matching.search} timer (its count and total
 * before and after: the mean of just these searches) and end to end from POST to the {@code OfferMade} on the
 * live stream of the generated regions' coordinator.
 */
public final class MatchingScaleBenchmark {

    private static final String SEARCH_TIMER = "adempauze.matching.search";
    private static final String SUBMISSION_TIMER = "adempauze.matching.submission";
    private static final String REPLICA_GROUP = "request-matching-replica";
    private static final Duration OFFER_TIMEOUT = Duration.ofSeconds(30);
    /** Requests first sent in a region and not measured: its first searches also warm caches and code paths. */
    public static final int WARM_UP_REQUESTS = 5;

    /** One region's figures. */
    public record Row(String label, String region, int locations, int otherLocations, int requests, int offered,
                      double searchMeanMillis, double submissionMeanMillis, Latencies.Summary post,
                      Latencies.Summary offer) {
    }

    private final BenchmarkStack stack;
    private final Api api;
    private final Map<String, CompletableFuture<Long>> offers = new ConcurrentHashMap<>();

    public MatchingScaleBenchmark(BenchmarkStack stack) {
        this.stack = stack;
        this.api = new Api(stack);
    }

    /** Hands an event of the coordinator's live stream to the benchmark. */
    public void onLive(Notified event) {
        if ("OfferMade".equals(event.type())) {
            offers.computeIfAbsent(event.field("requestId"), id -> new CompletableFuture<>())
                    .complete(event.arrivedNanos());
        }
    }

    /** Measures {@code requests} crisis requests in the generated region of this many locations. */
    public Row measure(String label, int locations, int otherLocations, int requests) {
        String region = BenchRegions.id(locations);
        for (int i = 0; i < WARM_UP_REQUESTS; i++) {
            offered(submit(region, locations, requests + i));
        }
        Timer search = timer(SEARCH_TIMER, "care.kind:free-now");
        Timer submission = timer(SUBMISSION_TIMER, "urgency:crisis");
        Latencies post = new Latencies();
        Latencies offer = new Latencies();
        int offered = 0;
        for (int i = 0; i < requests; i++) {
            long sent = System.nanoTime();
            String id = submit(region, locations, i);
            post.recordNanos(System.nanoTime() - sent);
            long arrived = offered(id);
            if (arrived != 0) {
                offer.recordNanos(arrived - sent);
                offered++;
            }
        }
        Timer searchAfter = timer(SEARCH_TIMER, "care.kind:free-now");
        Timer submissionAfter = timer(SUBMISSION_TIMER, "urgency:crisis");
        return new Row(label, region, locations, otherLocations, requests, offered, searchAfter.meanSince(search),
                submissionAfter.meanSince(submission), post.summary(), offer.summary());
    }

    /** Submits a crisis request in the region and answers its id. */
    private String submit(String region, int locations, int number) {
        Api.Answer answer = api.submitRequest(CrisisBenchmark.REFERRER, body(locations, number)).block(OFFER_TIMEOUT);
        if (answer == null || !answer.is(201)) {
            throw new IllegalStateException("A request in " + region + " was refused: "
                    + (answer == null ? "no answer" : answer.status()));
        }
        return answer.createdId();
    }

    /** When the request's offer arrived ({@link System#nanoTime()}); 0 when none came in time. */
    private long offered(String requestId) {
        try {
            return offers.computeIfAbsent(requestId, id -> new CompletableFuture<>())
                    .get(OFFER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until request-matching has read every location and capacity event (its replica is complete). */
    public static void awaitReplicaCaughtUp(SystemCounters counters, Duration limit) {
        if (!LoadStep.await(() -> counters.lag(REPLICA_GROUP, List.of(EventCatalogue.LOCATIONS.name(),
                EventCatalogue.CAPACITY.name())) == 0, limit,
                Duration.ofMillis(200))) {
            throw new IllegalStateException("request-matching did not catch up within " + limit);
        }
    }

    /** A timer's count and total time (seconds) at one moment; NaN when the service does not expose it. */
    private record Timer(double count, double totalSeconds) {
        double meanSince(Timer before) {
            double searches = count - before.count;
            return searches <= 0 ? Double.NaN : 1000 * (totalSeconds - before.totalSeconds) / searches;
        }
    }

    private Timer timer(String name, String tag) {
        JsonNode metric = api.metric(stack.requestMatching(), name, tag);
        if (metric == null) {
            return new Timer(0, 0);
        }
        double count = 0;
        double total = 0;
        for (JsonNode measurement : metric.path("measurements")) {
            switch (measurement.path("statistic").asString()) {
                case "COUNT" -> count = measurement.path("value").asDouble();
                case "TOTAL_TIME" -> total = measurement.path("value").asDouble();
                default -> { }
            }
        }
        return new Timer(count, total);
    }

    private static String body(int locations, int number) {
        return String.format(Locale.ROOT, """
                {"region":"%s","careType":"%s","urgency":"CRISIS","residence":{"municipality":"%s"},\
                "funder":"zilveren-kruis","contact":{"name":"Huisartsenpost Assen","phone":"0592 123456"},\
                "patient":{"name":"Benchmark Patient %d","dateOfBirth":"1936-05-02"}}""", BenchRegions.id(locations),
                BenchRegions.CARE_TYPE, BenchRegions.municipality(locations, number), number);
    }
}
