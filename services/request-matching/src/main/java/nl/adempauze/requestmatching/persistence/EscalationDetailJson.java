package nl.adempauze.requestmatching.persistence;

import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * An escalation's detail values as they are stored (JSON in {@code escalation.detail_values}); absent for
 * escalations recorded before details had a code.
 */
final class EscalationDetailJson {

    private static final TypeReference<Map<String, Object>> VALUES = new TypeReference<>() {
    };

    private EscalationDetailJson() {
    }

    static String write(JsonMapper json, Map<String, Object> values) {
        return values == null ? null : json.writeValueAsString(values);
    }

    static Map<String, Object> read(JsonMapper json, String text) {
        return text == null ? null : json.readValue(text, VALUES);
    }
}
