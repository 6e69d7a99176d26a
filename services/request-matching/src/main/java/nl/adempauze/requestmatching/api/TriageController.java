package nl.adempauze.requestmatching.api;

import jakarta.validation.Valid;
import java.util.List;
import nl.adempauze.contracts.events.TriageTable;
import nl.adempauze.platform.security.Caller;
import nl.adempauze.requestmatching.application.RequestAccess;
import nl.adempauze.requestmatching.application.TriageAdvisor;
import nl.adempauze.requestmatching.domain.TriageAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The region's triage for a referrer who does not know the care type: the questions (for the form), and a preview
 * of the advice for answers given (nothing is stored; the answers come again with the request).
 */
@RestController
@RequestMapping("/api/v1/regions/{region}/triage")
public class TriageController {

    /** The questions in the order they are asked, with their Dutch text and help. */
    public record Questions(String region, List<TriageTable.Question> questions) {
    }

    private final TriageAdvisor advisor;

    public TriageController(TriageAdvisor advisor) {
        this.advisor = advisor;
    }

    @GetMapping
    public Mono<Questions> questions(@PathVariable String region, Caller caller) {
        Access.require(RequestAccess.triage(caller, region), "Region", region);
        return advisor.table(region).map(table -> new Questions(region, table.questions()));
    }

    @PostMapping
    public Mono<TriageAdvice> preview(@PathVariable String region, @Valid @RequestBody TriageBody body,
                                      Caller caller) {
        Access.require(RequestAccess.triage(caller, region), "Region", region);
        return advisor.preview(region, body.answers());
    }
}
