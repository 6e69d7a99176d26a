package nl.adempauze.requestmatching.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Life of an offer: a hold is requested, the held bed offered, then answered, expired or withdrawn. Which status
 * may follow which is {@link OfferLifecycle#TABLE}'s to say.
 */
public enum OfferStatus {
    HOLD_REQUESTED, HOLD_REFUSED, OPEN, ACCEPTED, DECLINED, EXPIRED, WITHDRAWN;

    /**
     * Offers that rule their location out for the request: declined or let expire by the provider, or offered
     * (open or accepted). A refused or withdrawn hold does not, beyond its own round.
     */
    public static final Set<OfferStatus> RULE_OUT_LOCATION = EnumSet.of(DECLINED, EXPIRED, OPEN, ACCEPTED);

    /** Offers the provider answered, or let expire: what a location's acceptance rate is counted over. */
    public static final Set<OfferStatus> ANSWERED = EnumSet.of(ACCEPTED, DECLINED, EXPIRED);

    /** A hold requested or an offer open: it may still give way to another location. */
    public boolean inFlight() {
        return OfferLifecycle.TABLE.allows(this, OfferCommand.WITHDRAW);
    }

    /** In flight or accepted: the request's current offer, withdrawn when the request is cancelled. */
    public boolean current() {
        return OfferLifecycle.TABLE.allows(this, OfferCommand.WITHDRAW_FOR_CANCELLED_REQUEST);
    }
}
