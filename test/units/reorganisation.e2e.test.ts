import { AuthorityLevel, AwardKind, SubjectKind } from '../../src/shared/domain';
import type { TestApp } from '../support/app';
import {
  ADMIN,
  expectRefused,
  mutate,
  ORG,
  SECRETARIAT,
  seedEarlierAward,
  startOrganisationApp,
  TODAY,
  UNIT_OFFICER,
  year,
} from '../support/awarding';
import { REGISTER_UNIT } from '../support/reference';
import { caughtUp } from '../support/until';

const RESULT = '{ id streamId version position eventTypes }';
const RENAME = `mutation($input: RenameUnitInput!) { renameUnit(input: $input) ${RESULT} }`;
const MERGE = `mutation($input: MergeUnitInput!) { mergeUnit(input: $input) ${RESULT} }`;
const TRANSFER = `mutation($input: TransferPersonInput!) { transferPerson(input: $input) ${RESULT} }`;
const FORM = `mutation($input: FormClusterInput!) { formCluster(input: $input) ${RESULT} }`;
const SIGN = `mutation($input: SignClusterCovenantInput!) { signClusterCovenant(input: $input) ${RESULT} }`;
const HISTORY = `query($subject: SubjectInput!) { awardHistory(subject: $subject) { id subject { kind id name } } }`;
const TOTALS = `query($unitId: ID) { yearlyTotals(unitId: $unitId, period: { kind: CALENDAR_YEAR, year: 2024 }) {
  awards { award count collectives } } }`;

/** Two schools under the district: the old one is merged into the new one. */
const OLD_SCHOOL = 'truong-cu';
const NEW_SCHOOL = 'truong-moi';

describe('reorganisation over GraphQL: rename, merge, transfer, covenant signing', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startOrganisationApp();
    for (const [id, name] of [
      [OLD_SCHOOL, 'Trường Tiểu học Cũ'],
      [NEW_SCHOOL, 'Trường Tiểu học Mới'],
      ['truong-3', 'Trường Tiểu học Ba'],
      ['truong-4', 'Trường Tiểu học Bốn'],
    ])
      await mutate(
        t,
        REGISTER_UNIT,
        { input: { id, name, kind: 'SCHOOL', level: 'UNIT', parentUnitId: ORG.district } },
        ADMIN,
      );
  }, 60_000);
  afterAll(async () => t.stop());

  it('renames a unit from a date; refuses the same name and a unit officer', async () => {
    const renamed = await mutate(t, RENAME, {
      input: { unitId: 'truong-3', name: 'Trường Tiểu học Số Ba', effectiveOn: TODAY },
    });
    expect(renamed).toMatchObject({ streamId: 'unit-truong-3', version: 2, eventTypes: ['UnitRenamed'] });
    await expectRefused(
      t,
      ['unit-truong-3'],
      RENAME,
      { input: { unitId: 'truong-3', name: 'Trường Tiểu học Số Ba', effectiveOn: TODAY } },
      { code: 'RULE_VIOLATION', rule: 'UNIT_NAME_UNCHANGED' },
    );
    await expectRefused(
      t,
      ['unit-truong-3'],
      RENAME,
      { input: { unitId: 'truong-3', name: 'Tên khác', effectiveOn: TODAY } },
      { code: 'FORBIDDEN' },
      UNIT_OFFICER,
    );
  });

  it('transfers a person; refuses the current unit, an unknown unit and a unit officer', async () => {
    const moved = await mutate(t, TRANSFER, {
      input: { personId: 'gv-ba', toUnitId: 'truong-4', position: 'Tổ trưởng', effectiveOn: TODAY },
    });
    expect(moved).toMatchObject({ streamId: 'person-gv-ba', eventTypes: ['PersonTransferred'] });
    const [, event] = await t.app.services.store.readStream('person-gv-ba');
    expect(event.data).toMatchObject({ fromUnitId: ORG.school, toUnitId: 'truong-4', position: 'Tổ trưởng' });
    await expectRefused(
      t,
      ['person-gv-ba'],
      TRANSFER,
      { input: { personId: 'gv-ba', toUnitId: 'truong-4', effectiveOn: TODAY } },
      { code: 'RULE_VIOLATION', rule: 'PERSON_ALREADY_IN_UNIT' },
    );
    await expectRefused(
      t,
      ['person-gv-ba', 'unit-khong-co'],
      TRANSFER,
      { input: { personId: 'gv-ba', toUnitId: 'khong-co', effectiveOn: TODAY } },
      { code: 'NOT_FOUND', entity: 'Unit', id: 'khong-co' },
    );
    await expectRefused(
      t,
      ['person-gv-nam'],
      TRANSFER,
      { input: { personId: 'gv-nam', toUnitId: 'truong-4', effectiveOn: TODAY } },
      { code: 'FORBIDDEN' },
      UNIT_OFFICER,
    );
  });

  it('merges a unit; the survivor’s award history and yearly totals include the merged unit’s past', async () => {
    await seedEarlierAward(
      t,
      'khen-truong-cu',
      { kind: SubjectKind.COLLECTIVE, id: OLD_SCHOOL, name: 'Trường Tiểu học Cũ' },
      OLD_SCHOOL,
      AwardKind.CERTIFICATE_OF_MERIT,
      year(2024),
      { id: ORG.district, level: AuthorityLevel.DISTRICT },
    );
    await expectRefused(
      t,
      [`unit-${OLD_SCHOOL}`],
      MERGE,
      { input: { unitId: OLD_SCHOOL, intoUnitId: OLD_SCHOOL, effectiveOn: TODAY } },
      { code: 'RULE_VIOLATION', rule: 'UNIT_MERGE_INTO_SELF' },
    );
    await expectRefused(
      t,
      [`unit-${OLD_SCHOOL}`],
      MERGE,
      { input: { unitId: OLD_SCHOOL, intoUnitId: NEW_SCHOOL, effectiveOn: TODAY } },
      { code: 'FORBIDDEN' },
      UNIT_OFFICER,
    );
    const merged = await mutate(t, MERGE, {
      input: { unitId: OLD_SCHOOL, intoUnitId: NEW_SCHOOL, effectiveOn: TODAY, reason: 'Sắp xếp trường lớp' },
    });
    expect(merged).toMatchObject({ streamId: `unit-${OLD_SCHOOL}`, eventTypes: ['UnitMerged'] });
    await expectRefused(
      t,
      [`unit-${OLD_SCHOOL}`],
      RENAME,
      { input: { unitId: OLD_SCHOOL, name: 'Tên khác', effectiveOn: TODAY } },
      { code: 'RULE_VIOLATION', rule: 'UNIT_MERGED', mergedInto: NEW_SCHOOL },
    );
    await expectRefused(
      t,
      ['unit-truong-4'],
      MERGE,
      { input: { unitId: 'truong-4', intoUnitId: OLD_SCHOOL, effectiveOn: TODAY } },
      { code: 'RULE_VIOLATION', rule: 'UNIT_MERGE_TARGET_MERGED' },
    );
    await expectRefused(
      t,
      ['person-gv-tu'],
      TRANSFER,
      { input: { personId: 'gv-tu', toUnitId: OLD_SCHOOL, effectiveOn: TODAY } },
      { code: 'RULE_VIOLATION', rule: 'UNIT_MERGED' },
    );
    await caughtUp(t, merged.position);

    const history = await t.graphql(HISTORY, { subject: { kind: 'COLLECTIVE', id: NEW_SCHOOL } });
    expect(history.body.data.awardHistory).toEqual([
      { id: 'khen-truong-cu', subject: { kind: 'COLLECTIVE', id: OLD_SCHOOL, name: 'Trường Tiểu học Cũ' } },
    ]);
    const totals = await t.graphql(TOTALS, { unitId: NEW_SCHOOL });
    expect(totals.body.data.yearlyTotals.awards).toEqual([{ award: 'CERTIFICATE_OF_MERIT', count: 1, collectives: 1 }]);
    const other = await t.graphql(TOTALS, { unitId: 'truong-4' });
    expect(other.body.data.yearlyTotals.awards).toEqual([]);
  });

  describe('covenant signing', () => {
    const MEMBERS = [ORG.school, 'truong-3', 'truong-4', NEW_SCHOOL];
    const STREAM = 'cluster_year-khoi-truong:2025';
    beforeAll(async () => {
      await mutate(t, FORM, {
        input: {
          id: 'khoi-truong',
          name: 'Khối các trường tiểu học',
          kind: 'BLOC',
          organizerUnitId: ORG.district,
          memberUnitIds: MEMBERS,
        },
      });
    });
    const sign = (unitId: string) => ({ input: { clusterId: 'khoi-truong', year: 2025, unitId, signedOn: TODAY } });

    it('lets a unit officer sign for its own unit, once', async () => {
      const signed = await mutate(t, SIGN, sign(ORG.school), UNIT_OFFICER);
      expect(signed).toMatchObject({ streamId: STREAM, eventTypes: ['ClusterCovenantMemberSigned'] });
      const [event] = await t.app.services.store.readStream(STREAM);
      expect(event.data).toMatchObject({ unitId: ORG.school, unsignedUnitIds: MEMBERS.slice(1) });
      await expectRefused(
        t,
        [STREAM],
        SIGN,
        sign(ORG.school),
        { code: 'RULE_VIOLATION', rule: 'CLUSTER_COVENANT_ALREADY_SIGNED' },
        UNIT_OFFICER,
      );
    });

    it('refuses a unit officer signing for another unit, and a secretariat', async () => {
      await expectRefused(t, [STREAM], SIGN, sign('truong-3'), { code: 'FORBIDDEN' }, UNIT_OFFICER);
      await expectRefused(t, [STREAM], SIGN, sign('truong-3'), { code: 'FORBIDDEN' }, SECRETARIAT);
    });

    it('refuses a unit outside the cluster', async () => {
      await expectRefused(
        t,
        [STREAM],
        SIGN,
        sign(ORG.education),
        { code: 'RULE_VIOLATION', rule: 'CLUSTER_COVENANT_NOT_MEMBER' },
        { sub: 'officer-2', role: 'UNIT_OFFICER', unitId: ORG.education },
      );
    });
  });
});
