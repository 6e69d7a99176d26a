-- Webhook subscriptions. The secret is stored as given: signing each delivery needs it.
CREATE TABLE webhook_subscription (
    id                UUID PRIMARY KEY,
    url               TEXT        NOT NULL,
    secret            TEXT        NOT NULL,
    event_types       TEXT[]      NOT NULL,
    scope_region      TEXT,
    scope_location_id TEXT,
    scope_provider_id TEXT,
    scope_request_id  TEXT,
    active            BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at        TIMESTAMPTZ NOT NULL,
    deactivated_at    TIMESTAMPTZ
);

-- One row per event per subscriber: the unique key makes a redelivered event unable to create a second
-- delivery. The body is stored so every retry sends the same bytes.
CREATE TABLE webhook_delivery (
    id               UUID PRIMARY KEY,
    subscription_id  UUID        NOT NULL REFERENCES webhook_subscription (id),
    event_id         TEXT        NOT NULL,
    event_type       TEXT        NOT NULL,
    body             TEXT        NOT NULL,
    status           TEXT        NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         INT         NOT NULL DEFAULT 0,
    last_status_code INT,
    last_error       TEXT,
    next_attempt_at  TIMESTAMPTZ,
    claim_token      UUID,
    created_at       TIMESTAMPTZ NOT NULL,
    delivered_at     TIMESTAMPTZ,
    UNIQUE (subscription_id, event_id)
);

-- The poller's question: which pending deliveries are due?
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
-- The delivery log: a subscription's deliveries, newest first.
CREATE INDEX webhook_delivery_log ON webhook_delivery (subscription_id, created_at DESC);
