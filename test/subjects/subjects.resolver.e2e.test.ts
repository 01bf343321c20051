import type { TestApp } from '../support/app';
import { startDemoApp } from '../support/demo';

const SEARCH = `query($text: String!, $first: Int) { searchSubjects(text: $text, first: $first) { subject { kind id name } unitName score } }`;

describe('searchSubjects', () => {
  let t: TestApp;
  beforeAll(async () => {
    ({ t } = await startDemoApp());
  }, 60_000);
  afterAll(async () => t.stop());

  const names = async (text: string, first?: number) => (await t.graphql(SEARCH, { text, first })).body.data.searchSubjects.map((h: any) => h.subject.name);

  it('finds "Nguyễn Văn An" typed without diacritics, in part, or in any case', async () => {
    expect((await names('nguyen van an'))[0]).toBe('Nguyễn Văn An');
    expect(await names('Nguyen Van')).toContain('Nguyễn Văn An');
    expect(await names('văn an')).toContain('Nguyễn Văn An');
    expect(await names('NGUYỄN VĂN AN')).toEqual(['Nguyễn Văn An']);
  });

  it('treats đ as d and ranks the whole name first, then names starting with the text', async () => {
    expect(await names('dinh quang hung')).toEqual(['Đinh Quang Hưng']);
    expect(await names('Đặng')).toEqual(['Đặng Thị Lan']);
    const hits = (await t.graphql(SEARCH, { text: 'phong' })).body.data.searchSubjects;
    const scores = hits.map((h: any) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(hits[0].subject.name).toMatch(/^Phòng/);
  });

  it('finds units too, with the parent unit as context', async () => {
    const [hit] = (await t.graphql(SEARCH, { text: 'xa quan ha' })).body.data.searchSubjects;
    expect(hit).toMatchObject({ subject: { kind: 'COLLECTIVE', id: 'xa-quan-ha', name: 'UBND xã Quân Hà' }, unitName: 'UBND huyện Bạch Thông' });
    const [person] = (await t.graphql(SEARCH, { text: 'bui van minh' })).body.data.searchSubjects;
    expect(person).toMatchObject({ subject: { kind: 'INDIVIDUAL', id: 'p-bui-van-minh' }, unitName: 'UBND xã Quân Hà' });
  });

  it('caps the page and answers nothing for blank text', async () => {
    expect(await names('   ')).toEqual([]);
    expect(await names('thi', 2)).toHaveLength(2);
    expect((await t.graphql(SEARCH, { text: 'a', first: 101 })).body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await names('100%_')).toEqual([]);
  });

  it('uses the trigram index rather than scanning', async () => {
    const client = await t.db.pool.connect();
    try {
      await client.query('SET enable_seqscan = off'); // the demo table is tiny: ask whether an index can serve
      const plan = await client.query(`EXPLAIN SELECT id FROM registry.subjects WHERE search_text LIKE '%van an%'`);
      expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/subjects_search_trgm/);
    } finally {
      await client.query('RESET enable_seqscan');
      client.release();
    }
  });
});
