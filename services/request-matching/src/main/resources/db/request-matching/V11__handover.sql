-- The handover before acceptance (aanmeldbericht): a structured clinical summary, special-category data. Stored only
-- here, as one JSON document sealed by the service (AES-256-GCM, the key from configuration, like the patient's
-- details); never in events, logs or webhooks. Deleted with the patient's details a while after the request closed.
CREATE TABLE handover (
    request_id  TEXT        PRIMARY KEY REFERENCES request (id),
    sealed      TEXT        NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL
);
