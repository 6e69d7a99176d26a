package nl.adempauze.bedavailability.api;

import java.util.List;
import nl.adempauze.bedavailability.application.BedQueries;
import nl.adempauze.bedavailability.domain.RegionSummary;
import nl.adempauze.platform.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The regions on this installation, so a provider's or referrer's screen finds its region without being told. */
@RestController
public class RegionListController {

    private final BedQueries queries;
    private final Access access;

    public RegionListController(BedQueries queries, Access access) {
        this.queries = queries;
        this.access = access;
    }

    @GetMapping("/api/v1/regions")
    public Mono<List<RegionSummary>> regions(Caller caller) {
        return access.toRead(caller, "Regions", "all").then(queries.regions().collectList());
    }
}
