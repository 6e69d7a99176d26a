-- Who a subscription belongs to: a referrer organisation or provider (owner_organisation), or a coordinator's
-- regions (owner_regions); owner_subject is the user who made it. Deliveries go only to events the owner may see.
ALTER TABLE webhook_subscription
    ADD COLUMN owner_role         TEXT CHECK (owner_role IN ('REFERRER', 'PROVIDER', 'COORDINATOR')),
    ADD COLUMN owner_organisation TEXT,
    ADD COLUMN owner_regions      TEXT[] NOT NULL DEFAULT '{}',
    ADD COLUMN owner_subject      TEXT;

-- Subscriptions made before sign-in was required belong to nobody, so nobody may see what they would receive:
-- they are stopped, visibly, like a deactivation.
UPDATE webhook_delivery
SET status = 'FAILED', last_error = 'subscription has no owner: made before sign-in was required',
    next_attempt_at = NULL, claim_token = NULL
WHERE status = 'PENDING'
  AND subscription_id IN (SELECT id FROM webhook_subscription WHERE owner_role IS NULL);
UPDATE webhook_subscription SET active = FALSE, deactivated_at = now() WHERE owner_role IS NULL AND active;

ALTER TABLE webhook_subscription
    ADD CONSTRAINT webhook_subscription_active_has_owner CHECK (NOT active OR owner_role IS NOT NULL),
    ADD CONSTRAINT webhook_subscription_owner_reach CHECK (owner_role IS NULL
        OR (owner_role = 'COORDINATOR' AND cardinality(owner_regions) > 0)
        OR (owner_role IN ('REFERRER', 'PROVIDER') AND owner_organisation IS NOT NULL));

-- GET /subscriptions: an organisation's subscriptions
CREATE INDEX webhook_subscription_owner ON webhook_subscription (owner_role, owner_organisation);

-- What notification knows of each submitted request, from RequestSubmitted: who may see the request's later
-- events (the referrer organisation that follows it, coordinators of its region). Written once per request,
-- idempotently, in the transaction that records the event as processed.
CREATE TABLE known_request (
    request_id            TEXT PRIMARY KEY,
    region                TEXT,
    referrer_organisation TEXT,
    recorded_at           TIMESTAMPTZ NOT NULL
);
