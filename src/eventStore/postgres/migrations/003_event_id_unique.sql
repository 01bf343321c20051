-- An event id names one event for good: an append whose ids are all stored already is
-- the same append again (a retry after a timeout or a crash), and appends nothing.
CREATE UNIQUE INDEX events_event_id_unique ON events (event_id);
