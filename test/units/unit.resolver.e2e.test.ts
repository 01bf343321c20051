import { startTestApp, type TestApp } from '../support/app';
import { expectStreamsUnchanged } from '../support/streams';

const REGISTER_UNIT = `mutation($input: RegisterUnitInput!) { registerUnit(input: $input) { id streamId version position eventTypes } }`;
const REGISTER_PERSON = `mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { id streamId version position eventTypes } }`;

describe('registering units and people over GraphQL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.stop());

  it('registers a unit under its parent and a person in it, with the caller in the metadata', async () => {
    const province = await t.graphql(REGISTER_UNIT, {
      input: { id: 'ubnd-tinh', name: 'UBND tỉnh Quảng Nam', kind: 'PEOPLES_COMMITTEE', level: 'PROVINCE' },
    });
    expect(province.body.data.registerUnit).toMatchObject({
      id: 'ubnd-tinh',
      streamId: 'unit-ubnd-tinh',
      version: 1,
      eventTypes: ['UnitRegistered'],
    });
    const school = await t.graphql(REGISTER_UNIT, {
      input: {
        name: 'Trường THCS Lê Lợi',
        kind: 'SCHOOL',
        level: 'UNIT',
        parentUnitId: 'ubnd-tinh',
        sector: 'Giáo dục',
        small: true,
      },
    });
    const schoolId = school.body.data.registerUnit.id;
    expect(schoolId).toMatch(/^[0-9a-f-]{36}$/);
    const person = await t.graphql(
      REGISTER_PERSON,
      {
        input: {
          fullName: 'Nguyễn Thị Hoa',
          unitId: schoolId,
          position: 'Giáo viên',
          directWorker: false,
          female: true,
        },
      },
      { sub: 'officer-7', role: 'SECRETARIAT', unitId: 'ubnd-tinh' },
    );
    const { streamId } = person.body.data.registerPerson;
    const [event] = await t.app.services.store.readStream(streamId);
    expect(event.type).toBe('PersonRegistered');
    expect(event.data).toMatchObject({
      fullName: 'Nguyễn Thị Hoa',
      unitId: schoolId,
      unitName: 'Trường THCS Lê Lợi',
      directWorker: false,
      female: true,
    });
    expect(event.metadata).toMatchObject({ actorId: 'officer-7', role: 'SECRETARIAT' });
  });

  it('refuses invalid input with BAD_USER_INPUT naming the field, appending nothing', async () => {
    await expectStreamsUnchanged(t.app.services.store, ['unit-bad-1'], async () => {
      const { body } = await t.graphql(REGISTER_UNIT, {
        input: { id: 'bad-1', name: '', kind: 'SCHOOL', level: 'UNIT' },
      });
      expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(body.errors?.[0].extensions?.validationErrors[0].field).toBe('name');
      expect(JSON.stringify(body.errors)).not.toMatch(/target|stack/);
    });
    const tooLong = await t.graphql(REGISTER_UNIT, { input: { name: 'x'.repeat(301), kind: 'SCHOOL', level: 'UNIT' } });
    expect(tooLong.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const badId = await t.graphql(REGISTER_UNIT, {
      input: { id: 'has space', name: 'X', kind: 'SCHOOL', level: 'UNIT' },
    });
    expect(badId.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers NOT_FOUND for an unknown parent or unit, and RULE_VIOLATION for a duplicate, appending nothing', async () => {
    await expectStreamsUnchanged(t.app.services.store, ['unit-orphan'], async () => {
      const { body } = await t.graphql(REGISTER_UNIT, {
        input: { id: 'orphan', name: 'X', kind: 'SCHOOL', level: 'UNIT', parentUnitId: 'nowhere' },
      });
      expect(body.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', entity: 'Unit', id: 'nowhere' });
    });
    await expectStreamsUnchanged(t.app.services.store, ['person-p-x'], async () => {
      const { body } = await t.graphql(REGISTER_PERSON, {
        input: { id: 'p-x', fullName: 'Trần Văn B', unitId: 'nowhere', directWorker: true },
      });
      expect(body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    });
    await expectStreamsUnchanged(t.app.services.store, ['unit-ubnd-tinh'], async () => {
      const { body } = await t.graphql(REGISTER_UNIT, {
        input: { id: 'ubnd-tinh', name: 'Again', kind: 'PEOPLES_COMMITTEE', level: 'PROVINCE' },
      });
      expect(body.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'ALREADY_EXISTS' });
    });
  });

  it('returns the first result for a repeated Idempotency-Key', async () => {
    const headers = { 'idempotency-key': 'register-commune-1' };
    const input = { name: 'UBND xã Tam Kỳ', kind: 'PEOPLES_COMMITTEE', level: 'COMMUNE', parentUnitId: 'ubnd-tinh' };
    const first = await t.graphql(REGISTER_UNIT, { input }, undefined, headers);
    const again = await t.graphql(REGISTER_UNIT, { input }, undefined, headers);
    expect(again.body.data).toEqual(first.body.data);
    const changed = await t.graphql(REGISTER_UNIT, { input: { ...input, name: 'Other' } }, undefined, headers);
    expect(changed.body.errors?.[0].extensions?.code).toBe('CONFLICT');
  });
});
