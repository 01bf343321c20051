-- The immutability triggers fire in every session, also under
-- session_replication_role = replica (which skips ordinary triggers).
ALTER TABLE events ENABLE ALWAYS TRIGGER events_no_update;
ALTER TABLE events ENABLE ALWAYS TRIGGER events_no_truncate;
