CREATE TABLE region (
    id                        TEXT PRIMARY KEY,
    name                      TEXT    NOT NULL,
    freshness_window_minutes  INTEGER NOT NULL CHECK (freshness_window_minutes > 0)
);

-- The care-type catalogue is data per region, not an enum: regions differ.
CREATE TABLE care_type (
    region_id        TEXT NOT NULL REFERENCES region (id),
    code             TEXT NOT NULL,
    name             TEXT NOT NULL,
    funding_stream   TEXT NOT NULL,
    default_urgency  TEXT NOT NULL,
    PRIMARY KEY (region_id, code)
);

CREATE TABLE location (
    id             TEXT PRIMARY KEY,
    region_id      TEXT             NOT NULL REFERENCES region (id),
    provider_id    TEXT             NOT NULL,
    provider_name  TEXT             NOT NULL,
    name           TEXT             NOT NULL,
    street         TEXT             NOT NULL,
    postcode       TEXT             NOT NULL,
    city           TEXT             NOT NULL,
    municipality   TEXT             NOT NULL,
    latitude       DOUBLE PRECISION NOT NULL,
    longitude      DOUBLE PRECISION NOT NULL,
    features       TEXT[]           NOT NULL DEFAULT '{}',
    open           BOOLEAN          NOT NULL DEFAULT TRUE,
    closed_reason  TEXT,
    updated_at     TIMESTAMPTZ      NOT NULL
);
CREATE INDEX location_region ON location (region_id);

-- Which funders a location serves, for which care types.
CREATE TABLE funder_contract (
    location_id  TEXT NOT NULL REFERENCES location (id),
    funder       TEXT NOT NULL,
    care_type    TEXT NOT NULL,
    PRIMARY KEY (location_id, funder, care_type)
);

-- free_beds: unoccupied beds as last published (or adjusted by admissions and discharges);
-- held_beds: of those, beds held for open or accepted offers. The CHECK is the last line of defence
-- against double booking: no transaction can commit more holds than free beds.
CREATE TABLE capacity (
    location_id   TEXT        NOT NULL REFERENCES location (id),
    care_type     TEXT        NOT NULL,
    free_beds     INTEGER     NOT NULL,
    held_beds     INTEGER     NOT NULL DEFAULT 0,
    version       BIGINT      NOT NULL,
    published_at  TIMESTAMPTZ NOT NULL,
    adjusted_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (location_id, care_type),
    CONSTRAINT capacity_never_overbooked CHECK (free_beds >= 0 AND held_beds >= 0 AND held_beds <= free_beds)
);

-- One hold per offer; its status walks HELD -> ACCEPTED -> ADMITTED -> DISCHARGED, or ends RELEASED / REFUSED.
CREATE TABLE hold (
    offer_id     TEXT PRIMARY KEY,
    request_id   TEXT        NOT NULL,
    location_id  TEXT        NOT NULL,
    care_type    TEXT        NOT NULL,
    status       TEXT        NOT NULL,
    reason       TEXT,
    created_at   TIMESTAMPTZ NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX hold_location ON hold (location_id, care_type, status);
