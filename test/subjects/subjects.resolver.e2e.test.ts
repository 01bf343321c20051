import type { TestApp } from '../support/app';
import { startDemoApp } from '../support/demo';
import { normalizeForSearch } from '../../projections/registry/search';

const SEARCH = `query($text: String!, $first: Int) { searchSubjects(text: $text, first: $first) { subject { kind id name } unitName score } }`;

describe('searchSubjects', () => {
  let t: TestApp;
  beforeAll(async () => {
    ({ t } = await startDemoApp());
  }, 60_000);
  afterAll(async () => t.stop());

  const names = async (text: string, first?: number) =>
    (await t.graphql(SEARCH, { text, first })).body.data.searchSubjects.map((h: any) => h.subject.name);

  /**
   * The plan for `select` with sequential scans off: the demo table is so small that a scan
   * would always win, so this asks whether an index can serve the query.
   */
  const planWithoutSeqScan = async (select: string): Promise<string> => {
    const client = await t.db.pool.connect();
    try {
      await client.query('SET enable_seqscan = off');
      const plan = await client.query(`EXPLAIN ${select}`);
      return plan.rows.map((r) => r['QUERY PLAN']).join('\n');
    } finally {
      await client.query('RESET enable_seqscan');
      client.release();
    }
  };

  it('finds "Nguyễn Văn An" typed without diacritics, in part, or in any case', async () => {
    expect((await names('nguyen van an'))[0]).toBe('Nguyễn Văn An');
    expect(await names('Nguyen Van')).toContain('Nguyễn Văn An');
    expect(await names('văn an')).toContain('Nguyễn Văn An');
    expect(await names('NGUYỄN VĂN AN')).toEqual(['Nguyễn Văn An']);
  });

  it('treats đ as d and ranks the whole name first, then names starting with the text', async () => {
    expect(await names('dinh quang hung')).toEqual(['Đinh Quang Hưng']);
    expect(await names('Đặng')).toEqual(['Đặng Thị Lan', 'Nguyễn Đăng Bình']);
    const hits = (await t.graphql(SEARCH, { text: 'phong' })).body.data.searchSubjects;
    const scores = hits.map((h: any) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(hits[0].subject.name).toMatch(/^Phòng/);
  });

  it('finds units too, with the parent unit as context', async () => {
    const [hit] = (await t.graphql(SEARCH, { text: 'xa quan ha' })).body.data.searchSubjects;
    expect(hit).toMatchObject({
      subject: { kind: 'COLLECTIVE', id: 'xa-quan-ha', name: 'UBND xã Quân Hà' },
      unitName: 'UBND huyện Bạch Thông',
    });
    const [person] = (await t.graphql(SEARCH, { text: 'bui van minh' })).body.data.searchSubjects;
    expect(person).toMatchObject({
      subject: { kind: 'INDIVIDUAL', id: 'p-bui-van-minh' },
      unitName: 'UBND xã Quân Hà',
    });
  });

  it('caps the page and answers nothing for blank text', async () => {
    expect(await names('   ')).toEqual([]);
    expect(await names('thi', 2)).toHaveLength(2);
    expect((await t.graphql(SEARCH, { text: 'a', first: 101 })).body.errors?.[0].extensions?.code).toBe(
      'BAD_USER_INPUT',
    );
    expect(await names('100%_')).toEqual([]);
  });

  it('answers exactly what scoring every match would, whole names and names starting with the text first', async () => {
    // The query before whole names and prefixes were read from the b-tree: every trigram match scored.
    const everyMatchScored = async (text: string, first: number) => {
      const needle = normalizeForSearch(text);
      const escaped = needle.replace(/[\\%_]/g, (c) => `\\${c}`);
      const { rows } = await t.db.pool.query(
        `SELECT kind, id, name, unit_name AS "unitName",
                (CASE WHEN search_text = $1 THEN 2 WHEN search_text LIKE $3 THEN 1 ELSE 0 END + public.word_similarity($1, search_text))::float8 AS score
         FROM registry.subjects WHERE search_text LIKE $2 ORDER BY score DESC, name, id LIMIT $4`,
        [needle, `%${escaped}%`, `${escaped}%`, first],
      );
      return rows.map((r) => ({
        subject: { kind: r.kind, id: r.id, name: r.name },
        unitName: r.unitName,
        score: r.score,
      }));
    };
    const texts = [
      'nguyen van an',
      'Nguyen Van',
      'van an',
      'an',
      'thi',
      'phong',
      'ubnd',
      'xa quan ha',
      'dinh quang hung',
      'tran',
      'h',
      'bui van minh',
      'ubnd xa',
      'xa',
      'ubnd huyen',
      'huyen bach thong',
      'an van an',
      'en van an',
      'g van an',
      'truong thcs',
      'ong thcs',
      'ung 😀 hoa',
      'xa quan ha 😀',
    ];
    let compared = 0;
    for (const text of texts) {
      for (const first of [1, 3, 10, 100]) {
        const expected = await everyMatchScored(text, first);
        const { body } = await t.graphql(SEARCH, { text, first });
        expect([text, first, body.data.searchSubjects]).toEqual([text, first, expected]);
        compared += expected.length;
      }
    }
    expect(compared).toBeGreaterThan(100); // the demo province has enough names for the pages to fill
  });

  it('reads whole names and names starting with the text from the b-tree, without the trigram index', async () => {
    expect(await planWithoutSeqScan(`SELECT id FROM registry.subjects WHERE search_text LIKE 'nguyen van%'`)).toMatch(
      /subjects_search_prefix/,
    );
  });

  it('finds names containing a longer text further on from their 8-character pieces', async () => {
    expect(
      await planWithoutSeqScan(
        `SELECT id FROM registry.subjects WHERE public.search_grams(search_text) @> ARRAY['huyen ba', 'ch thong']`,
      ),
    ).toMatch(/subjects_search_grams/);
    expect(await names('en van an')).toContain('Nguyễn Văn An'); // found from its pieces: contains, not starting with
    // The pieces of a name are every run of 8 characters in it, and only those.
    const { rows } = await t.db.pool.query(
      `SELECT public.search_grams('ubnd xa quan') AS grams, public.search_grams('ubnd xa') AS short`,
    );
    expect([...rows[0].grams].sort()).toEqual(['bnd xa q', 'd xa qua', 'nd xa qu', 'ubnd xa ', ' xa quan'].sort());
    expect(rows[0].short).toEqual([]);
  });

  it('uses the trigram index rather than scanning', async () => {
    expect(await planWithoutSeqScan(`SELECT id FROM registry.subjects WHERE search_text LIKE '%van an%'`)).toMatch(
      /subjects_search_trgm/,
    );
  });

  it('keeps no pending list beside its GIN indexes: names added live go straight into them', async () => {
    const { rows } = await t.db.pool.query(
      `SELECT c.relname, c.reloptions FROM pg_class c JOIN pg_index i ON i.indexrelid = c.oid
       WHERE i.indrelid IN (SELECT t.oid FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace WHERE t.relname = 'subjects' AND t.relkind = 'r' AND n.nspname LIKE 'registry\\_\\_g%')
         AND c.relam = (SELECT oid FROM pg_am WHERE amname = 'gin') ORDER BY c.relname`,
    );
    expect(rows).toEqual([
      { relname: 'subjects_search_grams', reloptions: ['fastupdate=off'] },
      { relname: 'subjects_search_trgm', reloptions: ['fastupdate=off'] },
    ]);
  });
});
