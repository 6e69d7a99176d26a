package nl.adempauze.requestmatching.application;

import java.util.Collection;
import nl.adempauze.platform.security.Caller;
import nl.adempauze.platform.security.Role;
import nl.adempauze.requestmatching.domain.MatchingRequest;
import nl.adempauze.requestmatching.domain.Offer;
import nl.adempauze.requestmatching.domain.OfferStatus;

/**
 * Who may do what with requests and offers (docs/SECURITY.md). The role is judged first: a role that may never do
 * something is {@link Verdict#FORBIDDEN} whether or not the thing exists. Then ownership: someone else's request or
 * offer is {@link Verdict#HIDDEN} (answered as not found, so its existence is not revealed); someone else's region
 * board or location inbox, which are no secret, is {@link Verdict#FORBIDDEN}.
 */
public final class RequestAccess {

    public enum Verdict { ALLOWED, FORBIDDEN, HIDDEN }

    private RequestAccess() {
    }

    /** A referrer for its own organisation; a coordinator for a region of theirs, naming any referrer organisation. */
    public static Verdict submit(Caller caller, String region, String namedReferrerOrganisation) {
        if (caller.coordinates(region)) {
            return Verdict.ALLOWED;
        }
        if (caller.is(Role.REFERRER) && (namedReferrerOrganisation == null
                || namedReferrerOrganisation.equals(caller.organisation()))) {
            return Verdict.ALLOWED;
        }
        return Verdict.FORBIDDEN;
    }

    /** "My requests": a referrer's own organisation's. */
    public static Verdict listOwn(Caller caller) {
        return caller.is(Role.REFERRER) && caller.organisation() != null ? Verdict.ALLOWED : Verdict.FORBIDDEN;
    }

    /** Whether the caller's role ever follows requests (referrers and coordinators), before any is looked up. */
    public static Verdict mayFollowRequests(Caller caller) {
        return caller.is(Role.REFERRER) || caller.is(Role.COORDINATOR) ? Verdict.ALLOWED : Verdict.FORBIDDEN;
    }

    /** Read, cancel or correct a request (and see its patient's details): its referrer organisation or region. */
    public static Verdict follow(Caller caller, MatchingRequest request) {
        if (mayFollowRequests(caller) == Verdict.FORBIDDEN) {
            return Verdict.FORBIDDEN;
        }
        return caller.refersFor(request.referrerOrganisation()) || caller.coordinates(request.region())
                ? Verdict.ALLOWED : Verdict.HIDDEN;
    }

    /**
     * Across the border: a coordinator of a neighbour region reads (only reads, without who the patient is) a request
     * of another region while an offer to a location of theirs is current (in flight or accepted).
     */
    public static Verdict followAcrossBorder(Caller caller, Collection<Offer> offersOfRequest) {
        return caller.is(Role.COORDINATOR) && offersOfRequest.stream().anyMatch(offer -> offer.outsideRegion() && offer.status().current()
                && caller.coordinates(offer.regionOfLocation())) ? Verdict.ALLOWED : Verdict.HIDDEN;
    }

    /** Whether the caller's role ever makes coordinator decisions, before any request is looked up. */
    public static Verdict mayDecide(Caller caller) {
        return caller.is(Role.COORDINATOR) ? Verdict.ALLOWED : Verdict.FORBIDDEN;
    }

    /** Protection override and waiting-list priority: coordinators of the request's region. */
    public static Verdict decide(Caller caller, MatchingRequest request) {
        if (mayDecide(caller) == Verdict.FORBIDDEN) {
            return Verdict.FORBIDDEN;
        }
        return caller.coordinates(request.region()) ? Verdict.ALLOWED : Verdict.HIDDEN;
    }

    /** The region's triage questions and advice: referrers (who may submit anywhere) and the region's coordinators. */
    public static Verdict triage(Caller caller, String region) {
        return caller.is(Role.REFERRER) || caller.coordinates(region) ? Verdict.ALLOWED : Verdict.FORBIDDEN;
    }

    /** The region's requests, escalations and waiting list: its coordinators. */
    public static Verdict regionBoard(Caller caller, String region) {
        return caller.coordinates(region) ? Verdict.ALLOWED : Verdict.FORBIDDEN;
    }

    /** The region's figures (no patient in them): its coordinators and admins. */
    public static Verdict figures(Caller caller, String region) {
        return caller.coordinates(region) || caller.is(Role.ADMIN) ? Verdict.ALLOWED : Verdict.FORBIDDEN;
    }

    /** A location's offers: its provider and the coordinators of its region. */
    public static Verdict locationInbox(Caller caller, String providerId, String region) {
        return caller.providesFor(providerId) || caller.coordinates(region) ? Verdict.ALLOWED : Verdict.FORBIDDEN;
    }

    /** Whether the caller's role ever sees offers (providers and coordinators), before any is looked up. */
    public static Verdict mayViewOffers(Caller caller) {
        return caller.is(Role.PROVIDER) || caller.is(Role.COORDINATOR) ? Verdict.ALLOWED : Verdict.FORBIDDEN;
    }

    /** One offer: the provider it was made to and the coordinators of the request's and the location's region. */
    public static Verdict viewOffer(Caller caller, Offer offer) {
        if (mayViewOffers(caller) == Verdict.FORBIDDEN) {
            return Verdict.FORBIDDEN;
        }
        return caller.providesFor(offer.providerId()) || caller.coordinates(offer.region())
                || caller.coordinates(offer.regionOfLocation()) ? Verdict.ALLOWED : Verdict.HIDDEN;
    }

    /** Whether the caller's role ever answers offers (providers), before any is looked up. */
    public static Verdict mayAnswerOffers(Caller caller) {
        return caller.is(Role.PROVIDER) ? Verdict.ALLOWED : Verdict.FORBIDDEN;
    }

    /** Accept or decline: only the provider the offer was made to. */
    public static Verdict answerOffer(Caller caller, Offer offer) {
        if (mayAnswerOffers(caller) == Verdict.FORBIDDEN) {
            return Verdict.FORBIDDEN;
        }
        return caller.providesFor(offer.providerId()) ? Verdict.ALLOWED : Verdict.HIDDEN;
    }

    /** The provider sees who comes only once it has accepted the offer. */
    public static boolean providerSeesPatient(Caller caller, Offer offer) {
        return caller.providesFor(offer.providerId()) && offer.status() == OfferStatus.ACCEPTED;
    }

    /**
     * An offer's handover: only the provider the offer was made to, while it is open (to judge it) or accepted; an
     * offer not (yet) made, or ended (declined, expired, withdrawn), is {@link Verdict#HIDDEN}.
     */
    public static Verdict offerHandover(Caller caller, Offer offer) {
        if (mayAnswerOffers(caller) == Verdict.FORBIDDEN) {
            return Verdict.FORBIDDEN;
        }
        return caller.providesFor(offer.providerId())
                && (offer.status() == OfferStatus.OPEN || offer.status() == OfferStatus.ACCEPTED)
                ? Verdict.ALLOWED : Verdict.HIDDEN;
    }

    /** The audit trail: admins. */
    public static Verdict audit(Caller caller) {
        return caller.is(Role.ADMIN) ? Verdict.ALLOWED : Verdict.FORBIDDEN;
    }

    /** Re-sealing the stored identifying details with the active key (they are not shown): admins. */
    public static Verdict rotateKeys(Caller caller) {
        return caller.is(Role.ADMIN) ? Verdict.ALLOWED : Verdict.FORBIDDEN;
    }
}
