package nl.adempauze.notification.domain;

import nl.adempauze.platform.security.Role;

/**
 * Who may see one event. Decided once per event, from its own fields and, for the events of a request, from
 * what notification knows of that request:
 * <ul>
 *   <li>an event that concerns a request (it has a {@code requestId} field) is seen by the referrer organisation
 *       that submitted the request, by the provider the event names in {@code providerId}, and by coordinators of
 *       the event's region (the request's region if the event names none), and for an offer across the border also
 *       by coordinators of the location's region ({@code locationRegion}); nobody else;</li>
 *   <li>any other event (locations, capacity, region configuration) is the region's shared picture: seen by
 *       every referrer and provider, and by coordinators of its region;</li>
 *   <li>ADMIN sees nothing.</li>
 * </ul>
 * What is not known is not granted: a request notification has not heard of is seen by no referrer.
 *
 * @param concernsRequest      whether the event is about a request
 * @param region               the event's region
 * @param providerId           the provider the event names, if any
 * @param referrerOrganisation for a request's event, the organisation that submitted the request, if known
 * @param locationRegion       the location's region of an offer, if the event names one (a neighbour region when the
 *                             offer goes across the border)
 */
public record Audience(boolean concernsRequest, String region, String providerId, String referrerOrganisation,
                       String locationRegion) {

    /**
     * @param event   the event's scoped fields
     * @param request the request the event concerns, as notification knows it; null when unknown or not a
     *                request's event
     */
    public static Audience of(EventAttributes event, KnownRequest request) {
        boolean concernsRequest = event.has(EventAttributes.REQUEST_ID);
        String requestId = event.get(EventAttributes.REQUEST_ID);
        KnownRequest known = concernsRequest && request != null && requestId != null
                && requestId.equals(request.requestId()) ? request : null;
        String region = event.get(EventAttributes.REGION);
        if (region == null && known != null) {
            region = known.region();
        }
        return new Audience(concernsRequest, region, event.get(EventAttributes.PROVIDER_ID),
                known == null ? null : known.referrerOrganisation(), event.get(EventAttributes.LOCATION_REGION));
    }

    public boolean admits(Viewer viewer) {
        if (viewer == null) {
            return false;
        }
        if (viewer.is(Role.COORDINATOR)) {
            return viewer.coordinates(region) || viewer.coordinates(locationRegion);
        }
        if (!concernsRequest) {
            return viewer.is(Role.REFERRER) || viewer.is(Role.PROVIDER);
        }
        if (viewer.is(Role.REFERRER)) {
            return viewer.actsFor(Role.REFERRER, referrerOrganisation);
        }
        return viewer.actsFor(Role.PROVIDER, providerId);
    }
}
