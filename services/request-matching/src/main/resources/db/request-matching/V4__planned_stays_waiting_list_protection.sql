-- Care-type rules as data: planned booking on the calendar, stay length, and the protection rule.
ALTER TABLE care_type_rule
    ADD COLUMN planned_booking        BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN min_stay_nights        INTEGER NOT NULL DEFAULT 1,
    ADD COLUMN max_stay_nights        INTEGER NOT NULL DEFAULT 366,
    ADD COLUMN protected_beds         INTEGER,
    ADD COLUMN protected_share        DOUBLE PRECISION,
    ADD COLUMN release_horizon_hours  INTEGER;

-- Funders of the region; a municipality funds its residents' Wmo stays.
CREATE TABLE funder (
    region_id       TEXT NOT NULL REFERENCES region (id),
    id              TEXT NOT NULL,
    name            TEXT NOT NULL,
    funding_stream  TEXT NOT NULL,
    municipality    TEXT,
    PRIMARY KEY (region_id, id)
);

-- Read model of bed-availability's calendar: per night, beds available and of those the protected ones.
CREATE TABLE night_capacity_replica (
    location_id     TEXT        NOT NULL,
    care_type       TEXT        NOT NULL,
    night           DATE        NOT NULL,
    region_id       TEXT        NOT NULL,
    available_beds  INTEGER     NOT NULL,
    protected_beds  INTEGER     NOT NULL,
    published_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (location_id, care_type, night)
);
CREATE INDEX night_capacity_replica_candidates ON night_capacity_replica (region_id, care_type, night);

-- A stay on the calendar: wanted first night and length, flexibility, recurrence; waiting list and bookings.
ALTER TABLE request
    ADD COLUMN first_night           DATE,
    ADD COLUMN nights                INTEGER,
    ADD COLUMN flexible_days         INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN weekend_in            TEXT,
    -- the last night a planned stay can still begin; after it the request leaves the waiting list
    ADD COLUMN latest_first_night    DATE,
    ADD COLUMN series_id             TEXT,
    ADD COLUMN priority              INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN protection_override   BOOLEAN NOT NULL DEFAULT FALSE,
    -- hold refusals from before this moment do not rule a location out: capacity may have appeared since
    ADD COLUMN round_started_at      TIMESTAMPTZ,
    ADD COLUMN waiting_since         TIMESTAMPTZ,
    ADD COLUMN booked_at             TIMESTAMPTZ,
    ADD COLUMN reminded_at           TIMESTAMPTZ,
    ADD COLUMN overrun_escalated_at  TIMESTAMPTZ;
UPDATE request SET round_started_at = submitted_at;
CREATE INDEX request_waiting ON request (region_id, care_type) WHERE status = 'WAITING';
CREATE INDEX request_series ON request (series_id) WHERE series_id IS NOT NULL;

-- The nights an offer holds, and how many protected nights a crisis stay took (by release, by override).
ALTER TABLE offer
    ADD COLUMN first_night                  DATE,
    ADD COLUMN nights                       INTEGER,
    ADD COLUMN protected_nights_released    INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN protected_nights_overridden  INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN decline_code                 TEXT;

-- A coordinator's decisions on a request, with the reason: priority raises and protection overrides.
CREATE TABLE coordinator_decision (
    id          BIGSERIAL PRIMARY KEY,
    request_id  TEXT        NOT NULL REFERENCES request (id),
    region_id   TEXT        NOT NULL,
    kind        TEXT        NOT NULL,
    reason      TEXT        NOT NULL,
    decided_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX coordinator_decision_request ON coordinator_decision (request_id);
