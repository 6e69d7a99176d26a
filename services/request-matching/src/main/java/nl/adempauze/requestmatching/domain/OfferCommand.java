package nl.adempauze.requestmatching.domain;

/** What can happen to an offer; {@link OfferLifecycle#TABLE} says in which status each is allowed. */
public enum OfferCommand {
    /** Bed-availability held the bed: the provider gets the offer with a response deadline. */
    BED_HELD,
    /** Bed-availability could not hold the bed (taken meanwhile, closed). */
    REFUSE_HOLD,
    /** Bed-availability never answered the hold request in time. */
    WITHDRAW_UNANSWERED_HOLD,
    /** The provider accepts. */
    ACCEPT,
    /** The provider declines, with a reason. */
    DECLINE,
    /** The response deadline passed without an answer. */
    EXPIRE,
    /** The offer in flight gives way to another location (a coordinator chose one by hand). */
    WITHDRAW,
    /** The request was cancelled: its offer in flight, or its accepted one, is withdrawn. */
    WITHDRAW_FOR_CANCELLED_REQUEST
}
