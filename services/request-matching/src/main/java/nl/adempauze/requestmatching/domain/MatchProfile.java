package nl.adempauze.requestmatching.domain;

import java.util.Set;

/** What ranking needs to know about a request: the pseudonymous needs profile and where the patient lives. */
public record MatchProfile(String careType, Urgency urgency, Set<String> needs, double latitude, double longitude,
                           String funder) {
}
