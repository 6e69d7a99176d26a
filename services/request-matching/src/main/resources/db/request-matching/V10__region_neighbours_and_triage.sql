-- A region's neighbour regions (whose locations may be offered when it is full) and its triage table, as
-- bed-availability announces them with the region's configuration (both JSON).
ALTER TABLE region
    ADD COLUMN neighbours TEXT NOT NULL DEFAULT '[]',
    ADD COLUMN triage     TEXT;
