import type { ComplaintKind, ComplaintStatus } from '../../src/shared/domain';

export interface AwardRow {
  awardId: string;
  periodKind: string;
  periodYear: number;
  unitId: string;
  award: string;
  individual: boolean;
  directWorker: boolean;
  female: boolean;
  revoked: boolean;
  /** The cash reward in VND; null where none is fixed. */
  rewardVnd: number | null;
  /** How it was awarded, as the statistics forms divide it (see awardMethodOf). */
  method: AwardMethod;
  issuedByLevel: string | null;
}

/** Thường xuyên (from a regular or phased movement), chuyên đề (a thematic one), đột xuất (no movement). */
export type AwardMethod = 'REGULAR' | 'THEMATIC' | 'SUDDEN';

export function awardMethodOf(award: { movementId: string | null; thematic: boolean }): AwardMethod {
  if (award.thematic) return 'THEMATIC';
  return award.movementId === null ? 'SUDDEN' : 'REGULAR';
}

export interface MovementRow {
  movementId: string;
  launchedByUnitId: string;
  kind: string;
  startsOn: string;
  endsOn: string | null;
}

export interface DossierRow {
  dossierId: string;
  periodKind: string;
  periodYear: number;
  unitId: string;
  submittedOn: string;
  returned: boolean;
  eligible: boolean | null;
  approved: boolean | null;
  decisionDays: number | null;
  granted: boolean;
  withdrawn: boolean;
}

export interface ComplaintRow {
  complaintId: string;
  unitId: string | null;
  kind: ComplaintKind;
  receivedOn: string;
  acceptanceDueOn: string;
  acceptedOn: string | null;
  dueOn: string | null;
  closedOn: string | null;
  status: ComplaintStatus;
  upheld: boolean;
}

/** An entity as it was before the batch (null: new in this batch) and as the batch leaves it. */
export interface Tracked<Row> {
  before: Row | null;
  row: Row;
}

/**
 * A batch's view of the tables: the earlier state of everything its events refer to,
 * loaded with one query per table, then changed in memory in log order.
 */
export interface YearlyTotalsBatch {
  /** Unit → parent unit, for the units the batch registers. */
  readonly units: Map<string, string | null>;
  /** Merged unit → the unit it was merged into (UnitMerged). */
  readonly mergedInto: Map<string, string>;
  /** Unit → authority level, for the units the batch registers. */
  readonly unitLevels: Map<string, string>;
  /** Movements the batch launches. */
  readonly movements: Map<string, MovementRow>;
  /** Workforce reports by `<unitId>:<year>`, the latest of the batch. */
  readonly workforce: Map<string, { unitId: string; year: number; figures: unknown }>;
  /** Person → unit. */
  readonly people: Map<string, string>;
  /** People the batch registers or moves. */
  readonly changedPeople: Set<string>;
  /** Session → the day it was held. */
  readonly sessions: Map<string, string>;
  readonly newSessions: Set<string>;
  readonly awards: Map<string, Tracked<AwardRow>>;
  readonly dossiers: Map<string, Tracked<DossierRow>>;
  readonly complaints: Map<string, Tracked<ComplaintRow>>;
}

export function emptyYearlyTotalsBatch(): YearlyTotalsBatch {
  return {
    units: new Map(),
    mergedInto: new Map(),
    unitLevels: new Map(),
    movements: new Map(),
    workforce: new Map(),
    people: new Map(),
    changedPeople: new Set(),
    sessions: new Map(),
    newSessions: new Set(),
    awards: new Map(),
    dossiers: new Map(),
    complaints: new Map(),
  };
}
