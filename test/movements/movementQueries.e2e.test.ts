import type { TestApp } from '../support/app';
import { startDemoApp } from '../support/demo';

describe('movements and plan queries', () => {
  let t: TestApp;
  beforeAll(async () => {
    ({ t } = await startDemoApp());
  }, 60_000);
  afterAll(async () => t.stop());

  it('lists the movements running in a year', async () => {
    const ids = async (year?: number) =>
      (
        await t.graphql('query($y: Int) { movements(year: $y) { id name kind launchedByUnitId startsOn endsOn } }', {
          y: year,
        })
      ).body.data.movements;
    expect(await ids(2024)).toEqual([
      {
        id: 'pt-nong-thon-moi',
        name: 'Bạch Thông chung sức xây dựng nông thôn mới',
        kind: 'REGULAR',
        launchedByUnitId: 'huyen-bach-thong',
        startsOn: '2024-01-15',
        endsOn: null,
      },
      {
        id: 'pt-chuyen-doi-so',
        name: 'Bạch Thông đẩy mạnh chương trình chuyển đổi số',
        kind: 'THEMATIC',
        launchedByUnitId: 'huyen-bach-thong',
        startsOn: '2024-03-01',
        endsOn: '2024-12-31',
      },
    ]);
    expect((await ids(2025)).map((m: { id: string }) => m.id)).toEqual(['pt-nong-thon-moi']);
    expect(await ids(2023)).toEqual([]);
  });

  it("shows a plan's tasks with their status today", async () => {
    const { body } = await t.graphql(
      '{ plan(id: "ke-hoach-tdkt-2024") { id year title issuedByUnitId tasks { taskNo quarter directingUnitId executingUnitIds status } } }',
    );
    expect(body.data.plan.tasks.map((task: any) => [task.taskNo, task.quarter, task.status])).toEqual([
      [1, 1, 'DONE'],
      [2, 1, 'DONE'],
      [3, 2, 'OVERDUE'], // reported in progress, never done, and 2024 is over
      [4, 3, 'OVERDUE'],
      [5, 4, 'OVERDUE'],
    ]);
    expect(body.data.plan.tasks[3]).toMatchObject({
      directingUnitId: 'huyen-bach-thong',
      executingUnitIds: ['phong-noi-vu'],
    });
    expect((await t.graphql('{ plan(id: "none") { id } }')).body.data.plan).toBeNull();
  });
});
