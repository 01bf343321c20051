-- Council sessions as convened and closed: members, agenda with each dossier's threshold,
-- attendance (ballots cast per member) and, once closed, each dossier's tally. Ballot
-- choices are never copied here: a tally exists only from the close.

-- Each unit's authority level, for the level filter (a unit's level never changes).
CREATE TABLE units (
  unit_id text PRIMARY KEY,
  level   text NOT NULL
);

CREATE TABLE sessions (
  session_id      text        PRIMARY KEY,
  council_unit_id text        NOT NULL,
  held_on         date        NOT NULL,
  -- OPEN until CouncilSessionClosed, then CLOSED.
  status          text        NOT NULL,
  member_count    integer     NOT NULL,
  -- From the close: distinct members who cast a ballot (the quorum count); null while open.
  members_voted   integer,
  convened_at     timestamptz NOT NULL,
  closed_at       timestamptz
);
CREATE INDEX sessions_held ON sessions (held_on, session_id);

CREATE TABLE session_members (
  session_id text    NOT NULL,
  person_id  text    NOT NULL,
  name       text    NOT NULL,
  unit_id    text    NOT NULL,
  -- The member's place in the convened list.
  seat       integer NOT NULL,
  PRIMARY KEY (session_id, person_id)
);
CREATE INDEX session_members_person ON session_members (person_id);

CREATE TABLE agenda_items (
  session_id          text             NOT NULL,
  dossier_id          text             NOT NULL,
  item_no             integer          NOT NULL,
  award               text             NOT NULL,
  nominee_kind        text             NOT NULL,
  nominee_id          text             NOT NULL,
  nominee_name        text             NOT NULL,
  nominee_unit_id     text             NOT NULL,
  threshold_share     double precision NOT NULL,
  threshold_inclusive boolean          NOT NULL,
  -- BallotTally from the close; null while the session is open.
  tally               jsonb,
  PRIMARY KEY (session_id, dossier_id)
);
CREATE INDEX agenda_items_dossier ON agenda_items (dossier_id);

-- Ballots cast per member of a session (in person or written), never their choices.
CREATE TABLE attendance (
  session_id      text    NOT NULL,
  member_id       text    NOT NULL,
  ballots         integer NOT NULL,
  written_ballots integer NOT NULL,
  PRIMARY KEY (session_id, member_id)
);
