import type { AuthorityLevel, IsoDate, UnitKind } from '../shared/domain';

/** A unit (agency, committee, school, enterprise, village …) enters the register. */
export interface UnitRegistered {
  type: 'UnitRegistered';
  data: {
    unitId: string;
    name: string;
    kind: UnitKind;
    level: AuthorityLevel;
    parentUnitId: string | null;
    sector: string | null;
    /** A small collective (tập thể nhỏ). */
    small: boolean;
  };
}

/** The unit takes a new name from `effectiveOn`; earlier records keep the old one. */
export interface UnitRenamed {
  type: 'UnitRenamed';
  data: {
    unitId: string;
    previousName: string;
    name: string;
    effectiveOn: IsoDate;
  };
}

/**
 * The unit is merged into another one from `effectiveOn` (e.g. district-level units on
 * 2025-07-01). The merged unit keeps its history but accepts no further changes.
 */
export interface UnitMerged {
  type: 'UnitMerged';
  data: {
    unitId: string;
    unitName: string;
    intoUnitId: string;
    intoUnitName: string;
    effectiveOn: IsoDate;
    reason: string | null;
  };
}

export type UnitEvent = UnitRegistered | UnitRenamed | UnitMerged;
