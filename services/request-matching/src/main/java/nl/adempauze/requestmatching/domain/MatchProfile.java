package nl.adempauze.requestmatching.domain;

import java.util.Set;

/**
 * What ranking needs to know about a request: the pseudonymous needs profile, where the patient lives, the funder,
 * and whether only locations contracted with that funder may take the stay (Wmo: the municipality pays).
 */
public record MatchProfile(String careType, Urgency urgency, Set<String> needs, double latitude, double longitude,
                           String funder, boolean contractRequired) {

    public MatchProfile(String careType, Urgency urgency, Set<String> needs, double latitude, double longitude,
                        String funder) {
        this(careType, urgency, needs, latitude, longitude, funder, false);
    }
}
