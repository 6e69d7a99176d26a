package nl.adempauze.requestmatching.api;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import nl.adempauze.platform.domain.DomainException;
import nl.adempauze.platform.security.Caller;
import nl.adempauze.requestmatching.application.RequestAccess;
import nl.adempauze.requestmatching.application.WhatIfRuns;
import nl.adempauze.requestmatching.domain.WhatIfRun;
import org.springframework.http.ContentDisposition;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What-if for the region's coordinators and admins (as its figures): start a replay of the region's year under
 * changed settings (202; about a minute for a year), follow it, read its measures beside today's, as CSV too.
 */
@RestController
public class WhatIfController {

    private final WhatIfRuns runs;

    public WhatIfController(WhatIfRuns runs) {
        this.runs = runs;
    }

    @PostMapping("/api/v1/regions/{region}/what-if")
    public Mono<ResponseEntity<WhatIfRun>> start(@PathVariable String region,
                                                 @Valid @RequestBody(required = false) Mono<WhatIfBody> body,
                                                 Caller caller) {
        // the region before the body (read and validated only when subscribed): a coordinator of another region
        // gets 403 whatever it sends
        return Access.check(RequestAccess.figures(caller, region), "Region", region, body)
                .defaultIfEmpty(new WhatIfBody(null, null, null, null, null, null, null, null))
                .flatMap(asked -> runs.start(region, asked.settings(), caller.subject()))
                .map(run -> ResponseEntity.accepted()
                        .location(URI.create("/api/v1/regions/" + region + "/what-if/" + run.id()))
                        .body(run));
    }

    @GetMapping("/api/v1/regions/{region}/what-if")
    public Flux<WhatIfRun> latest(@PathVariable String region, Caller caller) {
        Access.require(RequestAccess.figures(caller, region), "Region", region);
        return runs.latest(region);
    }

    @GetMapping("/api/v1/regions/{region}/what-if/{id}")
    public Mono<WhatIfRun> run(@PathVariable String region, @PathVariable UUID id, Caller caller) {
        Access.require(RequestAccess.figures(caller, region), "Region", region);
        return runs.find(region, id);
    }

    /** The measures as CSV; 409 while the run is not done. */
    @GetMapping("/api/v1/regions/{region}/what-if/{id}/table.csv")
    public Mono<ResponseEntity<String>> csv(@PathVariable String region, @PathVariable UUID id, Caller caller) {
        Access.require(RequestAccess.figures(caller, region), "Region", region);
        return runs.find(region, id).map(run -> {
            if (run.outcome() == null) {
                throw DomainException.conflict("What-if not done",
                        "What-if " + id + " is " + run.status() + ": its measures come when it is done");
            }
            return ResponseEntity.ok().contentType(FiguresController.CSV)
                    .header("Content-Disposition", ContentDisposition.attachment()
                            .filename("adempauze-wat-als-" + region.replaceAll("[^A-Za-z0-9_-]", "_") + "-"
                                    + run.requestedAt().toString().substring(0, 10) + ".csv").build().toString())
                    .body(WhatIfCsv.render(run.outcome()));
        });
    }
}
