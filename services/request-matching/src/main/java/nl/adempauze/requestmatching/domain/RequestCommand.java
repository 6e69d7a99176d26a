package nl.adempauze.requestmatching.domain;

/** What can happen to a request; {@link RequestLifecycle#TABLE} says in which status each is allowed. */
public enum RequestCommand {
    /** A hold is requested on the best candidate: the request is (again) being matched. */
    REQUEST_HOLD,
    /** The held bed is offered to its provider. */
    OFFER,
    /** The provider accepted a bed free now (or a crisis stay): the patient has a bed. */
    MATCH,
    /** The provider accepted a planned stay: its nights are booked. */
    BOOK,
    /** No location can take a planned stay yet: it waits on the waiting list. */
    WAITLIST,
    /** No candidate is left (or a planned stay's dates have all begun): the on-call coordinator must act. */
    ESCALATE,
    /** A bed appeared: a new round for a waiting request, in which locations refused before may be tried again. */
    REMATCH,
    /** The provider confirmed the patient arrived. */
    ADMIT,
    /** The patient left the bed again. */
    DISCHARGE,
    /** The referrer (or a coordinator) cancels the request. */
    CANCEL,
    /** A coordinator lets a crisis request take nights protected for planned respite. */
    OVERRIDE_PROTECTION,
    /** A coordinator moves a waiting request up the waiting list. */
    RAISE_PRIORITY,
    /** A coordinator offers the bed of a location chosen from the ranking (matching by hand). */
    OFFER_BY_HAND,
    /** The admission deadline is near and no bed is matched or booked yet: the coordinator is warned once. */
    WARN_DEADLINE,
    /** A booked stay begins soon: the provider and referrer are reminded once. */
    REMIND,
    /** An admitted crisis stay is about to outlast the nights it holds: the coordinator is warned once. */
    WARN_OVERRUN,
    /** Something fitting appeared for a crisis request in the crisis queue: a new round, matched by itself. */
    RETRY_FROM_QUEUE,
    /** A coordinator pauses the crisis queue's re-matching for one request, with a reason. */
    PAUSE_QUEUE,
    /** A coordinator lets the crisis queue re-match the request again. */
    RESUME_QUEUE,
    /** A queued crisis request's admission deadline passed: it leaves the queue, and the coordinator is told. */
    LEAVE_QUEUE,
    /** The triage did not settle the care type of a request submitted without one: the coordinator is asked. */
    AWAIT_TRIAGE,
    /** A coordinator sets (or changes: re-triage) the care type; the request is matched (again) with it. */
    SET_CARE_TYPE
}
