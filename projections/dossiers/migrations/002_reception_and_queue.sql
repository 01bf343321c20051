-- Reception and handling: the day the standing agency received the dossier complete, the
-- receiving unit and its level, the handling officer, and the appraisal's due date
-- (computed from received_on, handling_level and rule_set_id by dossierDueDate; null when
-- no term applies).
ALTER TABLE dossiers
  ADD COLUMN received_on           date,
  ADD COLUMN receiving_unit_id     text,
  ADD COLUMN handling_level        text,
  ADD COLUMN handling_officer_id   text,
  ADD COLUMN handling_officer_name text,
  ADD COLUMN assigned_at           timestamptz,
  ADD COLUMN due_on                date;

-- The queue's order (submitted_on, dossier_id) and its commonest filters.
CREATE INDEX dossiers_queue_order ON dossiers (submitted_on, dossier_id);
CREATE INDEX dossiers_status_queue ON dossiers (status, submitted_on, dossier_id);
CREATE INDEX dossiers_officer_queue ON dossiers (handling_officer_id, submitted_on, dossier_id)
  WHERE handling_officer_id IS NOT NULL;
CREATE INDEX dossiers_due ON dossiers (due_on) WHERE due_on IS NOT NULL;

-- The unit tree, for the proposing-unit filter (a unit and everything below it).
CREATE TABLE units (
  unit_id        text PRIMARY KEY,
  parent_unit_id text
);
CREATE INDEX units_parent ON units (parent_unit_id);
