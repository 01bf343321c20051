-- Forwarding to higher levels and proposal memos: the route (one step per forwarding,
-- from level/unit to level/unit on a date), the unit handling the dossier now (the
-- receiving unit, or the unit it was last forwarded to), and the memo (tờ trình) that
-- carries it.
ALTER TABLE dossiers
  ADD COLUMN route            jsonb NOT NULL DEFAULT '[]'::jsonb,
  ADD COLUMN handling_unit_id text,
  ADD COLUMN proposal_id      text,
  ADD COLUMN proposal_number  text,
  ADD COLUMN proposed_on      date;

CREATE INDEX dossiers_handling_unit_queue ON dossiers (handling_unit_id, submitted_on, dossier_id)
  WHERE handling_unit_id IS NOT NULL;
