import { expectRefused, mutate, startTestApp, type TestApp } from '../support/app';
import { registerUnit } from '../support/reference';
import { streamEvents, typeAndData } from '../support/streams';

const LAUNCH = `mutation($input: LaunchMovementInput!) { launchMovement(input: $input) { id streamId version position eventTypes } }`;

describe('launching emulation movements over GraphQL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await registerUnit(t, {
      id: 'ubnd-tinh-qn',
      name: 'UBND tỉnh Quảng Nam',
      kind: 'PEOPLES_COMMITTEE',
      level: 'PROVINCE',
    });
    await registerUnit(t, {
      id: 'so-gddt',
      name: 'Sở Giáo dục và Đào tạo',
      kind: 'AGENCY',
      level: 'PROVINCE',
      parentUnitId: 'ubnd-tinh-qn',
    });
    await registerUnit(t, {
      id: 'so-yt',
      name: 'Sở Y tế',
      kind: 'AGENCY',
      level: 'PROVINCE',
      parentUnitId: 'ubnd-tinh-qn',
    });
  });
  afterAll(async () => t.stop());

  const input = (overrides: Record<string, unknown> = {}) => ({
    id: 'pt-chuyen-doi-so',
    name: 'Phong trào thi đua “Chuyển đổi số” năm 2023',
    kind: 'PHASED',
    launchedByUnitId: 'ubnd-tinh-qn',
    startsOn: '2023-03-01',
    endsOn: '2023-11-30',
    criteria: ['Hoàn thành kế hoạch chuyển đổi số', 'Có sáng kiến ứng dụng công nghệ thông tin'],
    participantUnitIds: ['so-gddt', 'so-yt'],
    ...overrides,
  });

  it('launches a phased movement with its criteria and participants', async () => {
    const result = await mutate(t, LAUNCH, { input: input() });
    expect(result).toMatchObject({
      id: 'pt-chuyen-doi-so',
      streamId: 'movement-pt-chuyen-doi-so',
      version: 1,
      eventTypes: ['MovementLaunched'],
    });
    expect((await streamEvents(t, 'movement-pt-chuyen-doi-so')).map(typeAndData)).toEqual([
      {
        type: 'MovementLaunched',
        data: {
          movementId: 'pt-chuyen-doi-so',
          name: 'Phong trào thi đua “Chuyển đổi số” năm 2023',
          kind: 'PHASED',
          launchedByUnitId: 'ubnd-tinh-qn',
          startsOn: '2023-03-01',
          endsOn: '2023-11-30',
          criteria: ['Hoàn thành kế hoạch chuyển đổi số', 'Có sáng kiến ứng dụng công nghệ thông tin'],
          participantUnitIds: ['so-gddt', 'so-yt'],
        },
      },
    ]);
  });

  it('launches an open-ended regular movement with a generated id and no participants listed', async () => {
    const result = await mutate(t, LAUNCH, {
      input: {
        name: 'Phong trào “Cả nước thi đua xây dựng nông thôn mới”',
        kind: 'REGULAR',
        launchedByUnitId: 'ubnd-tinh-qn',
        startsOn: '2023-01-15',
        criteria: ['Đạt chuẩn nông thôn mới'],
      },
    });
    expect(result.id).toMatch(/^[0-9a-f-]{36}$/);
    const [launched] = await streamEvents(t, result.streamId);
    expect(launched.data).toMatchObject({ kind: 'REGULAR', endsOn: null, participantUnitIds: [] });
  });

  it('refuses a movement that ends before it starts', async () => {
    await expectRefused(
      t,
      ['movement-pt-nguoc'],
      LAUNCH,
      { input: input({ id: 'pt-nguoc', startsOn: '2023-06-01', endsOn: '2023-05-31' }) },
      {
        code: 'RULE_VIOLATION',
        rule: 'MOVEMENT_ENDS_BEFORE_START',
        startsOn: '2023-06-01',
        endsOn: '2023-05-31',
      },
    );
  });

  it('refuses other broken rules, unknown units, malformed input and a duplicate id, appending nothing', async () => {
    const stream = ['movement-pt-loi'];
    await expectRefused(
      t,
      stream,
      LAUNCH,
      { input: input({ id: 'pt-loi', kind: 'THEMATIC', endsOn: null }) },
      { code: 'RULE_VIOLATION', rule: 'MOVEMENT_END_DATE_REQUIRED' },
    );
    await expectRefused(
      t,
      stream,
      LAUNCH,
      { input: input({ id: 'pt-loi', criteria: [] }) },
      { code: 'RULE_VIOLATION', rule: 'MOVEMENT_CRITERIA_REQUIRED' },
    );
    await expectRefused(
      t,
      [...stream, 'unit-ubnd-khong-co'],
      LAUNCH,
      { input: input({ id: 'pt-loi', launchedByUnitId: 'ubnd-khong-co' }) },
      {
        code: 'NOT_FOUND',
        entity: 'Unit',
        id: 'ubnd-khong-co',
      },
    );
    await expectRefused(
      t,
      stream,
      LAUNCH,
      { input: input({ id: 'pt-loi', participantUnitIds: ['so-gddt', 'so-tai-chinh'] }) },
      { code: 'NOT_FOUND', entity: 'Unit', id: 'so-tai-chinh' },
    );
    await expectRefused(
      t,
      stream,
      LAUNCH,
      { input: input({ id: 'pt-loi', participantUnitIds: ['so-gddt', 'so-gddt'] }) },
      { code: 'BAD_USER_INPUT', field: 'participantUnitIds' },
    );
    await expectRefused(
      t,
      stream,
      LAUNCH,
      { input: input({ id: 'pt-loi', criteria: ['Tiêu chí', 'Tiêu chí'] }) },
      { code: 'BAD_USER_INPUT', field: 'criteria' },
    );
    await expectRefused(
      t,
      stream,
      LAUNCH,
      { input: input({ id: 'pt-loi', criteria: [''] }) },
      { code: 'BAD_USER_INPUT' },
    );
    await expectRefused(
      t,
      stream,
      LAUNCH,
      { input: input({ id: 'pt-loi', startsOn: '2023-02-30' }) },
      { code: 'BAD_USER_INPUT' },
    );
    await expectRefused(
      t,
      stream,
      LAUNCH,
      { input: input({ id: 'pt-loi', name: 'x'.repeat(301) }) },
      { code: 'BAD_USER_INPUT' },
    );
    await expectRefused(
      t,
      ['movement-pt-chuyen-doi-so'],
      LAUNCH,
      { input: input() },
      { code: 'RULE_VIOLATION', rule: 'ALREADY_EXISTS' },
    );
  });
});
