-- The crisis queue: crisis requests escalated for lack of a candidate, matched again by themselves when a fitting
-- bed appears, until placed or their admission deadline passes. Which requests may be retried is bound from the
-- request's transition table, never written here.
CREATE TABLE crisis_queue (
    request_id    TEXT PRIMARY KEY REFERENCES request (id),
    queued_since  TIMESTAMPTZ NOT NULL,
    paused_reason TEXT,
    placed_at     TIMESTAMPTZ,
    left_at       TIMESTAMPTZ
);

CREATE INDEX crisis_queue_in_queue ON crisis_queue (request_id) WHERE placed_at IS NULL AND left_at IS NULL;
