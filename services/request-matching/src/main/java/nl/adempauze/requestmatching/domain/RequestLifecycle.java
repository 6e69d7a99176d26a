package nl.adempauze.requestmatching.domain;

import static nl.adempauze.requestmatching.domain.RequestCommand.ADMIT;
import static nl.adempauze.requestmatching.domain.RequestCommand.AWAIT_TRIAGE;
import static nl.adempauze.requestmatching.domain.RequestCommand.BOOK;
import static nl.adempauze.requestmatching.domain.RequestCommand.CANCEL;
import static nl.adempauze.requestmatching.domain.RequestCommand.DISCHARGE;
import static nl.adempauze.requestmatching.domain.RequestCommand.ESCALATE;
import static nl.adempauze.requestmatching.domain.RequestCommand.MATCH;
import static nl.adempauze.requestmatching.domain.RequestCommand.OFFER;
import static nl.adempauze.requestmatching.domain.RequestCommand.OFFER_BY_HAND;
import static nl.adempauze.requestmatching.domain.RequestCommand.LEAVE_QUEUE;
import static nl.adempauze.requestmatching.domain.RequestCommand.OVERRIDE_PROTECTION;
import static nl.adempauze.requestmatching.domain.RequestCommand.PAUSE_QUEUE;
import static nl.adempauze.requestmatching.domain.RequestCommand.RAISE_PRIORITY;
import static nl.adempauze.requestmatching.domain.RequestCommand.REMATCH;
import static nl.adempauze.requestmatching.domain.RequestCommand.REMIND;
import static nl.adempauze.requestmatching.domain.RequestCommand.REQUEST_HOLD;
import static nl.adempauze.requestmatching.domain.RequestCommand.SET_CARE_TYPE;
import static nl.adempauze.requestmatching.domain.RequestCommand.RESUME_QUEUE;
import static nl.adempauze.requestmatching.domain.RequestCommand.RETRY_FROM_QUEUE;
import static nl.adempauze.requestmatching.domain.RequestCommand.WAITLIST;
import static nl.adempauze.requestmatching.domain.RequestCommand.WARN_DEADLINE;
import static nl.adempauze.requestmatching.domain.RequestCommand.WARN_OVERRUN;
import static nl.adempauze.requestmatching.domain.RequestStatus.ADMITTED;
import static nl.adempauze.requestmatching.domain.RequestStatus.AWAITING_TRIAGE;
import static nl.adempauze.requestmatching.domain.RequestStatus.BOOKED;
import static nl.adempauze.requestmatching.domain.RequestStatus.CANCELLED;
import static nl.adempauze.requestmatching.domain.RequestStatus.DISCHARGED;
import static nl.adempauze.requestmatching.domain.RequestStatus.ESCALATED;
import static nl.adempauze.requestmatching.domain.RequestStatus.MATCHED;
import static nl.adempauze.requestmatching.domain.RequestStatus.OFFERED;
import static nl.adempauze.requestmatching.domain.RequestStatus.SUBMITTED;
import static nl.adempauze.requestmatching.domain.RequestStatus.WAITING;

import nl.adempauze.platform.domain.TransitionTable;

/**
 * The life of a request in one table. While it looks for a bed (SUBMITTED, OFFERED, WAITING, ESCALATED) it is
 * matched again and again; an accepted offer matches or books it; the provider then admits and discharges the
 * patient; until admission it can be cancelled. A request submitted without a care type the triage could not settle
 * awaits triage until the coordinator sets one, and may be re-triaged while it looks for a bed. The coordinator's decisions and the clocks' warnings keep the status
 * (the table lists them so that they, too, are allowed only where they make sense). Every other pair is refused.
 */
public final class RequestLifecycle {

    public static final TransitionTable<RequestStatus, RequestCommand> TABLE = build();

    private RequestLifecycle() {
    }

    private static TransitionTable<RequestStatus, RequestCommand> build() {
        TransitionTable.Builder<RequestStatus, RequestCommand> table =
                TransitionTable.of("Request", RequestStatus.class, RequestCommand.class)
                        .allow(REQUEST_HOLD, SUBMITTED, SUBMITTED, OFFERED, WAITING, ESCALATED)
                        .allow(OFFER, OFFERED, SUBMITTED)
                        .allow(MATCH, MATCHED, OFFERED)
                        .allow(BOOK, BOOKED, OFFERED)
                        .allow(WAITLIST, WAITING, SUBMITTED, OFFERED, WAITING, ESCALATED)
                        .allow(ESCALATE, ESCALATED, SUBMITTED, OFFERED, WAITING, ESCALATED)
                        .allow(ADMIT, ADMITTED, MATCHED, BOOKED)
                        .allow(DISCHARGE, DISCHARGED, ADMITTED)
                        .allow(CANCEL, CANCELLED, SUBMITTED, OFFERED, WAITING, MATCHED, BOOKED, ESCALATED,
                                AWAITING_TRIAGE)
                        // without a care type the coordinator decides; setting or changing it starts matching afresh
                        .allow(AWAIT_TRIAGE, AWAITING_TRIAGE, SUBMITTED)
                        .allow(SET_CARE_TYPE, SUBMITTED, AWAITING_TRIAGE, SUBMITTED, OFFERED, WAITING, ESCALATED);
        keeps(table, REMATCH, WAITING);
        keeps(table, OVERRIDE_PROTECTION, SUBMITTED, OFFERED, ESCALATED);
        keeps(table, RAISE_PRIORITY, WAITING);
        keeps(table, OFFER_BY_HAND, SUBMITTED, OFFERED, WAITING, ESCALATED);
        keeps(table, WARN_DEADLINE, SUBMITTED, OFFERED, WAITING);
        keeps(table, REMIND, BOOKED);
        keeps(table, WARN_OVERRUN, ADMITTED);
        // the crisis queue holds escalated crisis requests only
        keeps(table, RETRY_FROM_QUEUE, ESCALATED);
        keeps(table, PAUSE_QUEUE, ESCALATED);
        keeps(table, RESUME_QUEUE, ESCALATED);
        keeps(table, LEAVE_QUEUE, ESCALATED);
        return table.build();
    }

    /** {@code command} is allowed in each of {@code statuses} and leaves the status as it is. */
    private static void keeps(TransitionTable.Builder<RequestStatus, RequestCommand> table, RequestCommand command,
                              RequestStatus... statuses) {
        for (RequestStatus status : statuses) {
            table.allow(command, status, status);
        }
    }
}
