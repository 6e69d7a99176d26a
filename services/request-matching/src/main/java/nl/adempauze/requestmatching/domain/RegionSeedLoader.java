package nl.adempauze.requestmatching.domain;

import java.time.Duration;
import nl.adempauze.contracts.seed.RegionSeed;
import nl.adempauze.requestmatching.persistence.ReferenceDataRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Loads a region's matching configuration from its seed file: freshness window, care-type rules (response and
 * admission deadlines), municipalities and postcode areas. Locations and capacity arrive as bed-availability events.
 */
@Component
public class RegionSeedLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RegionSeedLoader.class);

    private final String seedFile;
    private final ReferenceDataRepository reference;

    public RegionSeedLoader(@Value("${adempauze.seed.file:}") String seedFile, ReferenceDataRepository reference) {
        this.seedFile = seedFile;
        this.reference = reference;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (seedFile == null || seedFile.isBlank()) {
            return;
        }
        RegionSeed seed = RegionSeed.read(seedFile);
        String region = seed.region().id();
        reference.saveRegion(region, seed.region().name(), seed.region().freshnessWindowMinutes())
                .thenMany(Flux.fromIterable(seed.careTypes()))
                .concatMap(type -> reference.saveCareType(new CareTypeRule(region, type.code(), type.name(),
                        type.fundingStream(),
                        Duration.ofMinutes(type.offerResponseMinutes().getOrDefault("CRISIS", 30)),
                        Duration.ofMinutes(type.offerResponseMinutes().getOrDefault("PLANNED", 1440)),
                        Duration.ofHours(type.admissionDeadlineHours()))))
                .thenMany(Flux.fromIterable(seed.municipalities()))
                .concatMap(municipality -> reference.saveMunicipality(region, municipality.name(),
                                municipality.latitude(), municipality.longitude())
                        .thenMany(Flux.fromIterable(municipality.postcodeAreas()))
                        .concatMap(pc4 -> reference.savePostcodeArea(region, pc4, municipality.name())))
                .then()
                .block();
        log.info("Region {} matching configuration loaded from {}", region, seedFile);
    }
}
