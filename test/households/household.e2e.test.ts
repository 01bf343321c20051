import type { TestApp } from '../support/app';
import {
  ADMIN,
  expectRefused,
  mutate,
  ORG,
  SECRETARIAT,
  startOrganisationApp,
  SUBMIT,
  UNIT_OFFICER,
} from '../support/awarding';
import { REGISTER_UNIT } from '../support/reference';
import { caughtUp } from '../support/until';

const RESULT = '{ id streamId version position eventTypes }';
const REGISTER = `mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) ${RESULT} }`;
const SEARCH = `query($text: String!) { searchSubjects(text: $text) { subject { kind id name } unitName } }`;
const DOSSIER = `query($id: ID!) { dossier(id: $id) { nominee { kind id name } } }`;
const COMMUNE = 'xa-duy-son';

describe('households (hộ gia đình) over GraphQL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startOrganisationApp();
    await mutate(
      t,
      REGISTER_UNIT,
      {
        input: {
          id: COMMUNE,
          name: 'UBND xã Duy Sơn',
          kind: 'PEOPLES_COMMITTEE',
          level: 'COMMUNE',
          parentUnitId: ORG.district,
        },
      },
      ADMIN,
    );
  }, 60_000);
  afterAll(async () => t.stop());

  const input = (overrides: Record<string, unknown> = {}) => ({
    id: 'ho-tran-van-duc',
    headName: 'Trần Văn Đức',
    address: 'Thôn Trà Kiệu Tây',
    unitId: COMMUNE,
    ...overrides,
  });

  it('registers a household in a commune, finds it by name, and takes a dossier for a Giấy khen', async () => {
    const registered = await mutate(t, REGISTER, { input: input() });
    expect(registered).toMatchObject({ streamId: 'household-ho-tran-van-duc', eventTypes: ['HouseholdRegistered'] });
    await caughtUp(t, registered.position);
    const found = await t.graphql(SEARCH, { text: 'tran van duc' });
    expect(found.body.data.searchSubjects).toContainEqual({
      subject: { kind: 'HOUSEHOLD', id: 'ho-tran-van-duc', name: 'Trần Văn Đức' },
      unitName: 'UBND xã Duy Sơn',
    });
    const submitted = await mutate(t, SUBMIT, {
      input: {
        nominee: { kind: 'HOUSEHOLD', id: 'ho-tran-van-duc' },
        proposingUnitId: COMMUNE,
        award: 'CERTIFICATE_OF_MERIT',
        period: { kind: 'CALENDAR_YEAR', year: 2025 },
        achievements: 'Hiến 300 m² đất làm đường giao thông nông thôn.',
      },
    });
    await caughtUp(t, submitted.position);
    const dossier = await t.graphql(DOSSIER, { id: submitted.id });
    expect(dossier.body.data.dossier.nominee).toEqual({
      kind: 'HOUSEHOLD',
      id: 'ho-tran-van-duc',
      name: 'Trần Văn Đức',
    });
  });

  it('refuses an award kind households cannot receive, appending nothing', async () => {
    await expectRefused(
      t,
      ['dossier-ho-lao-dong'],
      `mutation($input: SubmitDossierInput!) { submitDossier(input: $input) ${RESULT} }`,
      {
        input: {
          id: 'ho-lao-dong',
          nominee: { kind: 'HOUSEHOLD', id: 'ho-tran-van-duc' },
          proposingUnitId: COMMUNE,
          award: 'ADVANCED_COLLECTIVE',
          period: { kind: 'CALENDAR_YEAR', year: 2025 },
          achievements: 'Thành tích.',
        },
      },
      { code: 'RULE_VIOLATION', rule: 'AWARD_SUBJECT_KIND' },
    );
  });

  it('refuses a second registration, a unit that is no commune, an unknown unit and a unit officer elsewhere', async () => {
    const stream = 'household-ho-tran-van-duc';
    await expectRefused(t, [stream], REGISTER, { input: input() }, { code: 'RULE_VIOLATION', rule: 'ALREADY_EXISTS' });
    await expectRefused(
      t,
      ['household-ho-2'],
      REGISTER,
      { input: input({ id: 'ho-2', unitId: ORG.school }) },
      { code: 'RULE_VIOLATION', rule: 'HOUSEHOLD_UNIT_NOT_RESIDENTIAL' },
    );
    await expectRefused(
      t,
      ['household-ho-3'],
      REGISTER,
      { input: input({ id: 'ho-3', unitId: 'xa-khong-co' }) },
      { code: 'NOT_FOUND', entity: 'Unit', id: 'xa-khong-co' },
      ADMIN,
    );
    await expectRefused(
      t,
      ['household-ho-4'],
      REGISTER,
      { input: input({ id: 'ho-4' }) },
      { code: 'FORBIDDEN' },
      UNIT_OFFICER,
    );
    await expectRefused(
      t,
      ['household-ho-5'],
      REGISTER,
      { input: input({ id: 'ho-5', headName: '' }) },
      { code: 'BAD_USER_INPUT' },
      SECRETARIAT,
    );
  });
});
