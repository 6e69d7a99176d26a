package nl.adempauze.bedavailability.application;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.adempauze.bedavailability.domain.Location;
import nl.adempauze.bedavailability.domain.NightRanges;
import nl.adempauze.bedavailability.domain.ProtectionRule;
import nl.adempauze.bedavailability.domain.Region;
import nl.adempauze.bedavailability.persistence.LocationRepository;
import nl.adempauze.bedavailability.persistence.RegionRepository;
import nl.adempauze.contracts.events.RegionConfigured;
import nl.adempauze.contracts.seed.RegionSeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;

/**
 * Loads regions (configuration, locations, contracts, free beds) from seed files at start-up, one region per file:
 * {@code adempauze.seed.file} is one file or a comma-separated list of them, loaded in that order. The seed is only
 * the first load: regions and locations already known are left alone, so restarting never overwrites what
 * administrators changed or providers published since. For a care type booked
 * per night, a new location's seeded beds are published as free for tonight and the following nights,
 * {@code adempauze.seed.calendar-nights} nights in all. Instances that start at once seed a region one after
 * the other, in one transaction each under a lock on that region: the first loads it, the next finds it known.
 */
@Component
public class RegionSeedLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RegionSeedLoader.class);

    private final List<String> seedFiles;
    private final int calendarNights;
    private final RegionService regionService;
    private final LocationRepository locations;
    private final LocationService locationService;
    private final RegionRepository regions;
    private final TransactionalOperator tx;
    private final Clock clock;

    public RegionSeedLoader(@Value("${adempauze.seed.file:}") String seedFile,
                            @Value("${adempauze.seed.calendar-nights:60}") int calendarNights,
                            RegionService regionService, LocationRepository locations,
                            LocationService locationService, RegionRepository regions, TransactionalOperator tx,
                            Clock clock) {
        if (calendarNights < 1 || calendarNights > NightRanges.MAX_DAYS_AHEAD + 1) {
            throw new IllegalArgumentException("adempauze.seed.calendar-nights must be 1.."
                    + (NightRanges.MAX_DAYS_AHEAD + 1) + ", not " + calendarNights);
        }
        this.seedFiles = seedFiles(seedFile);
        this.calendarNights = calendarNights;
        this.regionService = regionService;
        this.locations = locations;
        this.locationService = locationService;
        this.regions = regions;
        this.tx = tx;
        this.clock = clock;
    }

    /** The files of {@code adempauze.seed.file}, in order: one, or a comma-separated list; none when blank. */
    static List<String> seedFiles(String setting) {
        if (setting == null || setting.isBlank()) {
            return List.of();
        }
        return Arrays.stream(setting.split(",")).map(String::trim).filter(file -> !file.isEmpty()).toList();
    }

    @Override
    public void run(ApplicationArguments args) {
        // every file is read before any is loaded: a missing or broken one stops the start with nothing half-done
        Map<String, RegionSeed> seeds = new LinkedHashMap<>();
        Map<String, String> fileOfRegion = new HashMap<>();
        for (String seedFile : seedFiles) {
            RegionSeed seed = RegionSeed.read(seedFile);
            String other = fileOfRegion.putIfAbsent(seed.region().id(), seedFile);
            if (other != null) {
                throw new IllegalStateException("Region " + seed.region().id() + " is seeded twice, by " + other
                        + " and " + seedFile + ": one file per region");
            }
            seeds.put(seedFile, seed);
        }
        seeds.forEach(this::load);
    }

    private void load(String seedFile, RegionSeed seed) {
        Region region = region(seed);
        // The seed is only the first load: a region or location already known keeps what it has, so a restart never
        // undoes an administrator's change or a provider's publication.
        Long added = tx.transactional(regions.lockSeeding(region.id())
                .then(regionService.configureFirstTime(region))
                .thenMany(Flux.fromIterable(seed.locations()))
                .concatMap(seeded -> locations.find(seeded.id()).hasElement()
                        .filter(known -> !known)
                        .flatMap(unknown -> locationService.register(new Location(seeded.id(), region.id(),
                                        seeded.providerId(), seeded.providerName(), seeded.name(), seeded.address(),
                                        seeded.municipality(), seeded.latitude(), seeded.longitude(), seeded.features(),
                                        true, null, clock.instant()), seeded.contracts(), seeded.capacity(),
                                        calendarNights)
                                .thenReturn(1)))
                .count())
                .block();
        log.info("Region {} seeded from {}: {} new location(s)", region.id(), seedFile, added);
    }

    static Region region(RegionSeed seed) {
        return new Region(seed.region().id(), seed.region().name(),
                Duration.ofMinutes(seed.region().freshnessWindowMinutes()),
                seed.careTypes().stream().map(type -> new Region.CareType(type.code(), type.name(),
                        type.fundingStream(), type.defaultUrgency(),
                        Duration.ofMinutes(type.offerResponseMinutes().getOrDefault("CRISIS", 30)),
                        Duration.ofMinutes(type.offerResponseMinutes().getOrDefault("PLANNED", 1440)),
                        Duration.ofHours(type.admissionDeadlineHours()), type.plannedBooking(),
                        type.minStayNights(), type.maxStayNights(), protection(type.protection()))).toList(),
                seed.municipalities().stream().map(m -> new Region.Municipality(m.name(), m.latitude(),
                        m.longitude(), m.postcodeAreas())).toList(),
                (seed.funders() == null ? List.<RegionSeed.Funder>of() : seed.funders()).stream()
                        .map(f -> new Region.Funder(f.id(), f.name(), f.fundingStream(), f.municipality())).toList(),
                seed.region().neighbours().stream()
                        .map(n -> new Region.Neighbour(n.region(), n.offerWhenFull())).toList(),
                seed.triage());
    }

    private static ProtectionRule protection(RegionConfigured.ProtectionRule rule) {
        return rule == null ? null : new ProtectionRule(rule.protectedBeds(), rule.protectedShare(),
                Duration.ofHours(rule.releaseHorizonHours()));
    }
}
