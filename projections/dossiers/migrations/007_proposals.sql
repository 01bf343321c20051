-- The units' proposal memos (tờ trình): drafted, submitted, or sent back because an
-- earlier memo of the unit carries one of their dossiers.
CREATE TABLE proposals (
  proposal_id            text        PRIMARY KEY,
  unit_id                text        NOT NULL,
  number                 text        NOT NULL,
  proposed_on            date        NOT NULL,
  dossier_ids            text[]      NOT NULL,
  status                 text        NOT NULL,
  drafted_at             timestamptz NOT NULL,
  submitted_at           timestamptz,
  sent_back_at           timestamptz,
  sent_back_dossier_id   text,
  carried_by_proposal_id text,
  carried_by_number      text
);
-- A unit's memos of a year, newest first.
CREATE INDEX proposals_of_unit ON proposals (unit_id, proposed_on DESC, proposal_id);
