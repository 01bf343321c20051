import type { Pool } from 'pg';
import { normalizeForSearch } from './search';

export interface SubjectHitRow {
  kind: 'INDIVIDUAL' | 'COLLECTIVE';
  id: string;
  name: string;
  unitName: string | null;
  score: number;
}

/**
 * People and units whose name contains the words typed, with or without diacritics,
 * best first: the whole name, then a name starting with the text, then by trigram
 * similarity. The trigram index serves the LIKE, so no table scan.
 */
export async function searchSubjects(pool: Pool, text: string, first: number): Promise<SubjectHitRow[]> {
  const needle = normalizeForSearch(text);
  if (needle === '') return [];
  const pattern = `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const { rows } = await pool.query(
    `SELECT kind, id, name, unit_name AS "unitName",
            (CASE WHEN search_text = $1 THEN 2 WHEN search_text LIKE $3 THEN 1 ELSE 0 END
             + public.word_similarity($1, search_text))::float8 AS score
     FROM registry.subjects
     WHERE search_text LIKE $2
     ORDER BY score DESC, name, id
     LIMIT $4`,
    [needle, pattern, `${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, first],
  );
  return rows as SubjectHitRow[];
}

export interface ClusterRow {
  id: string;
  name: string;
  kind: string;
  organizerUnitId: string;
  memberUnitIds: string[];
}

export async function getClusters(pool: Pool): Promise<ClusterRow[]> {
  const { rows } = await pool.query(
    `SELECT cluster_id AS id, name, kind, organizer_unit_id AS "organizerUnitId", member_unit_ids AS "memberUnitIds" FROM registry.clusters ORDER BY name, cluster_id`,
  );
  return rows as ClusterRow[];
}

export interface MovementRow {
  id: string;
  name: string;
  kind: string;
  launchedByUnitId: string;
  startsOn: string;
  endsOn: string | null;
}

/** Movements running at some time in `year` (all of them when no year is given). */
export async function getMovements(pool: Pool, year: number | null): Promise<MovementRow[]> {
  const { rows } = await pool.query(
    `SELECT movement_id AS id, name, kind, launched_by_unit_id AS "launchedByUnitId",
            to_char(starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(ends_on, 'YYYY-MM-DD') AS "endsOn"
     FROM registry.movements
     WHERE $1::int IS NULL OR (starts_on <= make_date($1, 12, 31) AND (ends_on IS NULL OR ends_on >= make_date($1, 1, 1)))
     ORDER BY starts_on, name`,
    [year],
  );
  return rows as MovementRow[];
}

/** A unit and every unit below it. */
export async function getUnitSubtree(pool: Pool, unitId: string): Promise<string[]> {
  const { rows } = await pool.query(
    `WITH RECURSIVE tree AS (
       SELECT unit_id FROM registry.units WHERE unit_id = $1
       UNION SELECT u.unit_id FROM registry.units u JOIN tree t ON u.parent_unit_id = t.unit_id
     ) SELECT unit_id FROM tree`,
    [unitId],
  );
  return rows.map((r) => r.unit_id as string);
}
