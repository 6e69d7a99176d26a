-- A referrer may submit without a care type: the triage's answers, suggestion and choice are kept with the request
-- (encrypted JSON, purged with the patient's details), and a request the triage did not settle has no care type until
-- the coordinator sets one.
ALTER TABLE request
    ALTER COLUMN care_type DROP NOT NULL,
    ADD COLUMN triage TEXT;
