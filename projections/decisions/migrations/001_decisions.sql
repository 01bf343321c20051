-- One row per decision drafted in the system: its latest document (entries included) and status.
CREATE TABLE decisions (
  decision_id text PRIMARY KEY,
  issued_by_unit_id text NOT NULL,
  year int NOT NULL,
  number text NOT NULL,
  status text NOT NULL CHECK (status IN ('DRAFT', 'SIGNED')),
  document jsonb NOT NULL,
  signed_at timestamptz,
  UNIQUE (issued_by_unit_id, year, number)
);

-- Every award that cites a decision number of an issuing unit and year, whether the system
-- holds that decision (signed in it) or not (signed on paper, recorded with grantAward).
CREATE TABLE decision_awards (
  award_id text PRIMARY KEY,
  issued_by_unit_id text NOT NULL,
  year int NOT NULL,
  number text NOT NULL,
  dossier_id text NOT NULL,
  award text NOT NULL,
  label text NOT NULL,
  subject jsonb NOT NULL,
  reward_vnd bigint,
  revoked boolean NOT NULL DEFAULT false,
  granted_position numeric NOT NULL
);
CREATE INDEX decision_awards_by_decision ON decision_awards (issued_by_unit_id, year, number, granted_position);
