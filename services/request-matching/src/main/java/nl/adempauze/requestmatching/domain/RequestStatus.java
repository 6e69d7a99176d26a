package nl.adempauze.requestmatching.domain;

/** Where a request stands, as the referrer sees it. */
public enum RequestStatus {
    /** Accepted; a bed is being held for the best candidate. */
    SUBMITTED,
    /** A provider has an offer to answer. */
    OFFERED,
    /** An offer was accepted: the patient has a bed. */
    MATCHED,
    /** The provider confirmed the patient arrived. */
    ADMITTED,
    /** The patient left the bed again. */
    DISCHARGED,
    /** No candidate is left: the on-call coordinator must act. */
    ESCALATED,
    CANCELLED;

    /** A request can be cancelled until the patient is admitted. */
    public boolean cancellable() {
        return this == SUBMITTED || this == OFFERED || this == MATCHED || this == ESCALATED;
    }
}
