package nl.adempauze.requestmatching.api;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.adempauze.contracts.Nights;
import nl.adempauze.platform.web.ApiProblem;
import nl.adempauze.requestmatching.persistence.FiguresRepository;
import nl.adempauze.requestmatching.persistence.FiguresRepository.Count;
import nl.adempauze.platform.security.Caller;
import nl.adempauze.requestmatching.domain.RequestAccess;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The numbers a coordinator needs about planned respite beside crisis care, per care type, for a period: planned
 * nights booked, protected nights crisis took (by release, by override), offers declined by reason, time waited
 * before booking, and the waiting lists now.
 */
@RestController
public class FiguresController {

    /** The longest period one report covers. */
    private static final int MAX_DAYS = 366;

    public record Figures(String region, LocalDate from, LocalDate to, List<CareTypeFigures> careTypes) {
    }

    public record CareTypeFigures(String careType, long plannedNightsBooked, TakenByCrisis protectedNightsTakenByCrisis,
                                  Map<String, Long> offersDeclined, Waited waitedBeforeBooking,
                                  WaitingNow waitingListNow) {
    }

    public record TakenByCrisis(long byRelease, long byOverride) {
    }

    public record Waited(long bookings, double averageHours, double maxHours) {
    }

    public record WaitingNow(long length, double longestWaitHours) {
    }

    private final FiguresRepository figures;
    private final Clock clock;

    public FiguresController(FiguresRepository figures, Clock clock) {
        this.figures = figures;
        this.clock = clock;
    }

    /** Figures for the days {@code from} up to and including {@code to} (Dutch dates; default the last 30 days). */
    @GetMapping("/api/v1/regions/{region}/figures")
    public Mono<Figures> figures(@PathVariable String region, @RequestParam(required = false) LocalDate from,
                                 @RequestParam(required = false) LocalDate to, Caller caller) {
        Access.require(RequestAccess.figures(caller, region), "Region", region);
        Instant now = clock.instant();
        LocalDate last = to != null ? to : now.atZone(Nights.ZONE).toLocalDate();
        LocalDate first = from != null ? from : last.minusDays(29);
        if (first.isAfter(last)) {
            return Mono.error(ApiProblem.invalidField("from", "from must not be after to"));
        }
        if (first.plusDays(MAX_DAYS).isBefore(last)) {
            return Mono.error(ApiProblem.invalidField("to", "A report covers at most " + MAX_DAYS + " days"));
        }
        Instant start = first.atStartOfDay(Nights.ZONE).toInstant();
        Instant end = last.plusDays(1).atStartOfDay(Nights.ZONE).toInstant();
        Map<String, Builder> byCareType = new TreeMap<>();
        return Flux.concat(
                        collect(figures.plannedNightsBooked(region, start, end), byCareType,
                                (b, c) -> b.booked = (long) c.value()),
                        collect(figures.protectedNightsTakenByCrisis(region, start, end), byCareType, (b, c) -> {
                            if ("release".equals(c.key())) {
                                b.released = (long) c.value();
                            } else {
                                b.overridden = (long) c.value();
                            }
                        }),
                        collect(figures.offersDeclined(region, start, end), byCareType,
                                (b, c) -> b.declined.put(c.key(), (long) c.value())),
                        collect(figures.waitedBeforeBooking(region, start, end), byCareType, (b, c) -> {
                            switch (c.key()) {
                                case "bookings" -> b.bookings = (long) c.value();
                                case "averageHours" -> b.averageHours = round(c.value());
                                default -> b.maxHours = round(c.value());
                            }
                        }),
                        collect(figures.waitingNow(region, now), byCareType, (b, c) -> {
                            if ("length".equals(c.key())) {
                                b.waiting = (long) c.value();
                            } else {
                                b.longestWaitHours = round(c.value());
                            }
                        }))
                .then(Mono.fromSupplier(() -> new Figures(region, first, last, byCareType.entrySet().stream()
                        .map(entry -> entry.getValue().build(entry.getKey())).toList())));
    }

    private static Mono<Void> collect(Flux<Count> counts, Map<String, Builder> byCareType,
                                      java.util.function.BiConsumer<Builder, Count> apply) {
        return counts.doOnNext(count -> apply.accept(byCareType.computeIfAbsent(count.careType(), k -> new Builder()),
                count)).then();
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /** Collects one care type's figures from the separate counts. */
    private static final class Builder {
        long booked;
        long released;
        long overridden;
        final Map<String, Long> declined = new LinkedHashMap<>();
        long bookings;
        double averageHours;
        double maxHours;
        long waiting;
        double longestWaitHours;

        CareTypeFigures build(String careType) {
            return new CareTypeFigures(careType, booked, new TakenByCrisis(released, overridden), declined,
                    new Waited(bookings, averageHours, maxHours), new WaitingNow(waiting, longestWaitHours));
        }
    }
}
