package nl.adempauze.requestmatching.domain;

/** Life of an offer: a hold is requested, the held bed offered, then answered, expired or withdrawn. */
public enum OfferStatus {
    HOLD_REQUESTED, HOLD_REFUSED, OPEN, ACCEPTED, DECLINED, EXPIRED, WITHDRAWN;

    public boolean inFlight() {
        return this == HOLD_REQUESTED || this == OPEN;
    }
}
