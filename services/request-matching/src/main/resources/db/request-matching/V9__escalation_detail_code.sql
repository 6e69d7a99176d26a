-- An escalation's detail also as a code and its values (JSON text), so a screen can word it in its own language.
-- Escalations recorded before this have neither and keep their English detail only.
ALTER TABLE escalation ADD COLUMN detail_code TEXT;
ALTER TABLE escalation ADD COLUMN detail_values TEXT;
