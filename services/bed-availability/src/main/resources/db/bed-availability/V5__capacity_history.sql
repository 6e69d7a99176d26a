-- Every stand a free-now figure took: written by the database itself on each insert or update of capacity (a
-- publication, a hold, a release, an admission, a discharge), in the same transaction, so the coordinator's
-- occupancy can read what was free at any past moment. Seeded with the figures as they stand now.
CREATE TABLE capacity_history (
    seq          BIGSERIAL   PRIMARY KEY,
    location_id  TEXT        NOT NULL,
    care_type    TEXT        NOT NULL,
    at           TIMESTAMPTZ NOT NULL,
    free_beds    INTEGER     NOT NULL,
    held_beds    INTEGER     NOT NULL,
    version      BIGINT      NOT NULL
);
CREATE INDEX capacity_history_at ON capacity_history (location_id, care_type, at);

INSERT INTO capacity_history (location_id, care_type, at, free_beds, held_beds, version)
SELECT location_id, care_type, adjusted_at, free_beds, held_beds, version FROM capacity;

CREATE FUNCTION record_capacity_history() RETURNS trigger AS $$
BEGIN
    INSERT INTO capacity_history (location_id, care_type, at, free_beds, held_beds, version)
    VALUES (NEW.location_id, NEW.care_type, NEW.adjusted_at, NEW.free_beds, NEW.held_beds, NEW.version);
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER capacity_history AFTER INSERT OR UPDATE ON capacity
    FOR EACH ROW EXECUTE FUNCTION record_capacity_history();
