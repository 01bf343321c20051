-- One row per ballot cast, never its choice (ballots are secret: only tallies are shown).
-- counted: null while the session is open; once it is closed, whether the close counted
-- the ballot. late: the session is closed and its close did not count the ballot (it
-- committed after the close read the ballot streams).
CREATE TABLE council_ballots (
  session_id     text        NOT NULL,
  dossier_id     text        NOT NULL,
  member_id      text        NOT NULL,
  member_name    text        NOT NULL,
  written_ballot boolean     NOT NULL,
  cast_at        timestamptz NOT NULL,
  position       bigint      NOT NULL,
  counted        boolean,
  late           boolean     NOT NULL,
  PRIMARY KEY (session_id, dossier_id, member_id)
);

-- The closed sessions, and the ballots each close counted.
CREATE TABLE closed_sessions (
  session_id text        PRIMARY KEY,
  closed_at  timestamptz NOT NULL,
  position   bigint      NOT NULL
);

CREATE TABLE counted_ballots (
  session_id text NOT NULL,
  dossier_id text NOT NULL,
  member_id  text NOT NULL,
  PRIMARY KEY (session_id, dossier_id, member_id)
);
