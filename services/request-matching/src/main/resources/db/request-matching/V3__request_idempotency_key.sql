-- A referrer's system may retry a POST whose answer it never received: the same Idempotency-Key returns the
-- request made the first time instead of holding a second bed for the same patient.
ALTER TABLE request ADD COLUMN idempotency_key TEXT;
CREATE UNIQUE INDEX request_idempotency_key ON request (idempotency_key) WHERE idempotency_key IS NOT NULL;
