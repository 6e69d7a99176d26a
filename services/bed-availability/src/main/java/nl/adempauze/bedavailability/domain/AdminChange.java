package nl.adempauze.bedavailability.domain;

import java.time.Instant;

/**
 * One change by a region's administrator, as the audit trail keeps it: when, in which region, who (subject and
 * name from the token), what ({@code action} on {@code target}, a location id, care-type code or funder id) and the
 * new state as JSON.
 */
public record AdminChange(long seq, Instant at, String region, String subject, String actorName, Action action,
                          String target, String details) {

    public enum Action {
        LOCATION_ADDED, LOCATION_CHANGED, LOCATION_OPENED, LOCATION_CLOSED, REGION_SETTINGS_CHANGED, CARE_TYPE_SET,
        NEIGHBOURS_SET, TRIAGE_SET, FUNDER_SET, PROVIDER_RENAMED
    }
}
