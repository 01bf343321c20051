import type { IsoDate } from '../shared/domain';

export interface PersonRegistered {
  type: 'PersonRegistered';
  data: {
    personId: string;
    fullName: string;
    unitId: string;
    unitName: string;
    position: string | null;
    /** A direct worker (người lao động trực tiếp: worker, farmer …). */
    directWorker: boolean;
    female: boolean;
  };
}

/** The person moves to another unit from `effectiveOn` (history for awards and ratings). */
export interface PersonTransferred {
  type: 'PersonTransferred';
  data: {
    personId: string;
    fullName: string;
    fromUnitId: string;
    fromUnitName: string;
    toUnitId: string;
    toUnitName: string;
    /** The position held in the new unit (`null`: none recorded). */
    position: string | null;
    effectiveOn: IsoDate;
  };
}

export type PersonEvent = PersonRegistered | PersonTransferred;
