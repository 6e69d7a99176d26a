package nl.adempauze.bedavailability.domain;

import java.time.Duration;
import java.util.List;

/**
 * The area of one coordination point: its care-type catalogue (data, not an enum: regions differ), the window
 * after which a capacity figure is stale, and its municipalities.
 */
public record Region(String id, String name, Duration freshnessWindow, List<CareType> careTypes,
                     List<Municipality> municipalities) {

    /** A care type of the catalogue, with how long a provider has to answer an offer and the admission deadline. */
    public record CareType(String code, String name, String fundingStream, String defaultUrgency,
                           Duration crisisResponse, Duration plannedResponse, Duration admissionDeadline) {
    }

    public record Municipality(String name, double latitude, double longitude, List<String> postcodeAreas) {
    }

    public boolean offers(String careType) {
        return careTypes.stream().anyMatch(type -> type.code().equals(careType));
    }
}
