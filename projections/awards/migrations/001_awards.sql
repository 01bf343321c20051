-- One row per award decision, with everything AwardGranted carries, and its revocation.
CREATE TABLE awards (
  award_id                   text        PRIMARY KEY,
  dossier_id                 text        NOT NULL,
  award                      text        NOT NULL,
  category                   text        NOT NULL,
  label                      text        NOT NULL,
  subject_kind               text        NOT NULL,
  subject_id                 text        NOT NULL,
  subject_name               text        NOT NULL,
  subject_unit_id            text        NOT NULL,
  period_kind                text        NOT NULL,
  period_year                integer     NOT NULL,
  decision_number            text        NOT NULL,
  decided_on                 date        NOT NULL,
  issued_by_unit_id          text        NOT NULL,
  issued_by_level            text        NOT NULL,
  signer_name                text        NOT NULL,
  cash_multiple              numeric,
  direct_worker              boolean     NOT NULL,
  female                     boolean     NOT NULL,
  movement_id                text,
  thematic                   boolean     NOT NULL,
  granted_at                 timestamptz NOT NULL,
  granted_position           bigint      NOT NULL,
  revoked                    boolean     NOT NULL DEFAULT false,
  revoked_reason             text,
  revocation_decision_number text,
  revoked_by_complaint_id    text,
  revoked_at                 timestamptz
);

CREATE INDEX awards_subject ON awards (subject_kind, subject_id, period_kind, period_year);
CREATE INDEX awards_decision_number ON awards (decision_number, issued_by_unit_id);
CREATE INDEX awards_unit_period_kind ON awards (subject_unit_id, period_kind, period_year, award);
CREATE INDEX awards_dossier ON awards (dossier_id);
