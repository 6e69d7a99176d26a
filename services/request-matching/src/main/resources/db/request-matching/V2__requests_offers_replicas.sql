-- Reference data of a region, as configured by its admin (seeded).
CREATE TABLE region (
    id                        TEXT PRIMARY KEY,
    name                      TEXT    NOT NULL,
    freshness_window_minutes  INTEGER NOT NULL
);

CREATE TABLE care_type_rule (
    region_id                 TEXT    NOT NULL REFERENCES region (id),
    code                      TEXT    NOT NULL,
    name                      TEXT    NOT NULL,
    funding_stream            TEXT    NOT NULL,
    crisis_response_minutes   INTEGER NOT NULL,
    planned_response_minutes  INTEGER NOT NULL,
    admission_deadline_hours  INTEGER NOT NULL,
    PRIMARY KEY (region_id, code)
);

CREATE TABLE municipality (
    region_id  TEXT             NOT NULL REFERENCES region (id),
    name       TEXT             NOT NULL,
    latitude   DOUBLE PRECISION NOT NULL,
    longitude  DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (region_id, name)
);

CREATE TABLE postcode_area (
    pc4           TEXT PRIMARY KEY,
    region_id     TEXT NOT NULL,
    municipality  TEXT NOT NULL
);

-- Read models of bed-availability's locations and capacity, fed by its events.
CREATE TABLE location_replica (
    id             TEXT PRIMARY KEY,
    region_id      TEXT             NOT NULL,
    provider_id    TEXT             NOT NULL,
    provider_name  TEXT             NOT NULL,
    name           TEXT             NOT NULL,
    street         TEXT             NOT NULL,
    postcode       TEXT             NOT NULL,
    city           TEXT             NOT NULL,
    municipality   TEXT             NOT NULL,
    latitude       DOUBLE PRECISION NOT NULL,
    longitude      DOUBLE PRECISION NOT NULL,
    features       TEXT[]           NOT NULL,
    open           BOOLEAN          NOT NULL,
    closed_reason  TEXT
);
CREATE INDEX location_replica_region ON location_replica (region_id);

CREATE TABLE location_contract_replica (
    location_id  TEXT NOT NULL,
    funder       TEXT NOT NULL,
    care_type    TEXT NOT NULL,
    PRIMARY KEY (location_id, funder, care_type)
);

CREATE TABLE capacity_replica (
    location_id     TEXT        NOT NULL,
    care_type       TEXT        NOT NULL,
    region_id       TEXT        NOT NULL,
    available_beds  INTEGER     NOT NULL,
    version         BIGINT      NOT NULL,
    published_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (location_id, care_type)
);
CREATE INDEX capacity_replica_candidates ON capacity_replica (region_id, care_type) WHERE available_beds > 0;

-- Requests hold the only identifying data in the system (the contact); events carry the id and needs only.
CREATE TABLE request (
    id                      TEXT PRIMARY KEY,
    region_id               TEXT             NOT NULL,
    care_type               TEXT             NOT NULL,
    urgency                 TEXT             NOT NULL,
    needs                   TEXT[]           NOT NULL,
    postcode                TEXT,
    municipality            TEXT             NOT NULL,
    latitude                DOUBLE PRECISION NOT NULL,
    longitude               DOUBLE PRECISION NOT NULL,
    funder                  TEXT,
    contact_name            TEXT             NOT NULL,
    contact_phone           TEXT             NOT NULL,
    contact_organisation    TEXT,
    needed_by               TIMESTAMPTZ,
    status                  TEXT             NOT NULL,
    ranking                 TEXT,
    matched_offer_id        TEXT,
    expected_admission_at   TIMESTAMPTZ,
    cancel_reason           TEXT,
    deadline_escalated_at   TIMESTAMPTZ,
    submitted_at            TIMESTAMPTZ      NOT NULL,
    updated_at              TIMESTAMPTZ      NOT NULL
);
CREATE INDEX request_open ON request (status, needed_by) WHERE status IN ('SUBMITTED', 'OFFERED');

CREATE TABLE offer (
    id             TEXT PRIMARY KEY,
    request_id     TEXT        NOT NULL REFERENCES request (id),
    region_id      TEXT        NOT NULL,
    location_id    TEXT        NOT NULL,
    provider_id    TEXT        NOT NULL,
    care_type      TEXT        NOT NULL,
    rank           INTEGER     NOT NULL,
    explanation    TEXT        NOT NULL,
    status         TEXT        NOT NULL,
    reason         TEXT,
    respond_by     TIMESTAMPTZ,
    created_at     TIMESTAMPTZ NOT NULL,
    offered_at     TIMESTAMPTZ,
    answered_at    TIMESTAMPTZ
);
-- A request has at most one offer in flight: never two beds held for one patient.
CREATE UNIQUE INDEX offer_one_in_flight ON offer (request_id) WHERE status IN ('HOLD_REQUESTED', 'OPEN');
CREATE INDEX offer_location ON offer (location_id, status);
CREATE INDEX offer_due ON offer (respond_by) WHERE status = 'OPEN';

CREATE TABLE escalation (
    id           BIGSERIAL PRIMARY KEY,
    request_id   TEXT        NOT NULL REFERENCES request (id),
    region_id    TEXT        NOT NULL,
    reason       TEXT        NOT NULL,
    detail       TEXT,
    escalated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX escalation_request ON escalation (request_id);
