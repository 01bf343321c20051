-- Every event of the log as inspectors read it. Ballot choices are never stored here.
CREATE TABLE entries (
  position       bigint      PRIMARY KEY,
  stream_id      text        NOT NULL,
  stream_version integer     NOT NULL,
  type           text        NOT NULL,
  recorded_at    timestamptz NOT NULL,
  actor_id       text,
  summary        text        NOT NULL,
  data           jsonb       NOT NULL,
  prev_hash      text        NOT NULL,
  hash           text        NOT NULL
);

CREATE INDEX entries_stream ON entries (stream_id, position);
CREATE INDEX entries_actor ON entries (actor_id, position);
CREATE INDEX entries_recorded_at ON entries (recorded_at);
