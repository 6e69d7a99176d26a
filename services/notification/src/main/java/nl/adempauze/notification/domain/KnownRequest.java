package nl.adempauze.notification.domain;

import nl.adempauze.contracts.events.RequestSubmitted;

/**
 * What notification remembers of a submitted request to decide who may see its later events: its region and the
 * referrer organisation that follows it (null when the submitting service did not name one).
 */
public record KnownRequest(String requestId, String region, String referrerOrganisation) {

    public static KnownRequest of(RequestSubmitted submitted) {
        return new KnownRequest(submitted.requestId(), submitted.region(), submitted.referrerOrganisation());
    }
}
