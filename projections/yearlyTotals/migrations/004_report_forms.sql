-- What the statutory statistics forms (Circular 02/2023/TT-BNV, forms 0601-0603) count
-- besides the award kind: the unit's authority level (who launched a movement), each
-- award's method (regular, thematic, sudden) and the level that issued it, and the
-- movements launched, with their kind and term. The projection's version rises with
-- this migration, so every row is rebuilt from the log with these columns filled.
ALTER TABLE units ADD COLUMN level text;
ALTER TABLE awards ADD COLUMN method text NOT NULL DEFAULT 'REGULAR';
ALTER TABLE awards ADD COLUMN issued_by_level text;
CREATE INDEX awards_period ON awards (period_kind, period_year);

CREATE TABLE movements (
  movement_id         text PRIMARY KEY,
  launched_by_unit_id text NOT NULL,
  kind                text NOT NULL, -- REGULAR, PHASED, THEMATIC
  starts_on           date NOT NULL,
  ends_on             date           -- null: an open-ended regular movement
);
CREATE INDEX movements_starts ON movements (starts_on);

-- Forms 0604-0605 count the people and organisations doing this work, which the
-- standing agency reports per unit and year (WorkforceReported): the latest report counts.
CREATE TABLE workforce_reports (
  unit_id text    NOT NULL,
  year    integer NOT NULL,
  figures jsonb   NOT NULL,
  PRIMARY KEY (unit_id, year)
);
