-- A location's closure reason is a code from here on (OUTBREAK, STAFF_SHORTAGE, RENOVATION, CALAMITY, OTHER):
-- bed-availability keeps no free text. Words stored before are replaced by OTHER.
UPDATE location SET closed_reason = 'OTHER'
WHERE closed_reason IS NOT NULL
  AND closed_reason NOT IN ('OUTBREAK', 'STAFF_SHORTAGE', 'RENOVATION', 'CALAMITY', 'OTHER');
