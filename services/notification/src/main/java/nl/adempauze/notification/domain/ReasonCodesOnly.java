package nl.adempauze.notification.domain;

import java.util.regex.Pattern;
import nl.adempauze.contracts.events.LocationRegistered;
import nl.adempauze.contracts.events.LocationStatusChanged;
import nl.adempauze.contracts.events.OfferDeclined;
import nl.adempauze.contracts.events.ProtectionOverridden;
import nl.adempauze.contracts.events.RequestCancelled;
import nl.adempauze.contracts.events.WaitingPriorityRaised;

/**
 * Reasons reach webhooks and the live stream as codes only. Events written before reasons were codes (or by a
 * service not yet upgraded) may hold words a person typed, which could name a patient: those are passed on as
 * {@code OTHER}, never as they are.
 */
public final class ReasonCodesOnly {

    static final String OTHER = "OTHER";
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");

    private ReasonCodesOnly() {
    }

    /** The payload as it may be passed on: the same, or a copy whose free-text reason became OTHER. */
    public static Object of(Object payload) {
        if (payload instanceof OfferDeclined e && !isCode(e.reason())) {
            return new OfferDeclined(e.offerId(), e.requestId(), e.region(), e.locationId(), e.providerId(),
                    e.careType(), OTHER, e.declinedAt());
        }
        if (payload instanceof RequestCancelled e && !isCode(e.reason())) {
            return new RequestCancelled(e.requestId(), e.region(), OTHER, e.cancelledAt());
        }
        if (payload instanceof ProtectionOverridden e && !isCode(e.reason())) {
            return new ProtectionOverridden(e.requestId(), e.region(), e.careType(), OTHER, e.overriddenAt());
        }
        if (payload instanceof WaitingPriorityRaised e && !isCode(e.reason())) {
            return new WaitingPriorityRaised(e.requestId(), e.region(), e.careType(), e.priority(), OTHER,
                    e.raisedAt());
        }
        if (payload instanceof LocationStatusChanged e && !isCode(e.reason())) {
            return new LocationStatusChanged(e.locationId(), e.region(), e.open(), OTHER, e.changedAt());
        }
        if (payload instanceof LocationRegistered e && !isCode(e.closedReason())) {
            return new LocationRegistered(e.locationId(), e.region(), e.providerId(), e.providerName(), e.name(),
                    e.address(), e.municipality(), e.latitude(), e.longitude(), e.features(), e.careTypes(),
                    e.contracts(), e.open(), OTHER, e.registeredAt());
        }
        return payload;
    }

    /** Absent, or a code. */
    private static boolean isCode(String reason) {
        return reason == null || CODE.matcher(reason).matches();
    }
}
