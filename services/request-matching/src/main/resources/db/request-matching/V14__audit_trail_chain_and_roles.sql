-- The audit trail, tamper-evident and out of reach of the service's own database login (docs/SECURITY.md).

-- Who called from where: the token's client (azp, client_id or subject) and the caller's address.
ALTER TABLE audit_entry
    ADD COLUMN client        TEXT,
    ADD COLUMN address       TEXT,
    ADD COLUMN seq           BIGINT,
    ADD COLUMN previous_hash TEXT,
    ADD COLUMN entry_hash    TEXT;

-- A hash chain: each entry stores the hash of the entry before it and the hash of its own canonical content (that
-- previous hash included), so changing, inserting or removing an entry breaks the chain from there on
-- (GET /api/v1/audit/verification). The content: a JSON array, time in microseconds since the epoch (independent of
-- the session's time zone).
CREATE FUNCTION audit_entry_hash(seq BIGINT, at TIMESTAMPTZ, actor TEXT, role TEXT, organisation TEXT, action TEXT,
                                 request_id TEXT, reason TEXT, client TEXT, address TEXT, previous_hash TEXT)
    RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
    SELECT encode(sha256(convert_to(jsonb_build_array(seq, (extract(epoch FROM at) * 1000000)::BIGINT, actor, role,
                                                      organisation, action, request_id, reason, client, address,
                                                      previous_hash)::TEXT, 'UTF8')), 'hex')
$$;

-- The entries there are already, chained in the order they were written.
ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only;
DO $$
DECLARE
    entry    RECORD;
    previous TEXT := '';
    n        BIGINT := 0;
BEGIN
    FOR entry IN SELECT * FROM audit_entry ORDER BY id LOOP
        n := n + 1;
        UPDATE audit_entry
        SET seq = n, previous_hash = previous,
            entry_hash = audit_entry_hash(n, entry.at, entry.actor, entry.role, entry.organisation,
                                          entry.action, entry.request_id, entry.reason, NULL, NULL, previous)
        WHERE id = entry.id
        RETURNING entry_hash INTO previous;
    END LOOP;
END
$$;
ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_append_only;

ALTER TABLE audit_entry
    ALTER COLUMN seq SET NOT NULL,
    ALTER COLUMN previous_hash SET NOT NULL,
    ALTER COLUMN entry_hash SET NOT NULL,
    ADD CONSTRAINT audit_entry_seq_unique UNIQUE (seq);

-- Every new entry is linked by the database, whoever writes it. Appends are serialized: the lock is held until the
-- appending transaction ends, so the next append (a fresh snapshot per statement, READ COMMITTED) sees this one.
-- Should two ever read the same tail, the unique seq refuses the second rather than fork the chain.
CREATE FUNCTION audit_entry_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    last_seq  BIGINT;
    last_hash TEXT;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('audit_entry_chain'));
    SELECT seq, entry_hash INTO last_seq, last_hash FROM audit_entry ORDER BY seq DESC LIMIT 1;
    NEW.seq := COALESCE(last_seq, 0) + 1;
    NEW.previous_hash := COALESCE(last_hash, '');
    NEW.entry_hash := audit_entry_hash(NEW.seq, NEW.at, NEW.actor, NEW.role, NEW.organisation, NEW.action,
                                       NEW.request_id, NEW.reason, NEW.client, NEW.address, NEW.previous_hash);
    RETURN NEW;
END
$$;
CREATE TRIGGER audit_entry_chained
    BEFORE INSERT ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_chain();

-- Roles (cluster-wide, so created only when missing; where the migrating login may not create roles, a DBA creates
-- them first, see docs/SECURITY.md):
-- * adempauze_audit_writer: may read and append to the audit trail, nothing else;
-- * request_matching_service: what the service's runtime login is granted (it is a member): every table, but on the
--   audit trail only what the writer has. Not the owner of anything, so it cannot alter the table, drop or disable
--   the triggers, update, delete or truncate. The tables' owner is the login the migrations run as (Flyway).
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'adempauze_audit_writer') THEN
        CREATE ROLE adempauze_audit_writer NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'request_matching_service') THEN
        CREATE ROLE request_matching_service NOLOGIN;
    END IF;
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO adempauze_audit_writer, request_matching_service', current_schema());
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO request_matching_service',
                   current_schema());
    EXECUTE format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA %I TO request_matching_service',
                   current_schema());
    -- tables and sequences later migrations create (as this same login) too
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO '
                   'request_matching_service', current_schema());
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO '
                   'request_matching_service', current_schema());
END
$$;
REVOKE ALL ON audit_entry FROM PUBLIC;
REVOKE ALL ON audit_entry FROM request_matching_service;
GRANT SELECT, INSERT ON audit_entry TO adempauze_audit_writer;
GRANT USAGE ON SEQUENCE audit_entry_id_seq TO adempauze_audit_writer;
GRANT SELECT ON audit_entry TO request_matching_service;
DO $$
BEGIN
    -- (a DBA may have granted it already; granting again would need the right to grant the role)
    IF NOT pg_has_role('request_matching_service', 'adempauze_audit_writer', 'MEMBER') THEN
        GRANT adempauze_audit_writer TO request_matching_service;
    END IF;
END
$$;
