package nl.adempauze.requestmatching.domain;

import static nl.adempauze.requestmatching.domain.OfferCommand.ACCEPT;
import static nl.adempauze.requestmatching.domain.OfferCommand.BED_HELD;
import static nl.adempauze.requestmatching.domain.OfferCommand.DECLINE;
import static nl.adempauze.requestmatching.domain.OfferCommand.EXPIRE;
import static nl.adempauze.requestmatching.domain.OfferCommand.REFUSE_HOLD;
import static nl.adempauze.requestmatching.domain.OfferCommand.WITHDRAW;
import static nl.adempauze.requestmatching.domain.OfferCommand.WITHDRAW_FOR_CANCELLED_REQUEST;
import static nl.adempauze.requestmatching.domain.OfferCommand.WITHDRAW_UNANSWERED_HOLD;
import static nl.adempauze.requestmatching.domain.OfferStatus.ACCEPTED;
import static nl.adempauze.requestmatching.domain.OfferStatus.DECLINED;
import static nl.adempauze.requestmatching.domain.OfferStatus.EXPIRED;
import static nl.adempauze.requestmatching.domain.OfferStatus.HOLD_REFUSED;
import static nl.adempauze.requestmatching.domain.OfferStatus.HOLD_REQUESTED;
import static nl.adempauze.requestmatching.domain.OfferStatus.OPEN;
import static nl.adempauze.requestmatching.domain.OfferStatus.WITHDRAWN;

import nl.adempauze.platform.domain.TransitionTable;

/**
 * The life of an offer in one table: a hold is requested (the offer is born HOLD_REQUESTED), the held bed offered,
 * then answered, expired or withdrawn. Every other (status, command) pair is refused.
 */
public final class OfferLifecycle {

    public static final TransitionTable<OfferStatus, OfferCommand> TABLE =
            TransitionTable.of("Offer", OfferStatus.class, OfferCommand.class)
                    .allow(BED_HELD, OPEN, HOLD_REQUESTED)
                    .allow(REFUSE_HOLD, HOLD_REFUSED, HOLD_REQUESTED)
                    .allow(WITHDRAW_UNANSWERED_HOLD, WITHDRAWN, HOLD_REQUESTED)
                    .allow(ACCEPT, ACCEPTED, OPEN)
                    .allow(DECLINE, DECLINED, OPEN)
                    .allow(EXPIRE, EXPIRED, OPEN)
                    .allow(WITHDRAW, WITHDRAWN, HOLD_REQUESTED, OPEN)
                    .allow(WITHDRAW_FOR_CANCELLED_REQUEST, WITHDRAWN, HOLD_REQUESTED, OPEN, ACCEPTED)
                    .build();

    private OfferLifecycle() {
    }
}
