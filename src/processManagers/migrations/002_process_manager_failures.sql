-- Where a process manager stopped on an error of its own, so that the instances that do
-- not run it (see src/infra/leases.ts) answer waits past it with the failure at once.
-- Cleared when an instance starts the manager again.
ALTER TABLE process_manager_checkpoints ADD COLUMN failed_position bigint, ADD COLUMN error text;
