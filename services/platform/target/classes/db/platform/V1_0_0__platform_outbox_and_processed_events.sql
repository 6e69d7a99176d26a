-- Shared by every service (platform library). Service migrations start at V2.

-- Transactional outbox: events written in the same transaction as the state they describe,
-- relayed to Kafka right after commit and deleted once the broker acknowledged them.
CREATE TABLE outbox_event (
    seq          BIGSERIAL PRIMARY KEY,
    event_id     UUID        NOT NULL UNIQUE,
    topic        TEXT        NOT NULL,
    message_key  TEXT        NOT NULL,
    event_type   TEXT        NOT NULL,
    subject      TEXT        NOT NULL,
    payload      BYTEA       NOT NULL,
    traceparent  TEXT,
    occurred_at  TIMESTAMPTZ NOT NULL
);

-- Idempotent consumer: one row per event a consumer has handled, written in the same transaction
-- as the change the event caused, so a redelivered event changes nothing.
CREATE TABLE processed_event (
    consumer     TEXT        NOT NULL,
    event_id     TEXT        NOT NULL,
    event_type   TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
