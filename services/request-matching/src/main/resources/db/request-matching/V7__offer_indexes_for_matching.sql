-- The offer table grows with every request; what matching reads of it on every search must not grow with it.

-- A request's offers (the locations already tried, on every search; the offers shown with the request): by request,
-- not by reading every offer ever made (offer_one_in_flight covers only the offers in flight).
CREATE INDEX offer_request ON offer (request_id, created_at);

-- A candidate's recent acceptance, counted per location on every search (ReplicaRepository.candidates and
-- calendarCandidates): a range over the answer time within the acceptance window, read from the index alone, not
-- every answer the location ever gave (offer_location finds them all and leaves the time to a filter on the rows).
-- Only answered offers are indexed, so an offer in flight adds no entries; the conditions are the queries' own, and
-- the second index carries the columns of its expression so that it, too, needs no visit to the table.
CREATE INDEX offer_location_accepted ON offer (location_id, answered_at) WHERE status = 'ACCEPTED';
CREATE INDEX offer_location_answered ON offer (location_id, (coalesce(answered_at, respond_by)))
    INCLUDE (answered_at, respond_by) WHERE status IN ('ACCEPTED', 'DECLINED', 'EXPIRED');
