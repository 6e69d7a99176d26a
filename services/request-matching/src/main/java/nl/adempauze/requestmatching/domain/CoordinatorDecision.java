package nl.adempauze.requestmatching.domain;

import java.time.Instant;

/**
 * A coordinator's decision on a request, as its view lists it: the kind, the reason, who made it (null for decisions
 * from before that was kept) and, for a manual offer, the location chosen.
 */
public record CoordinatorDecision(String kind, String reason, String decidedBy, String locationId, Instant decidedAt) {

    public static final String PROTECTION_OVERRIDDEN = "PROTECTION_OVERRIDDEN";
    public static final String PRIORITY_RAISED = "PRIORITY_RAISED";
    public static final String MANUAL_OFFER = "MANUAL_OFFER";
    public static final String QUEUE_PAUSED = "QUEUE_PAUSED";
    public static final String QUEUE_RESUMED = "QUEUE_RESUMED";
    public static final String CARE_TYPE_SET = "CARE_TYPE_SET";
}
