package nl.adempauze.bedavailability.application;

import java.time.Clock;
import nl.adempauze.bedavailability.domain.ProtectionRule;
import nl.adempauze.bedavailability.domain.Region;
import nl.adempauze.bedavailability.persistence.RegionRepository;
import nl.adempauze.contracts.events.RegionConfigured;
import nl.adempauze.platform.outbox.Outbox;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Sets a region's configuration and announces it, so matching works to the same catalogue and deadlines. */
@Service
public class RegionService {

    private final RegionRepository regions;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final Clock clock;

    public RegionService(RegionRepository regions, Outbox outbox, TransactionalOperator tx, Clock clock) {
        this.regions = regions;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
    }

    public Mono<Void> configure(Region region) {
        return tx.transactional(regions.save(region).then(outbox.append(configured(region))));
    }

    /**
     * The seed's configuration for a region not known yet; a known region keeps what it has (an administrator may
     * have changed it since) and is announced again as it stands, so a consumer that lost it catches up.
     */
    public Mono<Void> configureFirstTime(Region seeded) {
        return tx.transactional(regions.find(seeded.id())
                .flatMap(stored -> outbox.append(configured(stored)).thenReturn(true))
                .switchIfEmpty(Mono.defer(() -> regions.save(seeded).then(outbox.append(configured(seeded)))
                        .thenReturn(false)))
                .then());
    }

    private RegionConfigured configured(Region region) {
        return new RegionConfigured(region.id(), region.name(), (int) region.freshnessWindow().toMinutes(),
                region.careTypes().stream().map(RegionService::definition).toList(),
                region.municipalities().stream().map(m -> new RegionConfigured.MunicipalityDefinition(m.name(),
                        m.latitude(), m.longitude(), m.postcodeAreas())).toList(),
                region.funders().stream().map(f -> new RegionConfigured.FunderDefinition(f.id(), f.name(),
                        f.fundingStream(), f.municipality())).toList(),
                region.neighbours().stream().map(n -> new RegionConfigured.NeighbourDefinition(n.region(),
                        n.offerWhenFull())).toList(),
                region.triage(), clock.instant());
    }

    private static RegionConfigured.CareTypeDefinition definition(Region.CareType type) {
        ProtectionRule protection = type.protection();
        return new RegionConfigured.CareTypeDefinition(type.code(), type.name(), type.fundingStream(),
                type.defaultUrgency(), (int) type.crisisResponse().toMinutes(),
                (int) type.plannedResponse().toMinutes(), (int) type.admissionDeadline().toHours(),
                type.plannedBooking(), type.minStayNights(), type.maxStayNights(),
                protection == null ? null : new RegionConfigured.ProtectionRule(protection.protectedBeds(),
                        protection.protectedShare(), (int) protection.releaseHorizon().toHours()));
    }
}
