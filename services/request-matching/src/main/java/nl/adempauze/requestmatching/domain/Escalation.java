package nl.adempauze.requestmatching.domain;

import java.time.Instant;

/** One time a request was brought to the on-call coordinator, as the request's view lists it. */
public record Escalation(String reason, String detail, Instant escalatedAt) {
}
