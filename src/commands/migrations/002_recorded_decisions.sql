-- A command sent with an Idempotency-Key records the appends it decided before it appends
-- them ('decided'), so a retry after a crash replays exactly those and never decides again.
-- `attempt_id` names the attempt holding the key: an attempt that lost its key to a later
-- one can no longer record, complete or release it.
ALTER TABLE command_results
  ADD COLUMN decided jsonb,
  ADD COLUMN attempt_id uuid;
ALTER TABLE command_results DROP CONSTRAINT command_results_status_check;
ALTER TABLE command_results
  ADD CONSTRAINT command_results_status_check CHECK (status IN ('pending', 'decided', 'done'));
