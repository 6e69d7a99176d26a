-- Outbox rows the broker refused for good (a record too large, an invalid topic, ...), moved here with the reason
-- so the relay can carry on with the rows after them. Kept for an operator to look at; nothing reads them back.
-- The outbox row's own columns (types and NOT NULLs, no defaults: seq keeps the value it had), then why and when.
CREATE TABLE outbox_event_set_aside (
    LIKE outbox_event,
    reason       TEXT        NOT NULL,
    set_aside_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (seq),
    UNIQUE (event_id)
);
