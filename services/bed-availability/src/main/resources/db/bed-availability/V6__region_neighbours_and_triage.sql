-- A region names its neighbour regions (and whether their locations may be offered when it is full), and keeps its
-- triage table: data a region's administrator sets, announced with the region's configuration (both JSON).
ALTER TABLE region
    ADD COLUMN neighbours TEXT NOT NULL DEFAULT '[]',
    ADD COLUMN triage     TEXT;
