package nl.adempauze.bedavailability.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.adempauze.bedavailability.domain.CapacityFigure;
import nl.adempauze.bedavailability.domain.MidnightCensus;
import nl.adempauze.bedavailability.domain.NightCapacity;
import nl.adempauze.bedavailability.domain.OccupancyPeriod;
import nl.adempauze.bedavailability.domain.OccupancyReport;
import nl.adempauze.bedavailability.domain.OccupancyReport.Key;
import nl.adempauze.bedavailability.domain.Region;
import nl.adempauze.bedavailability.domain.RegionOccupancy;
import nl.adempauze.bedavailability.persistence.CapacityRepository;
import nl.adempauze.bedavailability.persistence.LocationRepository;
import nl.adempauze.bedavailability.persistence.NightCapacityRepository;
import nl.adempauze.bedavailability.persistence.OccupancyRepository;
import nl.adempauze.bedavailability.persistence.OccupancyRepository.Keyed;
import nl.adempauze.contracts.Nights;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads what a region's occupancy over a period is counted from, and has {@link OccupancyReport} count it. */
@Service
public class OccupancyService {

    private final LocationRepository locations;
    private final CapacityRepository capacity;
    private final NightCapacityRepository nights;
    private final OccupancyRepository history;
    private final Clock clock;

    public OccupancyService(LocationRepository locations, CapacityRepository capacity,
                            NightCapacityRepository nights, OccupancyRepository history, Clock clock) {
        this.locations = locations;
        this.capacity = capacity;
        this.nights = nights;
        this.history = history;
        this.clock = clock;
    }

    public Mono<RegionOccupancy> of(Region region, OccupancyPeriod period) {
        Instant now = clock.instant();
        LocalDate tonight = Nights.nightOf(now);
        Instant since = MidnightCensus.midnightOf(period.from());
        Instant last = MidnightCensus.midnightOf(period.to());
        Instant until = last.isBefore(now) ? last : now;
        String id = region.id();
        Mono<Map<Key, List<NightCapacity>>> periodNights = nights.inRegion(id, period.from(), period.to())
                .collect(Collectors.groupingBy(night -> new Key(night.locationId(), night.careType())));
        Mono<Map<Key, NightCapacity>> tonightNights = nights.inRegion(id, tonight, tonight)
                .collectMap(night -> new Key(night.locationId(), night.careType()));
        Mono<Set<Key>> calendars = nights.calendarsInRegion(id).collect(Collectors.toSet());
        Mono<Map<Key, CapacityFigure>> figures = capacity.inRegion(id)
                .collectMap(figure -> new Key(figure.locationId(), figure.careType()), Function.identity());
        boolean counted = !since.isAfter(until);
        Mono<Map<Key, List<MidnightCensus.Stand>>> stands = grouped(counted
                ? history.stands(id, since, until) : Flux.empty());
        Mono<Map<Key, List<MidnightCensus.Taking>>> takings = grouped(counted
                ? history.takings(id, since, until) : Flux.empty());
        return Mono.zip(periodNights, tonightNights, calendars, figures, stands, takings)
                .map(found -> new OccupancyReport.Facts(found.getT1(), found.getT2(), found.getT3(), found.getT4(),
                        found.getT5(), found.getT6()))
                .zipWith(locations.inRegion(id).collectList())
                .map(both -> OccupancyReport.build(region, both.getT2(), period, now, both.getT1()));
    }

    /** Groups facts by location and care type, keeping their order. */
    private static <T> Mono<Map<Key, List<T>>> grouped(Flux<Keyed<T>> facts) {
        return facts.collect(Collectors.groupingBy(Keyed::key,
                Collectors.mapping(Keyed::value, Collectors.toList())));
    }
}
