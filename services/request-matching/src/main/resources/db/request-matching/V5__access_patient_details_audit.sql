-- Who follows a request: the referrer organisation from the submitter's token (or named by a coordinator who took
-- the call), and the user who submitted it.
ALTER TABLE request
    ADD COLUMN referrer_organisation         TEXT,
    ADD COLUMN submitted_by                  TEXT,
    ADD COLUMN identifying_details_purged_at TIMESTAMPTZ;
CREATE INDEX request_referrer_organisation ON request (referrer_organisation, submitted_at);

-- The call-back contact is encrypted by the service from now on, and purged with the patient's details.
ALTER TABLE request
    ALTER COLUMN contact_name DROP NOT NULL,
    ALTER COLUMN contact_phone DROP NOT NULL;

-- The patient's identifying details: stored only here, every column encrypted by the service (AES-256-GCM with
-- the key from configuration), never in events, logs or webhooks. Deleted a while after the request is closed.
CREATE TABLE patient_details (
    request_id    TEXT        PRIMARY KEY REFERENCES request (id),
    name          TEXT        NOT NULL,
    date_of_birth TEXT        NOT NULL,
    bsn           TEXT,
    street        TEXT,
    house_number  TEXT,
    postcode      TEXT,
    city          TEXT,
    phone         TEXT,
    recorded_at   TIMESTAMPTZ NOT NULL
);

-- NEN 7513: every read and change of identifying details and every coordinator override, with who, role,
-- organisation, what, when and why. Append-only: the database refuses to change or remove an entry.
CREATE TABLE audit_entry (
    id           BIGSERIAL   PRIMARY KEY,
    at           TIMESTAMPTZ NOT NULL,
    actor        TEXT        NOT NULL,
    role         TEXT        NOT NULL,
    organisation TEXT,
    action       TEXT        NOT NULL,
    request_id   TEXT,
    reason       TEXT
);
CREATE INDEX audit_entry_request ON audit_entry (request_id, at);
CREATE INDEX audit_entry_actor ON audit_entry (actor, at);
CREATE INDEX audit_entry_at ON audit_entry (at);

CREATE FUNCTION audit_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only: % refused', TG_OP;
END
$$;
CREATE TRIGGER audit_entry_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_is_append_only();
