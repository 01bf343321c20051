-- Merged units (UnitMerged): a surviving unit's award history includes the awards of the
-- units merged into it, directly or through earlier merges (getAwardHistory).
CREATE TABLE merged_units (
  unit_id      text PRIMARY KEY,
  into_unit_id text NOT NULL
);
CREATE INDEX merged_units_into ON merged_units (into_unit_id);
