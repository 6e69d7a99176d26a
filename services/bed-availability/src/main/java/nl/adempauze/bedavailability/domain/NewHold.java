package nl.adempauze.bedavailability.domain;

import java.time.Instant;
import nl.adempauze.contracts.events.BedHeld;
import nl.adempauze.contracts.events.BedHoldRefused;
import nl.adempauze.contracts.events.HoldRequested;
import nl.adempauze.platform.domain.Changed;

/**
 * How a hold comes to be, for an offer's hold request: held (free now, or a stay on the calendar) or refused, each
 * with the event that tells matching; or, when the offer ended before its hold request arrived, a released marker
 * so that the late request holds nothing.
 */
public final class NewHold {

    private NewHold() {
    }

    /** The stay a request asks for on the calendar; a stay without a number of nights is one night. */
    public static StayRequest stayOf(HoldRequested requested) {
        return new StayRequest(requested.firstNight(), nightsOf(requested), "PLANNED".equals(requested.urgency()),
                requested.protectionOverride());
    }

    /** One bed of the location's current figure was taken for the offer. */
    public static Changed<Hold> freeNow(HoldRequested requested, Instant now) {
        return Changed.of(hold(requested, HoldStatus.HELD, null, now),
                new BedHeld(requested.offerId(), requested.requestId(), requested.locationId(), requested.careType(),
                        null, null, 0, 0, now));
    }

    /** A bed was taken on every night of the stay, each the way {@code decision} says. */
    public static Changed<Hold> stay(HoldRequested requested, StayDecision decision, Instant now) {
        StayRequest stay = stayOf(requested);
        return Changed.of(hold(requested, HoldStatus.HELD, null, now),
                new BedHeld(requested.offerId(), requested.requestId(), requested.locationId(), requested.careType(),
                        stay.firstNight(), stay.nights(), decision.count(NightTake.RELEASED),
                        decision.count(NightTake.OVERRIDDEN), now));
    }

    /** No bed was taken: the refusal is kept (with the stay that was asked for, if any) and announced. */
    public static Changed<Hold> refused(HoldRequested requested, HoldRefusal refusal, Instant now) {
        return Changed.of(hold(requested, HoldStatus.REFUSED, refusal.name(), now),
                new BedHoldRefused(requested.offerId(), requested.requestId(), requested.locationId(),
                        requested.careType(), refusal.name(), now));
    }

    /** The offer ended before its hold request arrived: a released hold that took nothing, announced to nobody. */
    public static Hold releasedBeforeRequested(String offerId, String requestId, String locationId, String careType,
                                               String reason, Instant now) {
        return new Hold(offerId, requestId, locationId, careType, null, null, null, HoldStatus.RELEASED, reason, now,
                now);
    }

    private static Hold hold(HoldRequested requested, HoldStatus status, String reason, Instant now) {
        boolean onCalendar = requested.firstNight() != null;
        return new Hold(requested.offerId(), requested.requestId(), requested.locationId(), requested.careType(),
                requested.urgency(), requested.firstNight(), onCalendar ? nightsOf(requested) : null, status, reason,
                now, now);
    }

    private static int nightsOf(HoldRequested requested) {
        return requested.nights() == null ? 1 : requested.nights();
    }
}
