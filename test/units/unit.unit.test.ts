import { fold } from '../../src/shared/decider';
import { AuthorityLevel, UnitKind } from '../../src/shared/domain';
import { InvalidInput, NotFound } from '../../src/shared/errors';
import { unitDecider, type MergeUnit, type RegisterUnit, type RenameUnit } from '../../src/units/unit.decider';
import type { UnitMerged, UnitRegistered, UnitRenamed } from '../../src/units/unit.events';
import { deciderSpec, frozenDecider } from '../support/deciderSpec';

const spec = deciderSpec(frozenDecider(unitDecider));

function register(overrides: Partial<RegisterUnit['data']> = {}): RegisterUnit {
  return {
    type: 'RegisterUnit',
    data: {
      unitId: 'u-thcs',
      name: 'Trường THCS Lê Lợi',
      kind: UnitKind.SCHOOL,
      level: AuthorityLevel.UNIT,
      parentUnitId: 'u-district',
      parentExists: true,
      parentLevel: AuthorityLevel.DISTRICT,
      sector: 'Giáo dục',
      small: false,
      ...overrides,
    },
  };
}

const registered: UnitRegistered = {
  type: 'UnitRegistered',
  data: {
    unitId: 'u-thcs',
    name: 'Trường THCS Lê Lợi',
    kind: UnitKind.SCHOOL,
    level: AuthorityLevel.UNIT,
    parentUnitId: 'u-district',
    sector: 'Giáo dục',
    small: false,
  },
};

function rename(name: string): RenameUnit {
  return { type: 'RenameUnit', data: { unitId: 'u-thcs', name, effectiveOn: '2024-09-01' } };
}

function merge(overrides: Partial<MergeUnit['data']> = {}): MergeUnit {
  return {
    type: 'MergeUnit',
    data: {
      unitId: 'u-thcs',
      intoUnitId: 'u-th-thcs',
      intoUnitExists: true,
      intoUnitName: 'Trường TH&THCS Lê Lợi',
      intoUnitMerged: false,
      effectiveOn: '2025-07-01',
      reason: 'Sáp nhập trường',
      ...overrides,
    },
  };
}

const merged: UnitMerged = {
  type: 'UnitMerged',
  data: {
    unitId: 'u-thcs',
    unitName: 'Trường THCS Lê Lợi',
    intoUnitId: 'u-th-thcs',
    intoUnitName: 'Trường TH&THCS Lê Lợi',
    effectiveOn: '2025-07-01',
    reason: 'Sáp nhập trường',
  },
};

describe('unit decider', () => {
  it('has the stream type unit', () => {
    expect(unitDecider.streamType).toBe('unit');
  });

  describe('RegisterUnit', () => {
    it('given nothing, when registered under an existing parent, then UnitRegistered', () => {
      spec.given([]).when(register()).then([registered]);
    });

    it('given nothing, when registered without a parent, sector or position, then nulls (no optional fields)', () => {
      spec
        .given([])
        .when(
          register({
            unitId: 'u-prov',
            name: 'UBND tỉnh',
            kind: UnitKind.PEOPLES_COMMITTEE,
            level: AuthorityLevel.PROVINCE,
            parentUnitId: null,
            parentExists: false,
            parentLevel: null,
            sector: '  ',
            small: false,
          }),
        )
        .then([
          {
            type: 'UnitRegistered',
            data: {
              unitId: 'u-prov',
              name: 'UBND tỉnh',
              kind: UnitKind.PEOPLES_COMMITTEE,
              level: AuthorityLevel.PROVINCE,
              parentUnitId: null,
              sector: null,
              small: false,
            },
          },
        ]);
    });

    it('keeps the small-collective flag', () => {
      const [event] = spec
        .given([])
        .when(register({ small: true }))
        .events();
      expect(event.data).toMatchObject({ small: true });
    });

    it('given the unit exists, when registered again, then ALREADY_EXISTS', () => {
      spec.given([registered]).when(register()).thenThrows('ALREADY_EXISTS');
    });

    it('given nothing, when the parent does not exist, then NotFound for the parent', () => {
      spec
        .given([])
        .when(register({ parentExists: false }))
        .thenThrows(NotFound, { entity: 'Unit', id: 'u-district' });
    });

    it('refuses a unit as its own parent', () => {
      spec
        .given([])
        .when(register({ parentUnitId: 'u-thcs' }))
        .thenThrows('UNIT_PARENT_SELF');
    });

    it('refuses a parent on a lower level (a district unit under a commune)', () => {
      spec
        .given([])
        .when(register({ level: AuthorityLevel.DISTRICT, parentLevel: AuthorityLevel.COMMUNE }))
        .thenThrows('UNIT_PARENT_LEVEL', {
          level: AuthorityLevel.DISTRICT,
          parentLevel: AuthorityLevel.COMMUNE,
        });
    });

    it('accepts a parent on the same level, and a province unit under a ministry', () => {
      spec
        .given([])
        .when(register({ level: AuthorityLevel.DISTRICT, parentLevel: AuthorityLevel.DISTRICT }))
        .events();
      spec
        .given([])
        .when(register({ level: AuthorityLevel.PROVINCE, parentLevel: AuthorityLevel.MINISTRY }))
        .events();
    });

    it('skips the level check when the parent level is not known', () => {
      spec
        .given([])
        .when(register({ level: AuthorityLevel.PROVINCE, parentLevel: null }))
        .events();
    });

    it('refuses a blank name', () => {
      spec
        .given([])
        .when(register({ name: '   ' }))
        .thenThrows(InvalidInput, { field: 'name' });
    });
  });

  describe('RenameUnit', () => {
    const renamed: UnitRenamed = {
      type: 'UnitRenamed',
      data: {
        unitId: 'u-thcs',
        previousName: 'Trường THCS Lê Lợi',
        name: 'Trường THCS Lê Lợi mới',
        effectiveOn: '2024-09-01',
      },
    };

    it('given a unit, when renamed, then UnitRenamed with the previous name, and the state has the new name', () => {
      spec.given([registered]).when(rename('Trường THCS Lê Lợi mới')).then([renamed]);
      expect(fold(unitDecider, [registered, renamed])).toMatchObject({ name: 'Trường THCS Lê Lợi mới' });
    });

    it('given nothing, when renamed, then NotFound', () => {
      spec.given([]).when(rename('X')).thenThrows(NotFound, { entity: 'Unit', id: 'u-thcs' });
    });

    it('refuses the same name', () => {
      spec.given([registered]).when(rename('Trường THCS Lê Lợi')).thenThrows('UNIT_NAME_UNCHANGED');
    });

    it('refuses an invalid effective date', () => {
      spec
        .given([registered])
        .when({ type: 'RenameUnit', data: { unitId: 'u-thcs', name: 'Mới', effectiveOn: '2024-02-30' } })
        .thenThrows(InvalidInput, { field: 'effectiveOn' });
    });

    it('given a merged unit, when renamed, then UNIT_MERGED', () => {
      spec.given([registered, merged]).when(rename('Mới')).thenThrows('UNIT_MERGED', { mergedInto: 'u-th-thcs' });
    });
  });

  describe('MergeUnit', () => {
    it('given a unit, when merged into another existing unit, then UnitMerged and the state is MERGED', () => {
      spec.given([registered]).when(merge()).then([merged]);
      expect(fold(unitDecider, [registered, merged])).toMatchObject({
        status: 'MERGED',
        mergedInto: { unitId: 'u-th-thcs', effectiveOn: '2025-07-01' },
      });
    });

    it('records a missing reason as null', () => {
      const [event] = spec
        .given([registered])
        .when(merge({ reason: null }))
        .events();
      expect(event.data).toMatchObject({ reason: null });
    });

    it('given nothing, when merged, then NotFound', () => {
      spec.given([]).when(merge()).thenThrows(NotFound, { entity: 'Unit', id: 'u-thcs' });
    });

    it('refuses a merge into itself', () => {
      spec
        .given([registered])
        .when(merge({ intoUnitId: 'u-thcs' }))
        .thenThrows('UNIT_MERGE_INTO_SELF');
    });

    it('refuses a target that does not exist', () => {
      spec
        .given([registered])
        .when(merge({ intoUnitExists: false }))
        .thenThrows(NotFound, { entity: 'Unit', id: 'u-th-thcs' });
    });

    it('refuses a target that was itself merged away', () => {
      spec
        .given([registered])
        .when(merge({ intoUnitMerged: true }))
        .thenThrows('UNIT_MERGE_TARGET_MERGED');
    });

    it('given a merged unit, when merged again, then UNIT_MERGED', () => {
      spec
        .given([registered, merged])
        .when(merge({ intoUnitId: 'u-other' }))
        .thenThrows('UNIT_MERGED');
    });
  });
});
