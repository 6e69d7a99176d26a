-- What a region's administrator changed (a location, a care type's rules, the region's settings), who did it and
-- when, with the new state as JSON: the administration's audit trail. Written in the change's own transaction;
-- rows are never changed or removed.
CREATE TABLE admin_change (
    seq         BIGSERIAL   PRIMARY KEY,
    at          TIMESTAMPTZ NOT NULL,
    region_id   TEXT        NOT NULL,
    subject     TEXT        NOT NULL,
    actor_name  TEXT        NOT NULL,
    action      TEXT        NOT NULL,
    target      TEXT        NOT NULL,
    details     TEXT        NOT NULL
);
CREATE INDEX admin_change_region ON admin_change (region_id, seq);

CREATE FUNCTION admin_change_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'admin_change is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER admin_change_append_only BEFORE UPDATE OR DELETE ON admin_change
    FOR EACH ROW EXECUTE FUNCTION admin_change_is_append_only();
