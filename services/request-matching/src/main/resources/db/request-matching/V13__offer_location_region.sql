-- Help across the border: an offer may go to a location of a neighbour region. The offer keeps the request's region
-- (region_id) and now also the location's (null in offers made before: the same as the request's).
ALTER TABLE offer ADD COLUMN location_region TEXT;
CREATE INDEX offer_location_region_in_flight ON offer (location_region, status) WHERE location_region IS NOT NULL;
