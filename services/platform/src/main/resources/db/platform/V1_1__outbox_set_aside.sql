-- Outbox rows the broker refused for good (a record too large, an invalid topic, ...), moved here with the reason
-- so the relay can carry on with the rows after them. Kept for an operator to look at; nothing reads them back.
CREATE TABLE outbox_event_set_aside (
    seq          BIGINT      PRIMARY KEY,
    event_id     UUID        NOT NULL UNIQUE,
    topic        TEXT        NOT NULL,
    message_key  TEXT        NOT NULL,
    event_type   TEXT        NOT NULL,
    subject      TEXT        NOT NULL,
    payload      BYTEA       NOT NULL,
    traceparent  TEXT,
    occurred_at  TIMESTAMPTZ NOT NULL,
    reason       TEXT        NOT NULL,
    set_aside_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
