package nl.adempauze.platform.testing;

import java.time.Instant;
import nl.adempauze.contracts.events.RegionConfigured;
import nl.adempauze.contracts.seed.RegionSeed;

/** Events as bed-availability would announce a seeded region, for tests that play bed-availability. */
public final class SeedEvents {

    private SeedEvents() {
    }

    public static RegionConfigured regionConfigured(String seedLocation) {
        RegionSeed seed = RegionSeed.read(seedLocation);
        return new RegionConfigured(seed.region().id(), seed.region().name(), seed.region().freshnessWindowMinutes(),
                seed.careTypes().stream().map(type -> new RegionConfigured.CareTypeDefinition(type.code(), type.name(),
                        type.fundingStream(), type.defaultUrgency(),
                        type.offerResponseMinutes().getOrDefault("CRISIS", 30),
                        type.offerResponseMinutes().getOrDefault("PLANNED", 1440),
                        type.admissionDeadlineHours(), type.plannedBooking(), type.minStayNights(),
                        type.maxStayNights(), type.protection())).toList(),
                seed.municipalities().stream().map(m -> new RegionConfigured.MunicipalityDefinition(m.name(),
                        m.latitude(), m.longitude(), m.postcodeAreas())).toList(),
                seed.funders().stream().map(f -> new RegionConfigured.FunderDefinition(f.id(), f.name(),
                        f.fundingStream(), f.municipality())).toList(),
                seed.region().neighbours(), seed.triage(), Instant.now());
    }
}
