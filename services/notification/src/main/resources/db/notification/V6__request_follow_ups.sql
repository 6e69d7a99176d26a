-- A referrer's wish, per request, to be told by e-mail and/or SMS when the request is placed or escalated (or, for
-- a planned request, booked and about to begin). The address stays here: it is never put in an event or a log.
CREATE TABLE request_follow_up (
    request_id            TEXT PRIMARY KEY,
    referrer_organisation TEXT        NOT NULL,
    email                 TEXT,
    phone                 TEXT,
    events                TEXT[]      NOT NULL,
    set_by                TEXT,
    updated_at            TIMESTAMPTZ NOT NULL,
    CHECK (email IS NOT NULL OR phone IS NOT NULL),
    CHECK (cardinality(events) > 0)
);

-- The name and postal address of each location, from LocationRegistered, so "geplaatst: <locatie>, <adres>" can be
-- written when a request is matched. Kept as the latest registration says.
CREATE TABLE known_location (
    location_id TEXT PRIMARY KEY,
    name        TEXT        NOT NULL,
    street      TEXT,
    postcode    TEXT,
    city        TEXT,
    updated_at  TIMESTAMPTZ NOT NULL
);

-- Follow-up messages are sent, retried and claimed exactly as page messages, so they share page_delivery: a row
-- belongs to a page (page_id, tier) or to the event it follows up (event_id). One message per event and channel,
-- so an event delivered twice sends once.
ALTER TABLE page_delivery
    ALTER COLUMN page_id DROP NOT NULL,
    ALTER COLUMN tier DROP NOT NULL,
    ADD COLUMN event_id TEXT,
    ADD CONSTRAINT page_delivery_page_or_follow_up CHECK ((page_id IS NULL) <> (event_id IS NULL)
        AND (page_id IS NULL) = (tier IS NULL));
CREATE UNIQUE INDEX page_delivery_follow_up ON page_delivery (event_id, channel) WHERE event_id IS NOT NULL;
