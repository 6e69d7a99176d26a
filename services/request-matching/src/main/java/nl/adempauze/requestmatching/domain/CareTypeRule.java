package nl.adempauze.requestmatching.domain;

import java.time.Duration;

/** A region's rules for one care type: how long a provider has to answer an offer, and the admission deadline. */
public record CareTypeRule(String region, String code, String name, String fundingStream,
                           Duration crisisResponse, Duration plannedResponse, Duration admissionDeadline) {

    public Duration responseDeadline(Urgency urgency) {
        return urgency == Urgency.CRISIS ? crisisResponse : plannedResponse;
    }
}
