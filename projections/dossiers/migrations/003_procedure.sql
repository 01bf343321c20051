-- The procedure a dossier follows (STANDARD, or SIMPLIFIED for a sudden achievement) and
-- the sudden achievement's date; the queue filters by procedure.
ALTER TABLE dossiers
  ADD COLUMN procedure   text NOT NULL DEFAULT 'STANDARD',
  ADD COLUMN achieved_on date;

CREATE INDEX dossiers_procedure_queue ON dossiers (procedure, submitted_on, dossier_id)
  WHERE procedure <> 'STANDARD';
