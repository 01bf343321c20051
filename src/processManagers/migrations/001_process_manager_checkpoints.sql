-- How far each process manager has carried the log's consequences. A consequence is
-- appended before the checkpoint passes its cause; a restart may carry it again, and the
-- target stream, which records the causation id, takes it once.
CREATE TABLE process_manager_checkpoints (
  name       text        PRIMARY KEY,
  position   bigint      NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now()
);
