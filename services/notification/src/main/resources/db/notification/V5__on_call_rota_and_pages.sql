-- The on-call rota: per region, shifts with a primary and (optionally) a backup coordinator and their channels.
-- Overlapping primaries are refused by the application under a per-region advisory lock (see ShiftRepository).
CREATE TABLE on_call_shift (
    id             UUID PRIMARY KEY,
    region         TEXT        NOT NULL,
    starts_at      TIMESTAMPTZ NOT NULL,
    ends_at        TIMESTAMPTZ NOT NULL,
    primary_user   TEXT        NOT NULL,
    primary_email  TEXT        NOT NULL,
    primary_phone  TEXT        NOT NULL,
    backup_user    TEXT,
    backup_email   TEXT,
    backup_phone   TEXT,
    updated_at     TIMESTAMPTZ NOT NULL,
    CHECK (ends_at > starts_at),
    CHECK ((backup_user IS NULL) = (backup_email IS NULL) AND (backup_user IS NULL) = (backup_phone IS NULL))
);
CREATE INDEX on_call_shift_region ON on_call_shift (region, starts_at);

-- One page per escalation event: the unique event id makes a redelivered event unable to page twice. The chain
-- moves (primary, backup, everyone with a shift) with a conditional update on version, so a step taken twice
-- (two pollers, two instances) takes effect once.
CREATE TABLE page (
    id              UUID PRIMARY KEY,
    event_id        TEXT        NOT NULL UNIQUE,
    region          TEXT        NOT NULL,
    request_id      TEXT        NOT NULL,
    care_type       TEXT,
    municipality    TEXT,
    reason          TEXT,
    status          TEXT        NOT NULL CHECK (status IN ('PRIMARY_PAGED', 'BACKUP_PAGED', 'REGION_PAGED',
                                                         'ACKNOWLEDGED')),
    version         INT         NOT NULL DEFAULT 0,
    next_step_at    TIMESTAMPTZ,
    acknowledged_by TEXT,
    acknowledged_at TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX page_next_step ON page (next_step_at) WHERE status IN ('PRIMARY_PAGED', 'BACKUP_PAGED');
CREATE INDEX page_region ON page (region, created_at DESC);

-- Every message of a page (one per person, tier and channel), sent and retried like webhook deliveries.
CREATE TABLE page_delivery (
    id              UUID PRIMARY KEY,
    page_id         UUID        NOT NULL REFERENCES page (id),
    tier            TEXT        NOT NULL CHECK (tier IN ('PRIMARY', 'BACKUP', 'REGION')),
    recipient       TEXT        NOT NULL,
    channel         TEXT        NOT NULL CHECK (channel IN ('EMAIL', 'SMS')),
    address         TEXT        NOT NULL,
    subject         TEXT        NOT NULL,
    body            TEXT        NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        INT         NOT NULL DEFAULT 0,
    last_error      TEXT,
    next_attempt_at TIMESTAMPTZ,
    claim_token     UUID,
    created_at      TIMESTAMPTZ NOT NULL,
    delivered_at    TIMESTAMPTZ,
    UNIQUE (page_id, tier, recipient, channel)
);
CREATE INDEX page_delivery_due ON page_delivery (next_attempt_at) WHERE status = 'PENDING';

-- The municipality a request was submitted for, named in its pages ("if known").
ALTER TABLE known_request ADD COLUMN municipality TEXT;
