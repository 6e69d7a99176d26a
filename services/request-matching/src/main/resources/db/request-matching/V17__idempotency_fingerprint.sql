-- A repeat of a POST under the same Idempotency-Key must ask the same: the digest of what was asked (key and body,
-- SHA-256) is kept with the request, and a repeat with another body is refused (409). Requests stored before have
-- none and are answered as before.
ALTER TABLE request ADD COLUMN idempotency_fingerprint TEXT;
