-- The delivery log shows subscribers why an attempt failed. It used to keep exception text, which names hosts and
-- addresses of this installation's network; it keeps a short code now (HTTP_503, CONNECTION_REFUSED, TIMEOUT,
-- TLS_ERROR, REFUSED_TARGET, ...). Earlier rows are rewritten to codes, and the table takes nothing else.
UPDATE webhook_delivery SET last_error = CASE
        WHEN last_error ~ '^HTTP [0-9]{3}$' THEN 'HTTP_' || substr(last_error, 6)
        WHEN last_error = 'subscription deactivated' THEN 'SUBSCRIPTION_DEACTIVATED'
        WHEN last_error LIKE 'Not sent:%' THEN 'REFUSED_TARGET'
        WHEN last_error ILIKE '%timeout%' THEN 'TIMEOUT'
        WHEN last_error ILIKE '%connection refused%' THEN 'CONNECTION_REFUSED'
        WHEN last_error ILIKE '%ssl%' OR last_error ILIKE '%tls%' OR last_error ILIKE '%certificate%' THEN 'TLS_ERROR'
        ELSE 'CONNECTION_FAILED' END
WHERE last_error IS NOT NULL AND last_error !~ '^[A-Z][A-Z0-9_]*$';

ALTER TABLE webhook_delivery ADD CONSTRAINT webhook_delivery_last_error_is_a_code
    CHECK (last_error ~ '^[A-Z][A-Z0-9_]{0,39}$');
