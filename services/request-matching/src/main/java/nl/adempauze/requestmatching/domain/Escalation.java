package nl.adempauze.requestmatching.domain;

import java.time.Instant;
import java.util.Map;

/**
 * One time a request was brought to the on-call coordinator, as the request's view lists it: the English
 * {@code detail} and the same as a code ({@link EscalationDetailCode}) and its values; the code and values are null
 * for escalations recorded before they existed.
 */
public record Escalation(String reason, String detail, String detailCode, Map<String, Object> detailValues,
                         Instant escalatedAt) {
}
