import { expectRefused, mutate, startTestApp, type TestApp } from '../support/app';
import { registerPerson, registerUnit } from '../support/reference';
import { streamEvents, typeAndData } from '../support/streams';

const RECOGNIZE = `mutation($input: RecognizeInitiativeInput!) { recognizeInitiative(input: $input) { id streamId version position eventTypes } }`;

const NOW = new Date('2023-11-02T07:00:00.000Z');

describe('recognising initiatives over GraphQL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ now: () => NOW });
    await registerUnit(t, {
      id: 'bv-da-khoa',
      name: 'Bệnh viện Đa khoa tỉnh Quảng Nam',
      kind: 'AGENCY',
      level: 'UNIT',
    });
    await registerPerson(t, {
      id: 'bs-pham-minh-duc',
      fullName: 'Phạm Minh Đức',
      unitId: 'bv-da-khoa',
      position: 'Bác sĩ',
      directWorker: false,
    });
    await registerPerson(t, {
      id: 'dd-vo-thi-lan',
      fullName: 'Võ Thị Lan',
      unitId: 'bv-da-khoa',
      position: 'Điều dưỡng',
      directWorker: true,
      female: true,
    });
  });
  afterAll(async () => t.stop());

  const input = (overrides: Record<string, unknown> = {}) => ({
    id: 'sk-2023-01',
    title: 'Ứng dụng phần mềm quản lý hồ sơ bệnh án điện tử',
    authorIds: ['dd-vo-thi-lan', 'bs-pham-minh-duc'],
    level: 'PROVINCE',
    period: { kind: 'CALENDAR_YEAR', year: 2023 },
    decisionNumber: '2150/QĐ-UBND',
    ...overrides,
  });

  it('recognises an initiative crediting every author by name, in the order given', async () => {
    const result = await mutate(t, RECOGNIZE, { input: input() });
    expect(result).toMatchObject({
      id: 'sk-2023-01',
      streamId: 'initiative-sk-2023-01',
      version: 1,
      eventTypes: ['InitiativeRecognized'],
    });
    expect((await streamEvents(t, 'initiative-sk-2023-01')).map(typeAndData)).toEqual([
      {
        type: 'InitiativeRecognized',
        data: {
          initiativeId: 'sk-2023-01',
          title: 'Ứng dụng phần mềm quản lý hồ sơ bệnh án điện tử',
          authors: [
            { personId: 'dd-vo-thi-lan', name: 'Võ Thị Lan' },
            { personId: 'bs-pham-minh-duc', name: 'Phạm Minh Đức' },
          ],
          level: 'PROVINCE',
          period: { kind: 'CALENDAR_YEAR', year: 2023 },
          decisionNumber: '2150/QĐ-UBND',
          recognizedAt: NOW.toISOString(),
        },
      },
    ]);
  });

  it('answers NOT_FOUND for an unknown author, appending nothing', async () => {
    await expectRefused(
      t,
      ['initiative-sk-2023-02', 'person-nguoi-khong-co'],
      RECOGNIZE,
      { input: input({ id: 'sk-2023-02', authorIds: ['bs-pham-minh-duc', 'nguoi-khong-co'] }) },
      {
        code: 'NOT_FOUND',
        entity: 'Person',
        id: 'nguoi-khong-co',
      },
    );
  });

  it('refuses malformed input and a second recognition under the same id', async () => {
    const s = ['initiative-sk-2023-02'];
    await expectRefused(
      t,
      s,
      RECOGNIZE,
      { input: input({ id: 'sk-2023-02', authorIds: [] }) },
      { code: 'BAD_USER_INPUT', field: 'authorIds' },
    );
    await expectRefused(
      t,
      s,
      RECOGNIZE,
      { input: input({ id: 'sk-2023-02', authorIds: ['bs-pham-minh-duc', 'bs-pham-minh-duc'] }) },
      { code: 'BAD_USER_INPUT', field: 'authorIds' },
    );
    await expectRefused(
      t,
      s,
      RECOGNIZE,
      { input: input({ id: 'sk-2023-02', decisionNumber: '' }) },
      { code: 'BAD_USER_INPUT' },
    );
    await expectRefused(
      t,
      s,
      RECOGNIZE,
      { input: input({ id: 'sk-2023-02', title: '   ' }) },
      { code: 'BAD_USER_INPUT', field: 'title' },
    );
    await expectRefused(
      t,
      s,
      RECOGNIZE,
      { input: input({ id: 'sk-2023-02', level: 'VILLAGE' }) },
      { code: 'BAD_USER_INPUT' },
    );
    const year = await expectRefused(
      t,
      s,
      RECOGNIZE,
      { input: input({ id: 'sk-2023-02', period: { kind: 'SCHOOL_YEAR', year: 1944 } }) },
      { code: 'BAD_USER_INPUT' },
    );
    expect(year.extensions?.validationErrors[0].field).toBe('period.year');
    await expectRefused(
      t,
      ['initiative-sk-2023-01'],
      RECOGNIZE,
      { input: input({ title: 'Sáng kiến khác' }) },
      { code: 'RULE_VIOLATION', rule: 'ALREADY_EXISTS' },
    );
  });
});
