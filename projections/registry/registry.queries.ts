import type { Pool } from 'pg';
import type { PreparedStatements } from '../../src/infra/preparedQuery';
import { normalizeForSearch } from './search';

export interface SubjectHitRow {
  kind: 'INDIVIDUAL' | 'COLLECTIVE' | 'HOUSEHOLD';
  id: string;
  name: string;
  unitName: string | null;
  score: number;
}

/** Hits per search page: by default, and at most. */
export const SEARCH_PAGE_DEFAULT = 20;
export const SEARCH_PAGE_MAX = 100;

/** The length of the name pieces in subjects_search_grams (migration 009): texts this long or longer use them. */
const SEARCH_GRAM_LENGTH = 8;

/** The score of a hit: 2 for the whole name, 1 for a name starting with the text, plus trigram word similarity. */
const SCORE = `(CASE WHEN search_text = $1 THEN 2 WHEN starts_with(search_text, $1) THEN 1 ELSE 0 END + public.word_similarity($1, search_text))::float8`;

/**
 * Above every text that starts with the needle in the b-tree's byte order (text_pattern_ops):
 * U+10FFFF is the highest code point, and its UTF-8 bytes the highest a character can have.
 */
const PREFIX_END = '\u{10FFFF}';

/**
 * People and units whose name contains the words typed, with or without diacritics,
 * best first: the whole name, then a name starting with the text, then by trigram
 * similarity.
 *
 * The three kinds of hit never tie across kinds (whole name: 2 + 1; starting with the
 * text: 1 + a similarity above 0; containing it elsewhere: at most 0 + 1), so they are
 * read in that order and a kind is only read while the page is not full: whole names
 * and names starting with the text come from the b-tree on search_text (a few rows).
 * Only a page they leave short looks for names containing the text further on: for a
 * text of 8 characters or more, among the rows holding both its first and its last 8
 * characters (subjects_search_grams), else through the trigram index, whose scan over
 * common name syllables costs most of a search's time. The answer is the one
 * scoring every match would give (test/subjects checks it against that query).
 *
 * The statement is prepared once per connection, so every condition is one a generic
 * plan can take to its index with the text as a parameter: the prefix as a b-tree range
 * (LIKE 'text%' only becomes a range when the pattern is known while planning), and
 * "contains it after the start" as strpos, which no index answers, so that the grams
 * index is the one scanned.
 */
export async function searchSubjects(
  pool: Pool,
  statements: PreparedStatements,
  text: string,
  first: number,
): Promise<SubjectHitRow[]> {
  const needle = normalizeForSearch(text);
  if (needle === '') return [];
  // Pieces every row containing the text holds; counted in code points, as substr counts.
  const chars = Array.from(needle);
  const grams =
    chars.length >= SEARCH_GRAM_LENGTH
      ? [...new Set([chars.slice(0, SEARCH_GRAM_LENGTH).join(''), chars.slice(-SEARCH_GRAM_LENGTH).join('')])]
      : null;
  const { rows } = await statements.query(
    pool,
    `WITH whole AS MATERIALIZED (
       SELECT kind, id, name, unit_name, search_text FROM registry.subjects
       WHERE search_text = $1 ORDER BY name, id LIMIT $3
     ), starting AS MATERIALIZED (
       SELECT kind, id, name, unit_name, search_text FROM registry.subjects
       WHERE (SELECT count(*) FROM whole) < $3 AND search_text ~>=~ $1 AND search_text ~<~ $2 AND search_text <> $1
     ), containing AS MATERIALIZED (
       SELECT kind, id, name, unit_name, search_text FROM registry.subjects
       WHERE (SELECT count(*) FROM whole) + (SELECT count(*) FROM starting) < $3 AND strpos(search_text, $1) > 1
         AND ${grams ? 'public.search_grams(search_text) @> $4::text[]' : 'search_text LIKE $4'}
     )
     SELECT kind, id, name, unit_name AS "unitName", ${SCORE} AS score
     FROM (SELECT * FROM whole UNION ALL SELECT * FROM starting UNION ALL SELECT * FROM containing) hits
     ORDER BY score DESC, name, id
     LIMIT $3`,
    [needle, needle + PREFIX_END, first, grams ?? `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`],
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

/** The commune, ward or village of each of these households that is registered (household id → unit id). */
export async function getHouseholdUnits(pool: Pool, householdIds: readonly string[]): Promise<Map<string, string>> {
  if (householdIds.length === 0) return new Map();
  const { rows } = await pool.query(
    'SELECT household_id, unit_id FROM registry.households WHERE household_id = ANY($1)',
    [householdIds],
  );
  return new Map(rows.map((r) => [r.household_id as string, r.unit_id as string]));
}

/** The unit of each of these people that is registered (person id → unit id). */
export async function getPeopleUnits(pool: Pool, personIds: readonly string[]): Promise<Map<string, string>> {
  if (personIds.length === 0) return new Map();
  const { rows } = await pool.query('SELECT person_id, unit_id FROM registry.people WHERE person_id = ANY($1)', [
    personIds,
  ]);
  return new Map(rows.map((r) => [r.person_id as string, r.unit_id as string]));
}
