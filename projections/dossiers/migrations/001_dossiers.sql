-- One row per award proposal dossier: where it stands in its lifecycle, what the
-- appraisal found under which rule set, the council's tally, and the award it yielded.
-- The achievements text is not copied here (the audit trail has it).
CREATE TABLE dossiers (
  dossier_id          text        PRIMARY KEY,
  status              text        NOT NULL,
  nominee_kind        text        NOT NULL,
  nominee_id          text        NOT NULL,
  nominee_name        text        NOT NULL,
  nominee_unit_id     text        NOT NULL,
  award               text        NOT NULL,
  period_kind         text        NOT NULL,
  period_year         integer     NOT NULL,
  proposing_unit_id   text        NOT NULL,
  proposing_unit_name text        NOT NULL,
  movement_id         text,
  submitted_on        date        NOT NULL,
  -- The record time of DossierSubmitted.
  submitted_at        timestamptz NOT NULL,
  -- Chosen by submitted_on at submission; the appraisal records the one it applied.
  rule_set_id         text        NOT NULL,
  -- RuleCheck[] of the latest appraisal; [] until appraised.
  checks              jsonb       NOT NULL DEFAULT '[]'::jsonb,
  appraised_at        timestamptz,
  return_count        integer     NOT NULL DEFAULT 0,
  session_id          text,
  -- BallotTally of the council's vote; null until resolved.
  tally               jsonb,
  -- The council session's heldOn.
  resolved_on         date,
  award_id            text,
  decision_number     text,
  decided_on          date,
  withdrawn_at        timestamptz,
  -- Events in the dossier stream so far.
  version             integer     NOT NULL,
  updated_position    bigint      NOT NULL
);

CREATE INDEX dossiers_period ON dossiers (period_kind, period_year);
CREATE INDEX dossiers_nominee_unit ON dossiers (nominee_unit_id, period_kind, period_year);
CREATE INDEX dossiers_nominee ON dossiers (nominee_kind, nominee_id);

-- Council sessions as convened, so DossierResolved can be dated by the session's heldOn.
CREATE TABLE council_sessions (
  session_id      text PRIMARY KEY,
  council_unit_id text NOT NULL,
  held_on         date NOT NULL
);
