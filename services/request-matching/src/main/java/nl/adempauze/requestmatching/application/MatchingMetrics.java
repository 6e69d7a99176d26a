package nl.adempauze.requestmatching.application;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramGauges;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import nl.adempauze.platform.domain.DomainException;
import nl.adempauze.requestmatching.domain.MatchingRequest;
import nl.adempauze.requestmatching.domain.RequestStatus;
import nl.adempauze.requestmatching.domain.Urgency;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * How long matching takes, as Micrometer timers with the 50th, 90th and 99th percentile: the candidate search
 * ({@value #SEARCH}, by {@code care.kind} and {@code outcome}) and the handling of a submitted request up to its hold
 * being requested or its waiting or escalation recorded ({@value #SUBMISSION}, by {@code urgency} and
 * {@code outcome}). Tags stay few and fixed (no region, care type or request), so the number of series stays small.
 * <p>
 * The percentiles are also registered as {@code <name>.percentile} gauges (tag {@code phi}): the Prometheus registry
 * only shows them in its own scrape, not under {@code /actuator/metrics}.
 */
@Component
public class MatchingMetrics {

    public static final String SEARCH = "adempauze.matching.search";
    public static final String SUBMISSION = "adempauze.matching.submission";
    /** {@code care.kind}: free beds now, or nights on the calendar. */
    public static final String FREE_NOW = "free-now";
    public static final String CALENDAR = "calendar";
    /** Outcomes of a search: a ranking with candidates, or none. */
    public static final String CANDIDATES = "candidates";
    public static final String NONE = "none";
    /** Outcome of a submission the API refused (validation or access): no search was made. */
    public static final String REFUSED = "refused";
    /** Outcome of a failure that is not a refusal. */
    public static final String ERROR = "error";

    private final MeterRegistry registry;
    /** Timers made so far; the percentile gauges are registered once, with the timer. */
    private final Map<TimerKey, Timer> timers = new ConcurrentHashMap<>();

    private record TimerKey(String name, Tags tags) {
    }

    public MatchingMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Times a candidate search from its subscription to its result. */
    Mono<CandidateSearch.Result> search(boolean onCalendar, Mono<CandidateSearch.Result> search) {
        Tags kind = Tags.of("care.kind", onCalendar ? CALENDAR : FREE_NOW);
        return timed(SEARCH, "Candidate search for a request: from its start to the ranking", kind, search,
                result -> result.ranking().isEmpty() ? NONE : CANDIDATES);
    }

    /**
     * Times the handling of a new request, from its subscription until the request is stored with its hold requested
     * ({@code hold-requested}), or on the waiting list ({@code waiting}) or escalated ({@code escalated}).
     */
    Mono<MatchingRequest> submission(Urgency urgency, Mono<MatchingRequest> handling) {
        Tags kind = Tags.of("urgency", urgency == null ? "unknown" : urgency.name().toLowerCase(Locale.ROOT));
        return timed(SUBMISSION, "A submitted request, until its hold is requested (or it waits or escalates)", kind,
                handling, request -> request.status() == RequestStatus.SUBMITTED ? "hold-requested"
                        : request.status().name().toLowerCase(Locale.ROOT));
    }

    private <T> Mono<T> timed(String name, String description, Tags tags, Mono<T> work, Function<T, String> outcome) {
        return Mono.defer(() -> {
            Timer.Sample started = Timer.start(registry);
            return work
                    .doOnSuccess(result -> started.stop(timer(name, description,
                            tags.and("outcome", result == null ? NONE : outcome.apply(result)))))
                    .doOnError(failure -> started.stop(timer(name, description,
                            tags.and("outcome", failure instanceof DomainException ? REFUSED : ERROR))));
        });
    }

    private Timer timer(String name, String description, Tags tags) {
        return timers.computeIfAbsent(new TimerKey(name, tags), key -> {
            Timer timer = Timer.builder(name).description(description).tags(tags)
                    .publishPercentiles(0.5, 0.9, 0.99)
                    // two significant digits instead of one: percentiles fine enough to compare runs
                    .percentilePrecision(2)
                    .register(registry);
            HistogramGauges.registerWithCommonFormat(timer, registry);
            return timer;
        });
    }
}
