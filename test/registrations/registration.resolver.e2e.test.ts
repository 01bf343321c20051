import { PostgresEventStore } from '../../src/eventStore/postgres/postgresEventStore';
import { expectRefused, mutate, startTestApp, type TestApp } from '../support/app';
import { registerPerson, registerUnit } from '../support/reference';
import { streamEvents, typeAndData } from '../support/streams';

const REGISTER = `mutation($input: RegisterTitleInput!) { registerTitle(input: $input) { id streamId version position eventTypes } }`;
const LAUNCH = `mutation($input: LaunchMovementInput!) { launchMovement(input: $input) { id } }`;

const NOW = new Date('2023-02-10T02:30:00.000Z');

describe('registering for emulation titles over GraphQL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ now: () => NOW });
    await registerUnit(t, {
      id: 'ubnd-xa-dien-hoa',
      name: 'UBND xã Điện Hòa',
      kind: 'PEOPLES_COMMITTEE',
      level: 'COMMUNE',
    });
    await registerUnit(t, {
      id: 'thcs-le-loi',
      name: 'Trường THCS Lê Lợi',
      kind: 'SCHOOL',
      level: 'UNIT',
      parentUnitId: 'ubnd-xa-dien-hoa',
    });
    await registerPerson(t, {
      id: 'gv-tran-thi-mai',
      fullName: 'Trần Thị Mai',
      unitId: 'thcs-le-loi',
      position: 'Giáo viên',
      directWorker: false,
      female: true,
    });
    await mutate(t, LAUNCH, {
      input: {
        id: 'pt-day-tot',
        name: 'Phong trào “Dạy tốt – Học tốt”',
        kind: 'REGULAR',
        launchedByUnitId: 'ubnd-xa-dien-hoa',
        startsOn: '2023-01-01',
        criteria: ['Hoàn thành xuất sắc nhiệm vụ'],
      },
    });
  });
  afterAll(async () => t.stop());

  const individual = { kind: 'INDIVIDUAL', id: 'gv-tran-thi-mai' };
  const period2023 = { kind: 'CALENDAR_YEAR', year: 2023 };
  const KEY = 'INDIVIDUAL:gv-tran-thi-mai:ADVANCED_WORKER:CALENDAR_YEAR:2023';
  const STREAM = `registration-${KEY}`;

  it('registers a person for a title under a movement, on the stream keyed by subject, title and period', async () => {
    const result = await mutate(t, REGISTER, {
      input: { subject: individual, award: 'ADVANCED_WORKER', period: period2023, movementId: 'pt-day-tot' },
    });
    expect(result).toMatchObject({ id: KEY, streamId: STREAM, version: 1, eventTypes: ['TitleRegistered'] });
    expect((await streamEvents(t, STREAM)).map(typeAndData)).toEqual([
      {
        type: 'TitleRegistered',
        data: {
          registrationId: KEY,
          subject: { kind: 'INDIVIDUAL', id: 'gv-tran-thi-mai', name: 'Trần Thị Mai' },
          subjectUnitId: 'thcs-le-loi',
          award: 'ADVANCED_WORKER',
          period: { kind: 'CALENDAR_YEAR', year: 2023 },
          movementId: 'pt-day-tot',
          registeredAt: NOW.toISOString(),
        },
      },
    ]);
  });

  it("reads the person's stream once for a unit officer: the command decides on what the access check read", async () => {
    await registerPerson(t, {
      id: 'gv-le-van-nam',
      fullName: 'Lê Văn Nam',
      unitId: 'thcs-le-loi',
      position: 'Giáo viên',
      directWorker: false,
      female: false,
    });
    const officer = { sub: 'can-bo-thcs-le-loi', role: 'UNIT_OFFICER' as const, unitId: 'thcs-le-loi' };
    const readStream = jest.spyOn(PostgresEventStore.prototype, 'readStream');
    try {
      const result = await mutate(
        t,
        REGISTER,
        {
          input: {
            subject: { kind: 'INDIVIDUAL', id: 'gv-le-van-nam' },
            award: 'ADVANCED_WORKER',
            period: period2023,
            movementId: 'pt-day-tot',
          },
        },
        officer,
      );
      expect(result).toMatchObject({ version: 1, eventTypes: ['TitleRegistered'] });
      expect(readStream.mock.calls.filter(([streamId]) => streamId === 'person-gv-le-van-nam')).toHaveLength(1);
    } finally {
      readStream.mockRestore();
    }
  });

  it('refuses the same registration twice', async () => {
    await expectRefused(
      t,
      [STREAM],
      REGISTER,
      { input: { subject: individual, award: 'ADVANCED_WORKER', period: period2023 } },
      {
        code: 'RULE_VIOLATION',
        rule: 'ALREADY_REGISTERED',
        registrationId: KEY,
      },
    );
  });

  it('registers a collective for a school-year title; the unit is its own subject unit', async () => {
    const result = await mutate(t, REGISTER, {
      input: {
        subject: { kind: 'COLLECTIVE', id: 'thcs-le-loi' },
        award: 'ADVANCED_COLLECTIVE',
        period: { kind: 'SCHOOL_YEAR', year: 2022 },
      },
    });
    expect(result.streamId).toBe('registration-COLLECTIVE:thcs-le-loi:ADVANCED_COLLECTIVE:SCHOOL_YEAR:2022');
    const [registered] = await streamEvents(t, result.streamId);
    expect(registered.data).toMatchObject({
      subject: { kind: 'COLLECTIVE', id: 'thcs-le-loi', name: 'Trường THCS Lê Lợi' },
      subjectUnitId: 'thcs-le-loi',
      movementId: null,
    });
  });

  it('refuses commendations, the wrong subject kind, unknown subjects or movements and bad periods', async () => {
    const stream = (subject: { kind: string; id: string }, award: string, period = period2023) =>
      `registration-${subject.kind}:${subject.id}:${award}:${period.kind}:${period.year}`;
    await expectRefused(
      t,
      [stream(individual, 'CERTIFICATE_OF_MERIT')],
      REGISTER,
      { input: { subject: individual, award: 'CERTIFICATE_OF_MERIT', period: period2023 } },
      {
        code: 'RULE_VIOLATION',
        rule: 'NOT_A_TITLE',
      },
    );
    await expectRefused(
      t,
      [stream(individual, 'EXCELLENT_COLLECTIVE')],
      REGISTER,
      { input: { subject: individual, award: 'EXCELLENT_COLLECTIVE', period: period2023 } },
      {
        code: 'RULE_VIOLATION',
        rule: 'SUBJECT_KIND_MISMATCH',
        requiredKind: 'COLLECTIVE',
      },
    );
    const ghost = { kind: 'INDIVIDUAL', id: 'nguoi-khong-co' };
    await expectRefused(
      t,
      [stream(ghost, 'ADVANCED_WORKER')],
      REGISTER,
      { input: { subject: ghost, award: 'ADVANCED_WORKER', period: period2023 } },
      {
        code: 'NOT_FOUND',
        entity: 'Person',
        id: 'nguoi-khong-co',
      },
    );
    const ghostUnit = { kind: 'COLLECTIVE', id: 'truong-khong-co' };
    await expectRefused(
      t,
      [stream(ghostUnit, 'ADVANCED_COLLECTIVE')],
      REGISTER,
      { input: { subject: ghostUnit, award: 'ADVANCED_COLLECTIVE', period: period2023 } },
      {
        code: 'NOT_FOUND',
        entity: 'Unit',
      },
    );
    const grassroots = stream(individual, 'GRASSROOTS_EMULATION_FIGHTER');
    await expectRefused(
      t,
      [grassroots],
      REGISTER,
      {
        input: {
          subject: individual,
          award: 'GRASSROOTS_EMULATION_FIGHTER',
          period: period2023,
          movementId: 'pt-khong-co',
        },
      },
      {
        code: 'NOT_FOUND',
        entity: 'Movement',
        id: 'pt-khong-co',
      },
    );
    const year = await expectRefused(
      t,
      [grassroots],
      REGISTER,
      {
        input: {
          subject: individual,
          award: 'GRASSROOTS_EMULATION_FIGHTER',
          period: { kind: 'CALENDAR_YEAR', year: 2101 },
        },
      },
      {
        code: 'BAD_USER_INPUT',
      },
    );
    expect(year.extensions?.validationErrors[0].field).toBe('period.year');
    const id = await expectRefused(
      t,
      [grassroots],
      REGISTER,
      {
        input: {
          subject: { kind: 'INDIVIDUAL', id: 'có dấu' },
          award: 'GRASSROOTS_EMULATION_FIGHTER',
          period: period2023,
        },
      },
      {
        code: 'BAD_USER_INPUT',
      },
    );
    expect(id.extensions?.validationErrors[0].field).toBe('subject.id');
  });
});
