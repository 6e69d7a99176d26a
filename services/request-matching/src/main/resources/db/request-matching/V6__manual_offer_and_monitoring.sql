-- Who made a coordinator decision, and for a manual offer the location the coordinator chose.
ALTER TABLE coordinator_decision
    ADD COLUMN decided_by   TEXT,
    ADD COLUMN location_id  TEXT;

-- The monitoring and evaluation report counts requests, escalations and answered offers per region and period.
CREATE INDEX request_region_submitted ON request (region_id, submitted_at);
CREATE INDEX escalation_region_at ON escalation (region_id, escalated_at);
CREATE INDEX offer_region_answered ON offer (region_id, answered_at) WHERE answered_at IS NOT NULL;
