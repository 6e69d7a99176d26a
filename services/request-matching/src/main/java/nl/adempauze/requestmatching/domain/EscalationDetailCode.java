package nl.adempauze.requestmatching.domain;

/**
 * What an escalation's detail says, as the closed set of codes {@link MatchingRequest} gives, each with the values
 * named here (a screen words them in its own language; the English detail stays beside them). Dates are ISO dates,
 * moments ISO instants.
 */
public enum EscalationDetailCode {
    /** No open location with a free bed of {@code careType} meets the needs; {@code tried} locations tried before. */
    NO_CANDIDATE,
    /**
     * As {@link #NO_CANDIDATE}, and {@code protectedOnly} locations have only nights protected for planned respite
     * (a coordinator may override the protection): {@code careType}, {@code tried}, {@code protectedOnly}.
     */
    NO_CANDIDATE_ONLY_PROTECTED,
    /** The offer to {@code locationId} was not answered before {@code respondBy}. */
    OFFER_EXPIRED,
    /** A crisis request is needed by {@code neededBy} and not yet matched. */
    DEADLINE_AT_RISK,
    /** A planned stay must begin by {@code latestFirstNight} and no bed is booked yet. */
    STAY_DEADLINE_AT_RISK,
    /** No bed was found before the last possible first night {@code latestFirstNight}. */
    STAY_WINDOW_PASSED,
    /** The crisis stay at {@code locationId} holds its bed until the night of {@code lastNight}. */
    STAY_OVERRUN,
    /** Needed by {@code neededBy}; no fitting bed appeared in {@code minutesInQueue} minutes in the crisis queue. */
    QUEUE_DEADLINE_PASSED,
    /** Submitted without a care type and the triage did not settle one ({@code ruleId} when a rule said so). */
    TRIAGE_NEEDED
}
