-- One row per complaint, denunciation or petition, with its deadlines and outcome.
-- The complaint's content is not copied here (personal data; the audit trail has it).
CREATE TABLE complaints (
  complaint_id      text        PRIMARY KEY,
  kind              text        NOT NULL,
  status            text        NOT NULL,
  complainant_name  text        NOT NULL,
  received_on       date        NOT NULL,
  acceptance_due_on date        NOT NULL,
  accepted_on       date,
  complex           boolean     NOT NULL DEFAULT false,
  remote_area       boolean     NOT NULL DEFAULT false,
  due_on            date,
  resolved_on       date,
  outcome           text,
  award_id          text,
  dossier_id        text,
  subject_kind      text,
  subject_id        text,
  subject_name      text,
  revoked_award_id  text,
  filed_at          timestamptz NOT NULL,
  updated_position  bigint      NOT NULL
);

CREATE INDEX complaints_subject ON complaints (subject_kind, subject_id, status);
CREATE INDEX complaints_status ON complaints (status, received_on);
CREATE INDEX complaints_award ON complaints (award_id);
CREATE INDEX complaints_dossier ON complaints (dossier_id);
