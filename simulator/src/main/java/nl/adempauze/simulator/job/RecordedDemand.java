package nl.adempauze.simulator.job;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import nl.adempauze.contracts.whatif.RecordedRequest;
import nl.adempauze.requestmatching.domain.Stay;
import nl.adempauze.requestmatching.domain.Urgency;
import nl.adempauze.simulator.demand.DemandParameters;
import nl.adempauze.simulator.demand.GeneratedRequest;

/**
 * The requests a region recorded, as the replay's demand: each as it was submitted (care type, urgency, time,
 * residence, needs, funder, planned stay). A crisis stay's real length is known only when it was recorded; otherwise
 * the care type's mean crisis stay (an assumption, docs/WHAT-IF.md).
 */
final class RecordedDemand {

    private RecordedDemand() {
    }

    static List<GeneratedRequest> of(List<RecordedRequest> recorded, DemandParameters parameters) {
        List<GeneratedRequest> requests = new ArrayList<>();
        for (RecordedRequest request : recorded) {
            Urgency urgency = Urgency.valueOf(request.urgency());
            String id = request.region() + "-R" + requests.size();
            if (urgency == Urgency.CRISIS) {
                int nights = request.nights() != null ? request.nights() : (int) Math.max(1, Math.round(
                        parameters.of(request.careType()).map(demand -> demand.meanCrisisNights()).orElse(7.0)));
                requests.add(new GeneratedRequest(id, request.region(), request.careType(), urgency,
                        request.submittedAt(), request.needs(), request.municipality(), request.latitude(),
                        request.longitude(), request.funder(), null, nights, null));
            } else if (request.nights() != null && (request.firstNight() != null || request.weekendIn() != null)) {
                Stay stay = new Stay(request.firstNight(), request.nights(), request.flexibleDays(),
                        request.weekendIn() == null ? null : YearMonth.parse(request.weekendIn()));
                requests.add(new GeneratedRequest(id, request.region(), request.careType(), urgency,
                        request.submittedAt(), request.needs(), request.municipality(), request.latitude(),
                        request.longitude(), request.funder(), stay, stay.nights(), request.seriesId()));
            }
        }
        requests.sort(Comparator.comparing(GeneratedRequest::submittedAt).thenComparing(GeneratedRequest::id));
        return requests;
    }
}
