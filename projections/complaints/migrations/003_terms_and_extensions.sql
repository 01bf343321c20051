-- A denunciation's extensions (count and days granted), and the overdue days rewritten
-- on the stored acceptance due date: acceptance terms now differ by kind and count
-- working days (src/rules/legalTerms.ts), so receivedOn + 10 no longer says it.
ALTER TABLE complaints ADD COLUMN extension_count integer NOT NULL DEFAULT 0;
ALTER TABLE complaints ADD COLUMN extension_days integer NOT NULL DEFAULT 0;

DROP INDEX complaints_overdue_days;
ALTER TABLE complaints DROP COLUMN overdue_days;

-- The rule of complaintOverdue (src/complaints/complaint.deadlines.ts), as intervals:
--   awaiting acceptance: from acceptanceDueOn + 1 until the day it was accepted or
--     dismissed (exclusive), open-ended while still RECEIVED;
--   accepted: from dueOn + 1 (extensions included) until the day it was resolved
--     (exclusive), open-ended while still ACCEPTED.
ALTER TABLE complaints ADD COLUMN overdue_days datemultirange GENERATED ALWAYS AS (
  datemultirange(
    CASE
      WHEN status = 'RECEIVED' THEN daterange(acceptance_due_on + 1, NULL, '[)')
      WHEN coalesce(accepted_on, resolved_on) > acceptance_due_on + 1 THEN daterange(acceptance_due_on + 1, coalesce(accepted_on, resolved_on), '[)')
      ELSE daterange(received_on, received_on, '[)')
    END,
    CASE
      WHEN due_on IS NULL THEN daterange(received_on, received_on, '[)')
      WHEN status IN ('RESOLVED', 'DISMISSED') THEN
        CASE WHEN resolved_on > due_on + 1 THEN daterange(due_on + 1, resolved_on, '[)') ELSE daterange(received_on, received_on, '[)') END
      ELSE daterange(due_on + 1, NULL, '[)')
    END
  )
) STORED;

CREATE INDEX complaints_overdue_days ON complaints USING gist (overdue_days);
CREATE INDEX complaints_kind_status ON complaints (kind, status, received_on, complaint_id);
