package nl.adempauze.bedavailability.application;

import java.time.Clock;
import nl.adempauze.bedavailability.domain.CapacityFigure;
import nl.adempauze.bedavailability.persistence.CapacityRepository;
import nl.adempauze.bedavailability.persistence.LocationRepository;
import nl.adempauze.bedavailability.persistence.RegionRepository;
import nl.adempauze.platform.outbox.Outbox;
import nl.adempauze.platform.domain.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** Providers publish free beds; every figure is versioned, time-stamped and announced in the same transaction. */
@Service
public class CapacityService {

    private final CapacityRepository capacity;
    private final LocationRepository locations;
    private final RegionRepository regions;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final Clock clock;

    public CapacityService(CapacityRepository capacity, LocationRepository locations, RegionRepository regions,
                           Outbox outbox, TransactionalOperator tx, Clock clock) {
        this.capacity = capacity;
        this.locations = locations;
        this.regions = regions;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
    }

    public Mono<CapacityFigure> publish(String locationId, String careType, int freeBeds) {
        Mono<CapacityFigure> work = locations.find(locationId)
                .switchIfEmpty(Mono.error(DomainException.notFound("Location", locationId)))
                .flatMap(location -> regions.find(location.region())
                        .doOnNext(region -> region.freeNowCareType(careType, locationId))
                        .then(capacity.findForUpdate(locationId, careType)
                                .doOnNext(current -> current.checkPublishable(freeBeds))
                                .then(capacity.publish(locationId, careType, freeBeds, clock.instant())))
                        .flatMap(figure -> outbox.append(figure.published(location.region())).thenReturn(figure)));
        return tx.transactional(work);
    }
}
