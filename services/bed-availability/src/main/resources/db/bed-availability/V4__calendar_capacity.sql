-- Calendar capacity for planned respite (docs/PLANNED-RESPITE.md): care types kept per night with their stay and
-- protection rules, the region's funders, free beds per night, and how each night of a hold was taken.

-- A care type with planned_booking is kept on the calendar, per night. Its protection rule is absent when
-- release_horizon_hours is NULL; otherwise protected = max(protected_beds, ceil(protected_share x free beds)).
ALTER TABLE care_type ADD COLUMN planned_booking BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE care_type ADD COLUMN min_stay_nights INTEGER NOT NULL DEFAULT 1;
ALTER TABLE care_type ADD COLUMN max_stay_nights INTEGER NOT NULL DEFAULT 92;
ALTER TABLE care_type ADD COLUMN protected_beds INTEGER;
ALTER TABLE care_type ADD COLUMN protected_share DOUBLE PRECISION;
ALTER TABLE care_type ADD COLUMN release_horizon_hours INTEGER;
ALTER TABLE care_type ADD CONSTRAINT care_type_stay_rules
    CHECK (min_stay_nights >= 1 AND max_stay_nights >= min_stay_nights);
ALTER TABLE care_type ADD CONSTRAINT care_type_protection_rule
    CHECK ((protected_beds IS NULL OR protected_beds >= 0)
       AND (protected_share IS NULL OR protected_share BETWEEN 0 AND 1)
       AND (release_horizon_hours IS NULL OR release_horizon_hours >= 0));

-- Who funds stays in the region: insurers (ZVW), the care office (WLZ), municipalities (WMO, with their name).
CREATE TABLE funder (
    region_id       TEXT NOT NULL REFERENCES region (id),
    id              TEXT NOT NULL,
    name            TEXT NOT NULL,
    funding_stream  TEXT NOT NULL,
    municipality    TEXT,
    PRIMARY KEY (region_id, id)
);

-- Free beds per night (the night of D runs from D 12:00 to D+1 12:00 Dutch time) of a calendar care type.
-- planned_held and crisis_held: beds held by planned and by crisis stays; of the crisis ones, crisis_released
-- took protected beds released close to the night and crisis_overridden protected beds by a coordinator's
-- override. The CHECK is the last line of defence against double booking: no transaction can commit more held
-- beds than free beds on any night.
CREATE TABLE night_capacity (
    location_id        TEXT        NOT NULL REFERENCES location (id),
    care_type          TEXT        NOT NULL,
    night              DATE        NOT NULL,
    free_beds          INTEGER     NOT NULL,
    planned_held       INTEGER     NOT NULL DEFAULT 0,
    crisis_held        INTEGER     NOT NULL DEFAULT 0,
    crisis_released    INTEGER     NOT NULL DEFAULT 0,
    crisis_overridden  INTEGER     NOT NULL DEFAULT 0,
    version            BIGINT      NOT NULL,
    published_at       TIMESTAMPTZ NOT NULL,
    adjusted_at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (location_id, care_type, night),
    CONSTRAINT night_never_overbooked CHECK (
        free_beds >= 0 AND planned_held >= 0 AND crisis_held >= 0
        AND crisis_released >= 0 AND crisis_overridden >= 0
        AND crisis_released + crisis_overridden <= crisis_held
        AND planned_held + crisis_held <= free_beds)
);
CREATE INDEX night_capacity_care_type ON night_capacity (care_type, night);

-- A hold on the calendar: the request's urgency and the stay's nights (NULL first_night = a free-now hold).
ALTER TABLE hold ADD COLUMN urgency TEXT;
ALTER TABLE hold ADD COLUMN first_night DATE;
ALTER TABLE hold ADD COLUMN nights INTEGER;
ALTER TABLE hold ADD CONSTRAINT hold_stay CHECK ((first_night IS NULL) = (nights IS NULL) AND (nights IS NULL OR nights >= 1));

-- How each night of a calendar hold was taken, so a release or discharge gives back exactly that; freed_at is set
-- when the night was given back (release: all nights; early discharge: the nights after the current one).
CREATE TABLE hold_night (
    offer_id  TEXT        NOT NULL REFERENCES hold (offer_id),
    night     DATE        NOT NULL,
    planned   BOOLEAN     NOT NULL,
    take      TEXT        NOT NULL CHECK (take IN ('FREE', 'RELEASED', 'OVERRIDDEN')),
    freed_at  TIMESTAMPTZ,
    PRIMARY KEY (offer_id, night),
    CONSTRAINT hold_night_planned_takes_free CHECK (NOT planned OR take = 'FREE')
);
