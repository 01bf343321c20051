-- Results of commands sent with an Idempotency-Key: a repeat returns the first result.
CREATE TABLE command_results (
  key          text        PRIMARY KEY,
  request_hash text        NOT NULL,
  status       text        NOT NULL CHECK (status IN ('pending', 'done')),
  result       jsonb,
  created_at   timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz
);
