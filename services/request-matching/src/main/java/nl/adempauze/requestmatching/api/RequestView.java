package nl.adempauze.requestmatching.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import nl.adempauze.requestmatching.domain.Contact;
import nl.adempauze.requestmatching.domain.CoordinatorDecision;
import nl.adempauze.requestmatching.domain.CrisisQueueEntry;
import nl.adempauze.requestmatching.domain.Escalation;
import nl.adempauze.requestmatching.domain.LocationSummary;
import nl.adempauze.requestmatching.domain.MatchingRequest;
import nl.adempauze.requestmatching.domain.Offer;
import nl.adempauze.requestmatching.domain.PatientDetails;
import nl.adempauze.requestmatching.domain.RankedCandidate;
import nl.adempauze.requestmatching.domain.RequestDetails;
import nl.adempauze.requestmatching.domain.RequestNote;
import nl.adempauze.requestmatching.domain.RequestStatus;
import nl.adempauze.requestmatching.domain.RequestTriage;
import nl.adempauze.requestmatching.domain.Stay;

/**
 * A request as its referrer (or a coordinator) sees it: status, current offer, match or booking, ranking,
 * escalations, the stay asked for, its place on the waiting list, the coordinator's decisions, and whether a handover
 * (aanmeldbericht) was given ({@code handoverAvailable}; the handover itself has its own endpoint). The call-back
 * contact, the patient's identifying details and the {@code notes} written with the reasons (reasons themselves are
 * codes) only in the view of one request, to those who may see them (each such read is audited); lists leave them
 * out.
 */
public record RequestView(String id, String status, String region, String careType, String urgency,
                          List<String> needs, String postcode, String municipality, String funder,
                          Contact contact, Instant neededBy, Instant submittedAt, Instant updatedAt,
                          OfferView currentOffer, Match match, List<RankedCandidate> ranking,
                          List<OfferView> offers, List<Escalation> escalations, String cancelReason,
                          StayView stay, Waiting waiting, List<CoordinatorDecision> decisions,
                          String referrerOrganisation,
                          PatientDetails patient, Queue queue, boolean handoverAvailable, RequestTriage triage,
                          List<RequestNote> notes) {

    /** Statuses in which the view shows where the patient goes. */
    private static final Set<RequestStatus> SHOWS_MATCH =
            EnumSet.of(RequestStatus.MATCHED, RequestStatus.BOOKED, RequestStatus.ADMITTED);

    /** The view of a request, without anything identifying (see {@link #withIdentifyingDetails}). */
    static RequestView of(RequestDetails details, Instant now) {
        MatchingRequest request = details.request();
        Offer matched = details.matchedOffer();
        Match match = matched == null || details.matchedLocation() == null || !SHOWS_MATCH.contains(request.status())
                ? null : Match.of(request, matched, details.matchedLocation());
        Offer current = details.currentOffer();
        Waiting waiting = details.waitingPosition() == null ? null : new Waiting(request.planning().waitingSince(),
                request.planning().priority(), details.waitingPosition());
        return new RequestView(request.id(), request.status().name(), request.region(), request.careType(),
                request.urgency().name(), request.needs(), request.postcode(), request.municipality(),
                request.funder(), null, request.neededBy(), request.submittedAt(), request.updatedAt(),
                current == null ? null : OfferView.of(current), match, details.ranking(),
                details.offers().stream().map(OfferView::of).toList(), details.escalations(), request.cancelReason(),
                StayView.of(request, details.series()), waiting, details.decisions(), request.referrerOrganisation(),
                null, Queue.of(request, details.crisisQueue(), now), false, null, List.of());
    }

    /**
     * The same view with who the patient is, whom to call back and the notes written with its reasons: only in the
     * (audited) view of one request.
     */
    RequestView withIdentifyingDetails(Contact callBack, PatientDetails details, List<RequestNote> written) {
        return new RequestView(id, status, region, careType, urgency, needs, postcode, municipality, funder, callBack,
                neededBy, submittedAt, updatedAt, currentOffer, match, ranking, offers, escalations, cancelReason, stay,
                waiting, decisions, referrerOrganisation, details, queue, handoverAvailable, triage, written);
    }

    /** The same view saying whether a handover was given (never what it holds: see its own audited endpoint). */
    RequestView withHandoverAvailable(boolean available) {
        return new RequestView(id, status, region, careType, urgency, needs, postcode, municipality, funder, contact,
                neededBy, submittedAt, updatedAt, currentOffer, match, ranking, offers, escalations, cancelReason, stay,
                waiting, decisions, referrerOrganisation, patient, queue, available, triage, notes);
    }

    /** The same view with the triage that came with the request (codes and the table's texts, nothing identifying). */
    RequestView withTriage(RequestTriage requestTriage) {
        return new RequestView(id, status, region, careType, urgency, needs, postcode, municipality, funder, contact,
                neededBy, submittedAt, updatedAt, currentOffer, match, ranking, offers, escalations, cancelReason, stay,
                waiting, decisions, referrerOrganisation, patient, queue, handoverAvailable, requestTriage, notes);
    }

    /**
     * The stay on the calendar: what was asked (first night or weekend month, nights, flexibility), and for a
     * recurring stay the series and its occurrences' request ids. Null for a free-now request without nights.
     */
    public record StayView(LocalDate firstNight, Integer nights, Integer flexibleDays, String weekendIn,
                           LocalDate latestFirstNight, String seriesId, List<String> series) {

        static StayView of(MatchingRequest request, List<String> series) {
            MatchingRequest.Planning planning = request.planning();
            Stay stay = planning.stay();
            if (stay == null) {
                return planning.nights() == null ? null
                        : new StayView(null, planning.nights(), null, null, null, null, List.of());
            }
            return new StayView(stay.firstNight(), stay.nights(), stay.flexibleDays(),
                    stay.weekendIn() == null ? null : stay.weekendIn().toString(), stay.latestFirstNight(),
                    planning.seriesId(), series);
        }
    }

    /**
     * Its time in the crisis queue, if it was ever there: since when, whether a coordinator paused the re-matching
     * (and why), whether it is still queued, the whole minutes spent there (until now, or until it was placed or
     * left), and when it was placed from the queue, after how many minutes.
     */
    public record Queue(Instant since, boolean queued, boolean paused, String pausedReason, long minutesInQueue,
                        Long placedAfterQueueMinutes) {

        static Queue of(MatchingRequest request, CrisisQueueEntry entry, Instant now) {
            if (entry == null) {
                return null;
            }
            // a request that closed without leaving the queue (cancelled) stopped counting when it closed
            long minutes = entry.minutesInQueue(RequestStatus.OPEN.contains(request.status()) ? now
                    : request.updatedAt());
            return new Queue(entry.since(), entry.inQueue() && RequestStatus.OPEN.contains(request.status()),
                    entry.paused(), entry.pausedReason(), minutes,
                    entry.placedAt() != null ? minutes : null);
        }
    }

    /** A waiting request's standing: since when it waits, priority raises, and its place in line (1 = next). */
    public record Waiting(Instant since, int priority, int position) {
    }

    /**
     * An offer of the request; {@code locationRegion} is the location's region, and {@code outsideRegion} says it is
     * a neighbour region's (offered because the own region had no candidate: "buiten de regio").
     */
    public record OfferView(String id, String locationId, String providerId, String status, int rank,
                            String explanation, String reason, Instant respondBy, Instant offeredAt, Instant answeredAt,
                            LocalDate firstNight, Integer nights, String locationRegion, boolean outsideRegion) {

        static OfferView of(Offer offer) {
            return new OfferView(offer.id(), offer.locationId(), offer.providerId(), offer.status().name(),
                    offer.rank(), offer.explanation(), offer.reason(), offer.respondBy(), offer.offeredAt(),
                    offer.answeredAt(), offer.firstNight(), offer.nights(), offer.regionOfLocation(),
                    offer.outsideRegion());
        }
    }

    /** Where the patient goes, shown once an offer was accepted; for a stay on the calendar, with its nights. */
    public record Match(String offerId, String locationId, String locationName, String providerName, String street,
                        String postcode, String city, Instant expectedAdmissionAt, LocalDate firstNight,
                        Integer nights) {

        static Match of(MatchingRequest request, Offer offer, LocationSummary location) {
            return new Match(request.matchedOfferId(), location.id(), location.name(), location.providerName(),
                    location.street(), location.postcode(), location.city(), request.expectedAdmissionAt(),
                    offer.firstNight(), offer.nights());
        }
    }
}
