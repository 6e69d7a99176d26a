package nl.adempauze.requestmatching.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** One reason of a ranked candidate's place: its code and the values it names (numbers or text). */
public record RankingReason(RankingReasonCode code, Map<String, Object> values) {

    public RankingReason {
        Objects.requireNonNull(code, "code");
        values = values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** A reason with {@code keysAndValues} as name, value, name, value, ... (kept in that order). */
    static RankingReason of(RankingReasonCode code, Object... keysAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return new RankingReason(code, values);
    }
}
