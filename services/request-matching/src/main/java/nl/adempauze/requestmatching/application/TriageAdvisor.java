package nl.adempauze.requestmatching.application;

import java.util.Map;
import nl.adempauze.contracts.events.TriageTable;
import nl.adempauze.platform.domain.DomainException;
import nl.adempauze.requestmatching.domain.Triage;
import nl.adempauze.requestmatching.domain.TriageAdvice;
import nl.adempauze.requestmatching.persistence.ReferenceDataRepository;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** The region's triage: its questions for the form, and the advice its table gives for a referrer's answers. */
@Service
public class TriageAdvisor {

    private final ReferenceDataRepository reference;

    TriageAdvisor(ReferenceDataRepository reference) {
        this.reference = reference;
    }

    /** The region's triage table; 404 when the region has none. */
    public Mono<TriageTable> table(String region) {
        return reference.triageTable(region).switchIfEmpty(Mono.error(DomainException.notFound("Triage", region)));
    }

    /** The advice for {@code answers} (preview: nothing is stored); 404 when the region has no triage. */
    public Mono<TriageAdvice> preview(String region, Map<String, String> answers) {
        return table(region).map(table -> Triage.advise(table, answers));
    }

    /** The advice for a submission's answers; 400 on {@code region} or {@code triage} when there is no table. */
    Mono<TriageAdvice> advise(String region, Map<String, String> answers) {
        return reference.freshnessWindow(region)
                .switchIfEmpty(Mono.error(DomainException.invalidField("region", "Unknown region '" + region + "'")))
                .then(reference.triageTable(region))
                .switchIfEmpty(Mono.error(DomainException.invalidField("triage", "Region " + region
                        + " has no triage; give a careType")))
                .map(table -> Triage.advise(table, answers));
    }
}
