package nl.adempauze.requestmatching.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import nl.adempauze.requestmatching.application.Figures.CareTypeFigures;
import nl.adempauze.requestmatching.application.Figures.TakenByCrisis;
import nl.adempauze.requestmatching.application.Figures.TimeToPlacement;
import nl.adempauze.requestmatching.application.Figures.UrgencyFigures;
import nl.adempauze.requestmatching.application.Figures.Waited;
import nl.adempauze.requestmatching.application.Figures.WaitingNow;
import nl.adempauze.requestmatching.application.Figures.WithinTarget;
import nl.adempauze.requestmatching.domain.Placement;
import nl.adempauze.requestmatching.domain.PlacementStatistics;
import nl.adempauze.requestmatching.persistence.FiguresRepository;
import nl.adempauze.requestmatching.persistence.FiguresRepository.Count;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Gathers a region's figures for a period from the separate counts (JSON and CSV show the same). */
@Component
public class FiguresReport {

    private final FiguresRepository figures;
    private final Clock clock;

    FiguresReport(FiguresRepository figures, Clock clock) {
        this.figures = figures;
        this.clock = clock;
    }

    public Mono<Figures> of(String region, ReportPeriod period) {
        Instant start = period.start();
        Instant end = period.end();
        Map<String, CareTypeBuilder> byCareType = new TreeMap<>();
        // "CRISIS|ELV_HOOG" sorts crisis before planned, then by care type
        Map<String, UrgencyBuilder> byUrgency = new TreeMap<>();
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
                                case "averageHours" -> b.averageHours = round(c.value(), 10);
                                default -> b.maxHours = round(c.value(), 10);
                            }
                        }),
                        collect(figures.waitingNow(region, clock.instant()), byCareType, (b, c) -> {
                            if ("length".equals(c.key())) {
                                b.waiting = (long) c.value();
                            } else {
                                b.longestWaitHours = round(c.value(), 10);
                            }
                        }),
                        figures.submitted(region, start, end)
                                .doOnNext(c -> urgency(byUrgency, c.urgency(), c.careType()).submitted = c.count())
                                .then(),
                        figures.placements(region, start, end)
                                .doOnNext(p -> urgency(byUrgency, p.urgency().name(), p.careType()).placed.add(p))
                                .then(),
                        figures.declines(region, start, end)
                                .doOnNext(c -> urgency(byUrgency, c.urgency(), c.careType()).declines
                                        .put(c.key(), c.count()))
                                .then(),
                        figures.escalations(region, start, end)
                                .doOnNext(c -> urgency(byUrgency, c.urgency(), c.careType()).escalations
                                        .put(c.key(), c.count()))
                                .then())
                .then(Mono.fromSupplier(() -> new Figures(region, period.first(), period.last(),
                        byCareType.entrySet().stream().map(entry -> entry.getValue().build(entry.getKey())).toList(),
                        byUrgency.values().stream().map(UrgencyBuilder::build).toList())));
    }

    private static Mono<Void> collect(Flux<Count> counts, Map<String, CareTypeBuilder> byCareType,
                                      BiConsumer<CareTypeBuilder, Count> apply) {
        return counts.doOnNext(count -> apply.accept(byCareType.computeIfAbsent(count.careType(),
                k -> new CareTypeBuilder()), count)).then();
    }

    private static UrgencyBuilder urgency(Map<String, UrgencyBuilder> byUrgency, String urgency, String careType) {
        return byUrgency.computeIfAbsent(urgency + "|" + careType, k -> new UrgencyBuilder(urgency, careType));
    }

    private static Double round(Double value, int parts) {
        return value == null ? null : Math.round(value * parts) / (double) parts;
    }

    /** Collects one care type's planned-respite figures from the separate counts. */
    private static final class CareTypeBuilder {
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

    /** Collects one urgency and care type's monitoring figures. */
    private static final class UrgencyBuilder {
        final String urgency;
        final String careType;
        long submitted;
        final List<Placement> placed = new ArrayList<>();
        final Map<String, Long> declines = new TreeMap<>();
        final Map<String, Long> escalations = new TreeMap<>();

        UrgencyBuilder(String urgency, String careType) {
            this.urgency = urgency;
            this.careType = careType;
        }

        UrgencyFigures build() {
            PlacementStatistics statistics = PlacementStatistics.of(placed);
            return new UrgencyFigures(urgency, careType, submitted, statistics.count(),
                    new TimeToPlacement(statistics.count(), round(statistics.medianMinutes(), 10),
                            round(statistics.p90Minutes(), 10)),
                    new WithinTarget(statistics.count(), statistics.withinTarget(),
                            round(statistics.withinTargetShare(), 1000)),
                    declines, escalations);
        }
    }
}
