import { householdDecider, type RegisterHousehold } from '../../src/households/household.decider';
import type { HouseholdRegistered } from '../../src/households/household.events';
import { canBeAwardedTo, HOUSEHOLD_AWARDS } from '../../src/rules/awardCatalog';
import { fold } from '../../src/shared/decider';
import { AuthorityLevel, AwardKind, SubjectKind, UnitKind } from '../../src/shared/domain';
import { InvalidInput, NotFound } from '../../src/shared/errors';
import { deciderSpec, frozenDecider } from '../support/deciderSpec';

const spec = deciderSpec(frozenDecider(householdDecider));
const COMMUNE = {
  name: 'UBND xã Cẩm Giàng',
  level: AuthorityLevel.COMMUNE,
  kind: UnitKind.PEOPLES_COMMITTEE,
  merged: false,
};

function register(overrides: Partial<RegisterHousehold['data']> = {}): RegisterHousehold {
  return {
    type: 'RegisterHousehold',
    data: {
      householdId: 'ho-1',
      headName: 'Hoàng Văn Sinh',
      address: 'Thôn Nà Pài',
      unitId: 'xa-cam-giang',
      unit: COMMUNE,
      ...overrides,
    },
  };
}

const registered: HouseholdRegistered = {
  type: 'HouseholdRegistered',
  data: {
    householdId: 'ho-1',
    headName: 'Hoàng Văn Sinh',
    address: 'Thôn Nà Pài',
    unitId: 'xa-cam-giang',
    unitName: 'UBND xã Cẩm Giàng',
  },
};

describe('household decider', () => {
  it('given nothing, when registered in a commune, then HouseholdRegistered with the commune’s name', () => {
    spec.given([]).when(register()).then([registered]);
    expect(fold(householdDecider, [registered])).toMatchObject({ status: 'REGISTERED', unitId: 'xa-cam-giang' });
  });

  it('accepts a village of the commune', () => {
    const village = { name: 'Thôn Nà Pài', level: AuthorityLevel.UNIT, kind: UnitKind.VILLAGE, merged: false };
    spec
      .given([])
      .when(register({ unitId: 'thon-na-pai', unit: village }))
      .events();
  });

  it('refuses a second registration', () => {
    spec.given([registered]).when(register()).thenThrows('ALREADY_EXISTS', { householdId: 'ho-1' });
  });

  it('refuses an unknown unit, a merged one and one that is not a commune, ward or village', () => {
    spec
      .given([])
      .when(register({ unit: null }))
      .thenThrows(NotFound, { entity: 'Unit', id: 'xa-cam-giang' });
    spec
      .given([])
      .when(register({ unit: { ...COMMUNE, merged: true } }))
      .thenThrows('UNIT_MERGED');
    spec
      .given([])
      .when(register({ unit: { ...COMMUNE, level: AuthorityLevel.UNIT, kind: UnitKind.SCHOOL } }))
      .thenThrows('HOUSEHOLD_UNIT_NOT_RESIDENTIAL', { kind: UnitKind.SCHOOL });
  });

  it('refuses an empty head name or address', () => {
    spec
      .given([])
      .when(register({ headName: ' ' }))
      .thenThrows(InvalidInput, { field: 'headName' });
    spec
      .given([])
      .when(register({ address: '' }))
      .thenThrows(InvalidInput, { field: 'address' });
  });
});

describe('awards a household may receive', () => {
  it('are Giấy khen and the provincial Bằng khen, as the catalog lists them, marked unverified', () => {
    const forHouseholds = Object.values(AwardKind).filter((k) => canBeAwardedTo(k, SubjectKind.HOUSEHOLD));
    expect(forHouseholds).toEqual([...HOUSEHOLD_AWARDS.awards]);
    expect(HOUSEHOLD_AWARDS.verified).toBe(false);
    expect(canBeAwardedTo(AwardKind.ADVANCED_COLLECTIVE, SubjectKind.HOUSEHOLD)).toBe(false);
  });
});
