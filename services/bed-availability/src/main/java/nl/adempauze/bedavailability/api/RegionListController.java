package nl.adempauze.bedavailability.api;

import java.util.List;
import nl.adempauze.bedavailability.persistence.RegionRepository;
import nl.adempauze.bedavailability.persistence.RegionRepository.RegionSummary;
import nl.adempauze.platform.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The regions on this installation, so a provider's or referrer's screen finds its region without being told. */
@RestController
public class RegionListController {

    private final RegionRepository regions;
    private final Access access;

    public RegionListController(RegionRepository regions, Access access) {
        this.regions = regions;
        this.access = access;
    }

    @GetMapping("/api/v1/regions")
    public Mono<List<RegionSummary>> regions(Caller caller) {
        return access.toRead(caller, "Regions", "all").then(regions.summaries().collectList());
    }
}
