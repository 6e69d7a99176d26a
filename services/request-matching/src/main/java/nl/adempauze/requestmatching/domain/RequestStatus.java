package nl.adempauze.requestmatching.domain;

/** Where a request stands, as the referrer sees it. */
public enum RequestStatus {
    /** Accepted; a bed is being held for the best candidate. */
    SUBMITTED,
    /** A provider has an offer to answer. */
    OFFERED,
    /** An offer was accepted: the patient has a bed. */
    MATCHED,
    /** No candidate is left: the on-call coordinator must act. */
    ESCALATED,
    CANCELLED;

    public boolean isOpen() {
        return this == SUBMITTED || this == OFFERED || this == ESCALATED;
    }
}
