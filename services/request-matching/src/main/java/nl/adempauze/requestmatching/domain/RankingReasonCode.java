package nl.adempauze.requestmatching.domain;

/**
 * Why a candidate stands where it does in a ranking: the closed set of reasons {@link CandidateRanker} gives, each
 * with the values named here (a screen words them in its own language). Penalties and bonuses are in kilometres of
 * detour, as the ranker counts them.
 */
public enum RankingReasonCode {
    /** Distance from the patient's home: {@code km}. */
    DISTANCE_KM,
    /** The request names no funder, so no contract can count: {@code penaltyKm}. */
    FUNDER_UNKNOWN,
    /** The location has a contract with the request's funder: {@code funder}. */
    CONTRACT_WITH_FUNDER,
    /** The location has no contract with the request's funder: {@code funder}, {@code penaltyKm}. */
    NO_CONTRACT,
    /** The capacity figure is recent: published {@code minutes} ago. */
    CAPACITY_FRESH,
    /** The capacity figure is older than the freshness window: published {@code minutes} ago, {@code penaltyKm}. */
    CAPACITY_STALE,
    /** The location accepted {@code accepted} of its {@code answered} recent offers: {@code bonusKm}. */
    ACCEPTANCE_RATE,
    /** The location answered no recent offers, so it counts as neutral: {@code bonusKm}. */
    NO_ANSWERED_OFFERS,
    /** A free-now bed: {@code beds} free. */
    BEDS_FREE,
    /**
     * A stay on the calendar: free on every night of {@code nights} nights from {@code firstNight} (ISO date),
     * {@code shiftDays} from the wanted dates, {@code penaltyKm} for the shift.
     */
    FREE_ON_DATES,
    /**
     * The location is in a neighbour {@code region} that lets its locations be offered when the request's own region
     * has no candidate; it ranks after every candidate of the own region.
     */
    OUTSIDE_REGION
}
