-- A coordinator's what-if: a replay of the region's year under changed settings, run by the simulator in a process
-- of its own. No patient in it: settings, the region's settings of that moment and the measures, as JSON.
CREATE TABLE what_if_run (
    id            UUID PRIMARY KEY,
    region_id     TEXT        NOT NULL,
    requested_by  TEXT        NOT NULL,
    requested_at  TIMESTAMPTZ NOT NULL,
    settings      JSONB       NOT NULL,
    today         JSONB       NOT NULL,
    status        TEXT        NOT NULL,
    outcome       JSONB,
    failure       TEXT,
    finished_at   TIMESTAMPTZ
);
CREATE INDEX what_if_run_region ON what_if_run (region_id, requested_at DESC);
-- one run at a time in the whole installation (every instance): a replay takes a core for about a minute
CREATE UNIQUE INDEX what_if_run_one_at_a_time ON what_if_run ((true)) WHERE status = 'RUNNING';
