package nl.adempauze.requestmatching.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a request stands, as the referrer sees it; which status may follow which is {@link RequestLifecycle#TABLE}'s
 * to say.
 */
public enum RequestStatus {
    /** Accepted; a bed is being held for the best candidate. */
    SUBMITTED,
    /** A provider has an offer to answer. */
    OFFERED,
    /** A planned request no location can take yet: it waits on the waiting list and is offered when a bed frees. */
    WAITING,
    /** An offer was accepted: the patient has a bed. */
    MATCHED,
    /** The provider confirmed a planned stay: its nights are booked. */
    BOOKED,
    /** The provider confirmed the patient arrived. */
    ADMITTED,
    /** The patient left the bed again. */
    DISCHARGED,
    /** No candidate is left: the on-call coordinator must act. */
    ESCALATED,
    CANCELLED,
    /** Submitted without a care type, and the triage did not settle one: the region's coordinator sets it. */
    AWAITING_TRIAGE;

    /** Statuses in which the request still looks for a bed. */
    public static final Set<RequestStatus> OPEN = EnumSet.of(SUBMITTED, OFFERED, WAITING, ESCALATED);

    /** What the region's board shows by default: the open requests, and those awaiting triage. */
    public static final Set<RequestStatus> ON_BOARD = EnumSet.of(SUBMITTED, OFFERED, WAITING, ESCALATED,
            AWAITING_TRIAGE);

    /** Statuses a request never leaves: its identifying details are purged a while after it got there. */
    public static final Set<RequestStatus> CLOSED = EnumSet.of(CANCELLED, DISCHARGED);

    /** A request can be cancelled until the patient is admitted. */
    public boolean cancellable() {
        return RequestLifecycle.TABLE.allows(this, RequestCommand.CANCEL);
    }
}
