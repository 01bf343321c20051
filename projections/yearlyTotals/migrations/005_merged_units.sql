-- A merged unit's lineage (UnitMerged): the surviving unit's totals include the merged
-- unit's, its past included, because the subtree queries (yearlyTotals.queries.ts SUBTREE)
-- walk merged_into as they walk parent_unit_id.
ALTER TABLE units ADD COLUMN merged_into text;
CREATE INDEX units_merged_into ON units (merged_into);
