package nl.adempauze.simulator.demand;

import java.time.Duration;
import java.util.SplittableRandom;
import nl.adempauze.requestmatching.domain.DeclineReason;
import nl.adempauze.requestmatching.domain.Urgency;

/**
 * How a provider answers an offer: after an exponential time around the mean for the urgency it accepts, or
 * declines with a reason; an answer that would come after the response deadline never comes (the offer expires).
 * The draw depends only on the seed, the request and the location, so every policy meets the same provider
 * behaviour for the same offer (common random numbers).
 */
public final class ProviderAnswers {

    /** A provider's answer: {@code decline} null means it accepts; {@code after} is when, from the offer. */
    public record Answer(Duration after, DeclineReason decline) {

        public boolean accepts() {
            return decline == null;
        }
    }

    private final DemandParameters parameters;
    private final long seed;

    public ProviderAnswers(DemandParameters parameters, long seed) {
        this.parameters = parameters;
        this.seed = seed;
    }

    public Answer answer(String requestId, String locationId, Urgency urgency) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L
                + (requestId + "|" + locationId).hashCode());
        double mean = parameters.meanAnswerMinutes().get(urgency.name());
        Duration after = Duration.ofSeconds(Math.max(30, (long) (-mean * 60 * Math.log(1 - random.nextDouble()))));
        if (random.nextDouble() < parameters.declineShare().get(urgency.name())) {
            return new Answer(after, DeclineReason.valueOf(Draw.weighted(random,
                    parameters.declineReasons().get(urgency.name()))));
        }
        return new Answer(after, null);
    }
}
