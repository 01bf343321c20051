-- Yearly totals for dashboards: per period (kind + year) and per unit, summed over a
-- unit subtree at query time. Aggregate rows are maintained by deltas: for every
-- award or dossier a batch touches, its old contribution is subtracted and its new one
-- added, so a rebuild writes each aggregate row a few times, not once per event.

-- The unit tree, from UnitRegistered (a unit's parent never changes; a merge keeps it).
-- Kept here rather than read from the registry, so this model rebuilds on its own.
CREATE TABLE units (
  unit_id        text PRIMARY KEY,
  parent_unit_id text
);
CREATE INDEX units_parent ON units (parent_unit_id);

-- Each person's current unit (PersonRegistered, PersonTransferred): a complaint about a
-- person counts for the unit the person belongs to when the complaint is filed.
CREATE TABLE people (
  person_id text PRIMARY KEY,
  unit_id   text NOT NULL
);

-- Council sessions: the day each was held (days to decision end there).
CREATE TABLE sessions (
  session_id text PRIMARY KEY,
  held_on    date NOT NULL
);

-- One row per award decision: what its contribution to award_totals depends on.
CREATE TABLE awards (
  award_id      text    PRIMARY KEY,
  period_kind   text    NOT NULL,
  period_year   integer NOT NULL,
  unit_id       text    NOT NULL, -- AwardGranted.subjectUnitId: the person's unit, or the collective itself
  award         text    NOT NULL,
  individual    boolean NOT NULL,
  direct_worker boolean NOT NULL,
  female        boolean NOT NULL,
  revoked       boolean NOT NULL
);

-- One row per dossier: its pipeline state as dossier_totals counts it.
CREATE TABLE dossiers (
  dossier_id    text    PRIMARY KEY,
  period_kind   text    NOT NULL,
  period_year   integer NOT NULL,
  unit_id       text    NOT NULL, -- the nominee's unit: the person's unit, or the collective itself
  submitted_on  date    NOT NULL,
  returned      boolean NOT NULL, -- returned at least once
  eligible      boolean,          -- the latest appraisal's outcome; null before any appraisal
  approved      boolean,          -- the council's resolution; null before it
  decision_days integer,          -- submitted_on to the resolving session's held_on, in days
  granted       boolean NOT NULL,
  withdrawn     boolean NOT NULL
);

-- One row per complaint, denunciation or petition. They are few (about a thousand a
-- year in a province) and "overdue" depends on the day asked about, so the totals are
-- counted from these rows at query time rather than kept as sums.
CREATE TABLE complaints (
  complaint_id text    PRIMARY KEY,
  unit_id      text,             -- the unit of its subject; null when none is known
  received_on  date    NOT NULL,
  accepted_on  date,
  due_on       date,
  closed_on    date,             -- the date of the resolution or dismissal
  status       text    NOT NULL, -- RECEIVED, ACCEPTED, RESOLVED, DISMISSED
  upheld       boolean NOT NULL  -- resolved UPHELD or PARTIALLY_UPHELD
);
CREATE INDEX complaints_received ON complaints (received_on);
CREATE INDEX complaints_unit ON complaints (unit_id, received_on);

-- Awards granted for a period, per subject unit and kind. Every count includes revoked
-- awards; the revoked_* columns say how many of them were revoked.
CREATE TABLE award_totals (
  period_kind            text    NOT NULL,
  period_year            integer NOT NULL,
  unit_id                text    NOT NULL,
  award                  text    NOT NULL,
  granted                integer NOT NULL,
  individuals            integer NOT NULL,
  collectives            integer NOT NULL,
  direct_workers         integer NOT NULL,
  women                  integer NOT NULL,
  revoked                integer NOT NULL,
  revoked_individuals    integer NOT NULL,
  revoked_direct_workers integer NOT NULL,
  PRIMARY KEY (period_kind, period_year, unit_id, award)
);

-- Dossiers of a period, per nominee unit. A withdrawn dossier counts in submitted only.
CREATE TABLE dossier_totals (
  period_kind text    NOT NULL,
  period_year integer NOT NULL,
  unit_id     text    NOT NULL,
  submitted   integer NOT NULL,
  returned    integer NOT NULL,
  eligible    integer NOT NULL,
  ineligible  integer NOT NULL,
  approved    integer NOT NULL,
  rejected    integer NOT NULL,
  granted     integer NOT NULL,
  PRIMARY KEY (period_kind, period_year, unit_id)
);

-- How many resolved dossiers took how many days from submission to the council's
-- session: a histogram, so the median over any unit subtree comes from summed rows.
CREATE TABLE dossier_decision_days (
  period_kind text    NOT NULL,
  period_year integer NOT NULL,
  unit_id     text    NOT NULL,
  days        integer NOT NULL,
  dossiers    integer NOT NULL,
  PRIMARY KEY (period_kind, period_year, unit_id, days)
);
