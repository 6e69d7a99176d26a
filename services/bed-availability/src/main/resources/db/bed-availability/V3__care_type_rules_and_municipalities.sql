-- The care-type catalogue carries its deadlines, and a region knows its municipalities: together the region's
-- configuration, announced to matching as RegionConfigured.
ALTER TABLE care_type ADD COLUMN crisis_response_minutes INTEGER NOT NULL DEFAULT 30;
ALTER TABLE care_type ADD COLUMN planned_response_minutes INTEGER NOT NULL DEFAULT 1440;
ALTER TABLE care_type ADD COLUMN admission_deadline_hours INTEGER NOT NULL DEFAULT 24;

CREATE TABLE municipality (
    region_id       TEXT             NOT NULL REFERENCES region (id),
    name            TEXT             NOT NULL,
    latitude        DOUBLE PRECISION NOT NULL,
    longitude       DOUBLE PRECISION NOT NULL,
    postcode_areas  TEXT[]           NOT NULL,
    PRIMARY KEY (region_id, name)
);
