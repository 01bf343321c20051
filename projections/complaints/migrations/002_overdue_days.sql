-- The days on which a complaint is (or was) overdue, as one date multirange, so
-- "overdue on D" is `overdue_days @> D` and a GiST index finds those complaints
-- directly. It is the rule of complaintOverdue (src/complaints/complaint.decider.ts),
-- written as intervals (test/complaints/complaintOverdue.int.test.ts checks that both agree):
--   awaiting acceptance: from receivedOn + 11 until the day it was accepted or
--     dismissed (exclusive), open-ended while still RECEIVED;
--   accepted: from dueOn + 1 until the day it was resolved (exclusive), open-ended
--     while still ACCEPTED.
-- Empty ranges are written daterange(d, d) (a literal would not be immutable).
ALTER TABLE complaints ADD COLUMN overdue_days datemultirange GENERATED ALWAYS AS (
  datemultirange(
    CASE
      WHEN status = 'RECEIVED' THEN daterange(received_on + 11, NULL, '[)')
      WHEN coalesce(accepted_on, resolved_on) > received_on + 11 THEN daterange(received_on + 11, coalesce(accepted_on, resolved_on), '[)')
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
-- Keyset pagination in (received_on, complaint_id) order, with and without a status filter.
CREATE INDEX complaints_received ON complaints (received_on, complaint_id);
CREATE INDEX complaints_status_received ON complaints (status, received_on, complaint_id);
