package nl.adempauze.notification.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import nl.adempauze.notification.domain.Rota;
import nl.adempauze.notification.domain.Shift;
import nl.adempauze.notification.persistence.ShiftRepository;
import nl.adempauze.platform.domain.DomainException;
import nl.adempauze.platform.security.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * A region's on-call rota: who is on call now and next, and planning, changing (a swap is a change of the primary
 * and backup) and removing shifts. Every change checks the whole rota under the region's lock, so two primaries
 * never overlap; a refused change stores nothing.
 */
@Service
public class RotaService {

    private static final int UPCOMING = 10;

    private final ShiftRepository shifts;
    private final TransactionalOperator tx;
    private final Clock clock;

    public RotaService(ShiftRepository shifts, TransactionalOperator tx, Clock clock) {
        this.shifts = shifts;
        this.tx = tx;
        this.clock = clock;
    }

    /** How far ahead a gap in the rota is flagged (for the board: "no one on call within the hour"). */
    public static final Duration GAP_HORIZON = Duration.ofHours(1);

    /**
     * Who is on call now (empty: nobody) and the shifts after it; until when the rota is covered without a break
     * (empty: nobody now), and whether it has a gap within {@link #GAP_HORIZON}.
     */
    public record OnCall(String region, Instant at, Optional<Shift> now, List<Shift> next,
                         Optional<Instant> coveredUntil, boolean gapWithinAnHour) {
    }

    public Mono<OnCall> onCall(Caller caller, String region) {
        PagingAccess.checkRota(caller, region);
        Instant now = clock.instant();
        return shifts.rota(region).map(rota -> {
            Optional<Instant> covered = rota.coveredUntil(now);
            return new OnCall(region, now, rota.onCallAt(now), rota.upcoming(now, UPCOMING), covered,
                    covered.map(until -> until.isBefore(now.plus(GAP_HORIZON))).orElse(true));
        });
    }

    /** Plans a new shift; {@code plan} gets the new shift's id and builds it (refusing bad input). */
    public Mono<Shift> create(Caller caller, String region, Function<UUID, Shift> plan) {
        PagingAccess.checkRota(caller, region);
        Shift shift = plan.apply(UUID.randomUUID());
        return save(region, shift);
    }

    /** Changes a shift: times, primary, backup (a swap); 404 when the region has no such shift. */
    public Mono<Shift> replace(Caller caller, String region, UUID id, Function<UUID, Shift> plan) {
        PagingAccess.checkRota(caller, region);
        Shift shift = plan.apply(id);
        return shifts.find(region, id)
                .switchIfEmpty(Mono.error(() -> DomainException.notFound("Shift", id.toString())))
                .then(save(region, shift));
    }

    public Mono<Void> delete(Caller caller, String region, UUID id) {
        PagingAccess.checkRota(caller, region);
        return shifts.delete(region, id)
                .flatMap(deleted -> deleted ? Mono.<Void>empty()
                        : Mono.<Void>error(DomainException.notFound("Shift", id.toString())));
    }

    private Mono<Shift> save(String region, Shift shift) {
        return shifts.lockRegion(region)
                .then(shifts.rota(region))
                .doOnNext((Rota rota) -> rota.checkFits(shift))
                .then(shifts.save(shift, clock.instant()))
                .thenReturn(shift)
                .as(tx::transactional);
    }
}
