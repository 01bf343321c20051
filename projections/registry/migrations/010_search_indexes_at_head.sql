-- The two GIN indexes of the name search become deferred indexes (registry.projection.ts):
-- built once the registry has caught up with the log, in one pass instead of row by row
-- through a rebuild, and without a pending list (fastupdate = off). With a pending list,
-- the rows inserted since the last vacuum sit unsorted beside the index and every search
-- reads all of them (some 10,000 rows after a rebuild: 3 ms a search instead of 0.1).
DROP INDEX IF EXISTS subjects_search_trgm;
DROP INDEX IF EXISTS subjects_search_grams;
