-- Free text written with a reason (cancel, decline, protection override, priority raise) may name the patient: it is
-- kept only here, sealed by the service (AES-256-GCM, like the patient's details), and deleted with the patient's
-- details a while after the request closed. Events, webhooks and the live stream carry the reason's code only.
CREATE TABLE request_note (
    id          BIGSERIAL   PRIMARY KEY,
    request_id  TEXT        NOT NULL REFERENCES request (id),
    subject     TEXT        NOT NULL,
    reason_code TEXT        NOT NULL,
    offer_id    TEXT,
    sealed      TEXT        NOT NULL,
    written_by  TEXT,
    written_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX request_note_request ON request_note (request_id);

-- Reasons stored before were free text in plain columns. The database cannot seal them (the key is the service's),
-- so they are replaced by the code OTHER: the text is gone, as it would have been at the purge.
UPDATE request SET cancel_reason = 'OTHER'
WHERE cancel_reason IS NOT NULL
  AND cancel_reason NOT IN ('NO_LONGER_NEEDED', 'CARE_ARRANGED_ELSEWHERE', 'ADMITTED_TO_HOSPITAL', 'PATIENT_DECLINED',
                            'PATIENT_DECEASED', 'SUBMITTED_IN_ERROR', 'OTHER');
UPDATE offer SET reason = COALESCE(decline_code, 'OTHER') WHERE status = 'DECLINED';
UPDATE coordinator_decision SET reason = 'OTHER'
WHERE kind = 'PROTECTION_OVERRIDDEN'
  AND reason NOT IN ('NO_OTHER_BED_IN_TIME', 'UNSAFE_AT_HOME', 'CARER_UNAVAILABLE', 'PROTECTED_NIGHTS_UNUSED', 'OTHER');
UPDATE coordinator_decision SET reason = 'OTHER'
WHERE kind = 'PRIORITY_RAISED'
  AND reason NOT IN ('CARER_OVERBURDENED', 'HEALTH_DETERIORATED', 'CARER_UNAVAILABLE', 'WAITED_LONG', 'OTHER');
-- A location's closure reason is a code in bed-availability from here on; words copied from older events go.
UPDATE location_replica SET closed_reason = 'OTHER'
WHERE closed_reason IS NOT NULL
  AND closed_reason NOT IN ('OUTBREAK', 'STAFF_SHORTAGE', 'RENOVATION', 'CALAMITY', 'OTHER');
