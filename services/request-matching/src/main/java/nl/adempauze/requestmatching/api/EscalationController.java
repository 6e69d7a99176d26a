package nl.adempauze.requestmatching.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.adempauze.platform.security.Caller;
import nl.adempauze.requestmatching.application.RequestAccess;
import nl.adempauze.requestmatching.application.RequestReading;
import nl.adempauze.requestmatching.domain.RegionEscalation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** What the on-call coordinator must look at: escalations of a region, newest first. */
@RestController
public class EscalationController {

    private final RequestReading requests;
    private final Clock clock;

    public EscalationController(RequestReading requests, Clock clock) {
        this.requests = requests;
        this.clock = clock;
    }

    /** Escalations since {@code since} (default: the last 24 hours). */
    @GetMapping("/api/v1/regions/{region}/escalations")
    public Mono<List<RegionEscalation>> escalations(@PathVariable String region,
                                                    @RequestParam(required = false) Instant since, Caller caller) {
        Access.require(RequestAccess.regionBoard(caller, region), "Region", region);
        Instant from = since != null ? since : clock.instant().minus(Duration.ofHours(24));
        return requests.escalations(region, from);
    }
}
