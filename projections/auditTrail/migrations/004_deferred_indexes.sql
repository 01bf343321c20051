-- The filters' indexes are now the projection's deferredIndexes: the runner builds them
-- (same columns; entry_refs' key as a unique index) once the trail has caught up with
-- the log, instead of maintaining them row by row through a rebuild.
DROP INDEX IF EXISTS entries_stream;
DROP INDEX IF EXISTS entries_actor;
DROP INDEX IF EXISTS entries_recorded_at;
ALTER TABLE entry_refs DROP CONSTRAINT IF EXISTS entry_refs_pkey;
