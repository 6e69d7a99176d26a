package nl.adempauze.requestmatching.persistence;

import java.util.List;
import nl.adempauze.requestmatching.domain.RankedCandidate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request's ranking as it is stored (JSON in {@code request.ranking}). Reading is tolerant: rankings stored
 * before candidates had structured reasons read with none.
 */
final class RankingJson {

    private static final TypeReference<List<RankedCandidate>> RANKING = new TypeReference<>() {
    };

    private RankingJson() {
    }

    static String write(JsonMapper json, List<RankedCandidate> ranking) {
        return json.writeValueAsString(ranking);
    }

    static List<RankedCandidate> read(JsonMapper json, String text) {
        return json.readValue(text, RANKING);
    }
}
