package nl.adempauze.requestmatching.domain;

/**
 * Why a coordinator moved a waiting request up the waiting list, as a code (what events carry); the coordinator's
 * own words are a {@link RequestNote}, kept encrypted in request-matching.
 */
public enum PriorityReason {
    /** The informal carer is close to breaking point. */
    CARER_OVERBURDENED,
    /** The patient's health got worse while waiting. */
    HEALTH_DETERIORATED,
    /** The informal carer will be away or unable to care (hospital stay, own illness). */
    CARER_UNAVAILABLE,
    /** The request has waited much longer than others like it. */
    WAITED_LONG,
    OTHER
}
