import { expectRefused, mutate, startTestApp, type TestApp } from '../support/app';
import { registerUnit } from '../support/reference';
import { streamEvents, typeAndData } from '../support/streams';

const RESULT = '{ id streamId version position eventTypes }';
const FORM = `mutation($input: FormClusterInput!) { formCluster(input: $input) ${RESULT} }`;
const LEAD = `mutation($clusterId: ID!, $year: Int!, $leaderUnitId: ID!, $deputyUnitId: ID!) {
  assignClusterLeadership(clusterId: $clusterId, year: $year, leaderUnitId: $leaderUnitId, deputyUnitId: $deputyUnitId) ${RESULT} }`;
const CRITERIA = `mutation($input: SetClusterCriteriaInput!) { setClusterCriteria(input: $input) ${RESULT} }`;
const SCORE = `mutation($input: RecordClusterScoreInput!) { recordClusterScore(input: $input) ${RESULT} }`;
const FINALIZE = `mutation($clusterId: ID!, $year: Int!) { finalizeClusterRanking(clusterId: $clusterId, year: $year) ${RESULT} }`;

const NOW = new Date('2023-12-20T08:00:00.000Z');
const CLUSTER = 'khoi-phong';
const STREAM = `cluster-${CLUSTER}`;
/** A year's work goes to the cluster's stream for that year; the cluster's own stream keeps its formation. */
const YEAR_2023 = `cluster_year-${CLUSTER}:2023`;
const YEAR_2024 = `cluster_year-${CLUSTER}:2024`;
const BOTH_2023 = [STREAM, YEAR_2023];
const UNKNOWN_2023 = ['cluster-khoi-khong-co', 'cluster_year-khoi-khong-co:2023'];
const MEMBERS = ['phong-tckh', 'phong-nv', 'phong-gddt', 'phong-yt'];

describe('clusters over GraphQL: forming, leadership, criteria, scores and the final ranking', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ now: () => NOW });
    await registerUnit(t, {
      id: 'ubnd-huyen',
      name: 'UBND huyện Điện Bàn',
      kind: 'PEOPLES_COMMITTEE',
      level: 'DISTRICT',
    });
    const phong: Array<[string, string]> = [
      ['phong-tckh', 'Phòng Tài chính – Kế hoạch'],
      ['phong-nv', 'Phòng Nội vụ'],
      ['phong-gddt', 'Phòng Giáo dục và Đào tạo'],
      ['phong-yt', 'Phòng Y tế'],
      ['phong-vhtt', 'Phòng Văn hóa và Thông tin'],
    ];
    for (const [id, name] of phong)
      await registerUnit(t, { id, name, kind: 'AGENCY', level: 'UNIT', parentUnitId: 'ubnd-huyen' });
  });
  afterAll(async () => t.stop());

  const formInput = (overrides: Record<string, unknown> = {}) => ({
    id: CLUSTER,
    name: 'Khối các phòng chuyên môn huyện Điện Bàn',
    kind: 'BLOC',
    organizerUnitId: 'ubnd-huyen',
    memberUnitIds: MEMBERS,
    ...overrides,
  });

  it('refuses a cluster of 3 units, unknown units and bad ids, appending nothing', async () => {
    const three = await expectRefused(
      t,
      ['cluster-khoi-ba'],
      FORM,
      { input: formInput({ id: 'khoi-ba', memberUnitIds: MEMBERS.slice(0, 3) }) },
      {
        code: 'RULE_VIOLATION',
        rule: 'CLUSTER_SIZE',
        members: 3,
        min: 4,
        max: 15,
      },
    );
    expect(three.message).toMatch(/4–15/);
    await expectRefused(
      t,
      ['cluster-khoi-x', 'unit-phong-khong-co'],
      FORM,
      { input: formInput({ id: 'khoi-x', memberUnitIds: [...MEMBERS.slice(0, 3), 'phong-khong-co'] }) },
      {
        code: 'NOT_FOUND',
        entity: 'Unit',
        id: 'phong-khong-co',
      },
    );
    await expectRefused(
      t,
      ['cluster-khoi-x'],
      FORM,
      { input: formInput({ id: 'khoi-x', organizerUnitId: 'ubnd-khong-co' }) },
      { code: 'NOT_FOUND', entity: 'Unit', id: 'ubnd-khong-co' },
    );
    await expectRefused(
      t,
      ['cluster-khoi-x'],
      FORM,
      { input: formInput({ id: 'khoi-x', memberUnitIds: [...MEMBERS, 'phong-nv'] }) },
      { code: 'BAD_USER_INPUT' },
    );
    const badId = await expectRefused(
      t,
      ['cluster-khoi-x'],
      FORM,
      { input: formInput({ id: 'khoi-x', memberUnitIds: [...MEMBERS, 'có dấu cách'] }) },
      { code: 'BAD_USER_INPUT' },
    );
    expect(badId.extensions?.validationErrors[0].field).toBe('memberUnitIds');
    await expectRefused(
      t,
      ['cluster-khoi-x'],
      FORM,
      { input: formInput({ id: 'khoi-x', name: '' }) },
      { code: 'BAD_USER_INPUT' },
    );
  });

  it('forms a cluster of 4 member units with their names, once', async () => {
    const result = await mutate(t, FORM, { input: formInput() });
    expect(result).toMatchObject({ id: CLUSTER, streamId: STREAM, version: 1, eventTypes: ['ClusterFormed'] });
    const [formed] = await streamEvents(t, STREAM);
    expect(typeAndData(formed)).toEqual({
      type: 'ClusterFormed',
      data: {
        clusterId: CLUSTER,
        name: 'Khối các phòng chuyên môn huyện Điện Bàn',
        kind: 'BLOC',
        organizerUnitId: 'ubnd-huyen',
        members: [
          { unitId: 'phong-tckh', unitName: 'Phòng Tài chính – Kế hoạch' },
          { unitId: 'phong-nv', unitName: 'Phòng Nội vụ' },
          { unitId: 'phong-gddt', unitName: 'Phòng Giáo dục và Đào tạo' },
          { unitId: 'phong-yt', unitName: 'Phòng Y tế' },
        ],
      },
    });
    await expectRefused(
      t,
      [STREAM],
      FORM,
      { input: formInput({ name: 'Khối khác' }) },
      { code: 'RULE_VIOLATION', rule: 'ALREADY_EXISTS' },
    );
  });

  it('assigns the leader and deputy for a year and refuses wrong assignments', async () => {
    const result = await mutate(t, LEAD, {
      clusterId: CLUSTER,
      year: 2023,
      leaderUnitId: 'phong-nv',
      deputyUnitId: 'phong-yt',
    });
    expect(result).toMatchObject({
      id: `${CLUSTER}:2023`,
      streamId: YEAR_2023,
      version: 1,
      eventTypes: ['ClusterLeadershipAssigned'],
    });
    expect((await streamEvents(t, STREAM)).map((e) => e.type)).toEqual(['ClusterFormed']);
    const events = await streamEvents(t, YEAR_2023);
    expect(events[0].data).toMatchObject({
      year: 2023,
      leaderUnitId: 'phong-nv',
      leaderUnitName: 'Phòng Nội vụ',
      deputyUnitId: 'phong-yt',
      deputyUnitName: 'Phòng Y tế',
      previousLeaderUnitId: null,
    });

    const lead = (overrides: Record<string, unknown>) => ({
      clusterId: CLUSTER,
      year: 2023,
      leaderUnitId: 'phong-tckh',
      deputyUnitId: 'phong-gddt',
      ...overrides,
    });
    await expectRefused(t, BOTH_2023, LEAD, lead({ deputyUnitId: 'phong-tckh' }), {
      code: 'RULE_VIOLATION',
      rule: 'CLUSTER_LEADERSHIP_SAME_UNIT',
    });
    await expectRefused(t, BOTH_2023, LEAD, lead({ deputyUnitId: 'phong-vhtt' }), {
      code: 'RULE_VIOLATION',
      rule: 'CLUSTER_LEADERSHIP_NOT_MEMBER',
      unitIds: ['phong-vhtt'],
    });
    await expectRefused(t, BOTH_2023, LEAD, lead({ leaderUnitId: 'phong-khong-co' }), {
      code: 'NOT_FOUND',
      entity: 'Unit',
      id: 'phong-khong-co',
    });
    await expectRefused(t, UNKNOWN_2023, LEAD, lead({ clusterId: 'khoi-khong-co' }), {
      code: 'NOT_FOUND',
      entity: 'Cluster',
      id: 'khoi-khong-co',
    });
    const year = await expectRefused(t, [STREAM, `cluster_year-${CLUSTER}:1900`], LEAD, lead({ year: 1900 }), {
      code: 'BAD_USER_INPUT',
    });
    expect(year.extensions?.validationErrors[0].field).toBe('year');
  });

  it('sets the criteria on a 100-point scale with bonus and penalty criteria', async () => {
    const refusedCriteria = [
      { code: 'A', name: 'Thực hiện nhiệm vụ chuyên môn', maxPoints: 60 },
      { code: 'B', name: 'Công tác thi đua, khen thưởng', maxPoints: 30 },
    ];
    await expectRefused(
      t,
      BOTH_2023,
      CRITERIA,
      { input: { clusterId: CLUSTER, year: 2023, criteria: refusedCriteria } },
      {
        code: 'RULE_VIOLATION',
        rule: 'CLUSTER_CRITERIA_SCALE',
        sum: 90,
      },
    );
    await expectRefused(
      t,
      BOTH_2023,
      CRITERIA,
      { input: { clusterId: CLUSTER, year: 2023, criteria: [] } },
      { code: 'RULE_VIOLATION', rule: 'CLUSTER_CRITERIA_EMPTY' },
    );
    await expectRefused(
      t,
      BOTH_2023,
      CRITERIA,
      { input: { clusterId: CLUSTER, year: 2023, criteria: [{ code: '', name: 'Không mã', maxPoints: 100 }] } },
      { code: 'BAD_USER_INPUT' },
    );

    const criteria = [
      { code: 'A', name: 'Thực hiện nhiệm vụ chuyên môn', maxPoints: 60 },
      { code: 'B', name: 'Công tác thi đua, khen thưởng', maxPoints: 40 },
      { code: 'THUONG', name: 'Điểm thưởng', maxPoints: 5, bonus: true },
      { code: 'TRU', name: 'Điểm trừ', maxPoints: -5 },
    ];
    const result = await mutate(t, CRITERIA, { input: { clusterId: CLUSTER, year: 2023, criteria } });
    expect(result).toMatchObject({ streamId: YEAR_2023, eventTypes: ['ClusterCriteriaSet'] });
    const events = await streamEvents(t, YEAR_2023);
    expect(events.at(-1)!.data).toMatchObject({
      year: 2023,
      scale: 100,
      replacesPrevious: false,
      criteria: [
        { code: 'A', maxPoints: 60, kind: 'ORDINARY' },
        { code: 'B', maxPoints: 40, kind: 'ORDINARY' },
        { code: 'THUONG', maxPoints: 5, kind: 'BONUS' },
        { code: 'TRU', maxPoints: -5, kind: 'PENALTY' },
      ],
    });
  });

  const score = (unitId: string, criterionCode: string, points: number, kind = 'SELF', note?: string) => ({
    input: { clusterId: CLUSTER, year: 2023, unitId, criterionCode, points, kind, note },
  });

  it('records scores, refusing those out of range, for non-members, unknown criteria or units', async () => {
    const first = await mutate(t, SCORE, score('phong-tckh', 'A', 55, 'SELF', 'Tự chấm'));
    expect(first).toMatchObject({ streamId: YEAR_2023, eventTypes: ['ClusterScoreRecorded'] });
    const events = await streamEvents(t, YEAR_2023);
    expect(events.at(-1)!.data).toEqual({
      clusterId: CLUSTER,
      clusterName: 'Khối các phòng chuyên môn huyện Điện Bàn',
      year: 2023,
      unitId: 'phong-tckh',
      unitName: 'Phòng Tài chính – Kế hoạch',
      criterionCode: 'A',
      criterionName: 'Thực hiện nhiệm vụ chuyên môn',
      maxPoints: 60,
      points: 55,
      kind: 'SELF',
      note: 'Tự chấm',
      recordedAt: NOW.toISOString(),
    });

    await expectRefused(t, BOTH_2023, SCORE, score('phong-nv', 'A', 61), {
      code: 'RULE_VIOLATION',
      rule: 'CLUSTER_SCORE_OUT_OF_RANGE',
      min: 0,
      max: 60,
      points: 61,
    });
    await expectRefused(t, BOTH_2023, SCORE, score('phong-nv', 'A', -1), {
      code: 'RULE_VIOLATION',
      rule: 'CLUSTER_SCORE_OUT_OF_RANGE',
    });
    await expectRefused(t, BOTH_2023, SCORE, score('phong-nv', 'TRU', -6), {
      code: 'RULE_VIOLATION',
      rule: 'CLUSTER_SCORE_OUT_OF_RANGE',
      min: -5,
      max: 0,
    });
    await expectRefused(t, BOTH_2023, SCORE, score('phong-nv', 'TRU', 1), {
      code: 'RULE_VIOLATION',
      rule: 'CLUSTER_SCORE_OUT_OF_RANGE',
    });
    await expectRefused(t, BOTH_2023, SCORE, score('phong-vhtt', 'A', 50), {
      code: 'RULE_VIOLATION',
      rule: 'CLUSTER_SCORE_NOT_MEMBER',
    });
    await expectRefused(t, BOTH_2023, SCORE, score('phong-khong-co', 'A', 50), {
      code: 'NOT_FOUND',
      entity: 'Unit',
      id: 'phong-khong-co',
    });
    await expectRefused(t, BOTH_2023, SCORE, score('phong-nv', 'C', 10), {
      code: 'RULE_VIOLATION',
      rule: 'CLUSTER_SCORE_UNKNOWN_CRITERION',
    });
    await expectRefused(
      t,
      [STREAM, YEAR_2023, YEAR_2024],
      SCORE,
      { input: { ...score('phong-nv', 'A', 10).input, year: 2024 } },
      { code: 'RULE_VIOLATION', rule: 'CLUSTER_CRITERIA_NOT_SET' },
    );
    await expectRefused(
      t,
      BOTH_2023,
      SCORE,
      { input: { ...score('phong-nv', 'A', 10).input, kind: 'GUESSED' } },
      { code: 'BAD_USER_INPUT' },
    );
    await expectRefused(
      t,
      UNKNOWN_2023,
      SCORE,
      { input: { ...score('phong-nv', 'A', 10).input, clusterId: 'khoi-khong-co' } },
      { code: 'NOT_FOUND', entity: 'Cluster' },
    );
    // Once a score exists the year's criteria are locked.
    await expectRefused(
      t,
      BOTH_2023,
      CRITERIA,
      { input: { clusterId: CLUSTER, year: 2023, criteria: [{ code: 'A', name: 'Tất cả', maxPoints: 100 }] } },
      {
        code: 'RULE_VIOLATION',
        rule: 'CLUSTER_CRITERIA_LOCKED',
      },
    );
  });

  it('refuses to finalize while scores are missing, naming each unit and criterion', async () => {
    const error = await expectRefused(
      t,
      BOTH_2023,
      FINALIZE,
      { clusterId: CLUSTER, year: 2023 },
      { code: 'RULE_VIOLATION', rule: 'CLUSTER_SCORES_MISSING' },
    );
    const missing = error.extensions!.missing as Array<{ unitId: string; criterionCode: string }>;
    expect(missing).toHaveLength(15);
    expect(missing).toContainEqual({
      unitId: 'phong-tckh',
      unitName: 'Phòng Tài chính – Kế hoạch',
      criterionCode: 'B',
    });
    expect(missing).not.toContainEqual(expect.objectContaining({ unitId: 'phong-tckh', criterionCode: 'A' }));
    expect(error.message).toContain('Phòng Y tế (phong-yt): A, B, THUONG, TRU');
    expect(error.message).toContain('Phòng Tài chính – Kế hoạch (phong-tckh): B, THUONG, TRU');
    await expectRefused(
      t,
      [STREAM, YEAR_2024],
      FINALIZE,
      { clusterId: CLUSTER, year: 2024 },
      { code: 'RULE_VIOLATION', rule: 'CLUSTER_CRITERIA_NOT_SET' },
    );
    await expectRefused(
      t,
      UNKNOWN_2023,
      FINALIZE,
      { clusterId: 'khoi-khong-co', year: 2023 },
      { code: 'NOT_FOUND', entity: 'Cluster' },
    );
    await expectRefused(
      t,
      [STREAM, `cluster_year-${CLUSTER}:2101`],
      FINALIZE,
      { clusterId: CLUSTER, year: 2101 },
      {
        code: 'BAD_USER_INPUT',
      },
    );
  });

  it('finalizes after all scores: the assessed score supersedes the self-score, ties go by the criteria in order', async () => {
    const scores: Array<[string, string, number, string?]> = [
      ['phong-tckh', 'B', 35],
      ['phong-tckh', 'THUONG', 3],
      ['phong-tckh', 'TRU', 0],
      ['phong-nv', 'A', 50],
      ['phong-nv', 'B', 38],
      ['phong-nv', 'THUONG', 5],
      ['phong-nv', 'TRU', -2],
      ['phong-gddt', 'A', 58],
      ['phong-gddt', 'B', 36],
      ['phong-gddt', 'THUONG', 2],
      ['phong-gddt', 'TRU', -1],
      ['phong-yt', 'A', 52],
      ['phong-yt', 'B', 39],
      ['phong-yt', 'THUONG', 0],
      ['phong-yt', 'TRU', -2],
      // The cluster's assessment brings Phòng GD&ĐT from 58 down to 52 on A.
      ['phong-gddt', 'A', 52, 'ASSESSED'],
    ];
    for (const [unitId, code, points, kind] of scores)
      await mutate(t, SCORE, score(unitId, code, points, kind ?? 'SELF'));

    const result = await mutate(t, FINALIZE, { clusterId: CLUSTER, year: 2023 });
    expect(result).toMatchObject({
      id: `${CLUSTER}:2023`,
      streamId: YEAR_2023,
      eventTypes: ['ClusterRankingFinalized'],
    });
    const finalized = (await streamEvents(t, YEAR_2023)).at(-1)!;
    expect(finalized.type).toBe('ClusterRankingFinalized');
    expect(finalized.data).toMatchObject({
      year: 2023,
      finalizedAt: NOW.toISOString(),
      flagUnitId: 'phong-tckh',
      certificateUnitIds: ['phong-nv', 'phong-yt'],
      certificateCount: 2,
    });
    expect(finalized.data.rows.map((r: any) => [r.rank, r.unitId, r.totalPoints, r.proposedForFlag])).toEqual([
      [1, 'phong-tckh', 93, true],
      [2, 'phong-nv', 91, false],
      [3, 'phong-yt', 89, false], // ties with Phòng GD&ĐT on total and on A; wins on B
      [4, 'phong-gddt', 89, false],
    ]);
    const gddtA = finalized.data.rows[3].scores.find((s: any) => s.code === 'A');
    expect(gddtA).toMatchObject({ points: 52, basis: 'ASSESSED' });
  });

  it('refuses scores, leadership, criteria and a second ranking once the year is finalized', async () => {
    const rule = { code: 'RULE_VIOLATION', rule: 'CLUSTER_YEAR_FINALIZED', clusterId: CLUSTER, year: 2023 };
    await expectRefused(t, BOTH_2023, SCORE, score('phong-nv', 'A', 60, 'ASSESSED'), rule);
    await expectRefused(
      t,
      BOTH_2023,
      LEAD,
      { clusterId: CLUSTER, year: 2023, leaderUnitId: 'phong-tckh', deputyUnitId: 'phong-nv' },
      rule,
    );
    await expectRefused(
      t,
      BOTH_2023,
      CRITERIA,
      { input: { clusterId: CLUSTER, year: 2023, criteria: [{ code: 'A', name: 'Tất cả', maxPoints: 100 }] } },
      rule,
    );
    await expectRefused(t, BOTH_2023, FINALIZE, { clusterId: CLUSTER, year: 2023 }, rule);
    // Another year is still open.
    const next = await mutate(t, LEAD, {
      clusterId: CLUSTER,
      year: 2024,
      leaderUnitId: 'phong-tckh',
      deputyUnitId: 'phong-nv',
    });
    expect(next.eventTypes).toEqual(['ClusterLeadershipAssigned']);
  });

  it('records concurrent scores for one cluster without losing any (a conflicting append decides again)', async () => {
    await mutate(t, CRITERIA, {
      input: {
        clusterId: CLUSTER,
        year: 2024,
        criteria: [{ code: 'TONG', name: 'Kết quả thực hiện nhiệm vụ', maxPoints: 100 }],
      },
    });
    const before = (await streamEvents(t, YEAR_2024)).length;
    const results = await Promise.all(
      MEMBERS.map((unitId, i) =>
        t.graphql(SCORE, {
          input: { clusterId: CLUSTER, year: 2024, unitId, criterionCode: 'TONG', points: 80 + i, kind: 'SELF' },
        }),
      ),
    );
    for (const { body } of results) expect(body.errors).toBeUndefined();
    const recorded = (await streamEvents(t, YEAR_2024)).slice(before);
    expect(recorded.map((e) => e.type)).toEqual(Array(4).fill('ClusterScoreRecorded'));
    expect(recorded.map((e) => e.data.unitId).sort()).toEqual([...MEMBERS].sort());
  });
});
