package nl.adempauze.bedavailability.domain;

import java.time.Duration;
import java.util.List;

/** The area of one coordination point, with its care-type catalogue and capacity freshness window. */
public record Region(String id, String name, Duration freshnessWindow, List<CareType> careTypes) {

    public record CareType(String code, String name, String fundingStream, String defaultUrgency) {
    }

    public boolean offers(String careType) {
        return careTypes.stream().anyMatch(type -> type.code().equals(careType));
    }
}
