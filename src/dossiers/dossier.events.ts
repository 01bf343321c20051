import type { DomainEvent } from '../shared/decider';
import type {
  AuthorityLevel,
  AwardKind,
  BallotTally,
  DossierProcedure,
  DossierStatus,
  IsoDate,
  IsoInstant,
  Period,
  RuleCheck,
} from '../shared/domain';
import type { RuleSetId } from '../rules/ruleSets';
import type { NamedSubject } from '../rules/values';
import type { AwardGranted } from '../awards/award.events';
import type { DocumentKind } from '../documents/documentKinds';

/** What every dossier event repeats, so each read model can use any one event on its own. */
export interface DossierContext {
  dossierId: string;
  proposingUnitId: string;
  nominee: NamedSubject;
  /** The person's unit, or the collective itself. */
  nomineeUnitId: string;
  award: AwardKind;
  period: Period;
}

/**
 * A unit proposed a nominee for an award (hồ sơ đề nghị khen thưởng); the rule set follows
 * from `submittedOn`. A SIMPLIFIED dossier proposes a sudden award (khen thưởng đột xuất):
 * `achievedOn` dates the achievement and `achievements` is its brief summary.
 */
export interface DossierSubmitted extends DomainEvent<
  'DossierSubmitted',
  DossierContext & {
    proposingUnitName: string;
    movementId: string | null;
    movementThematic: boolean;
    achievements: string;
    submittedOn: IsoDate;
    submittedAt: IsoInstant;
    ruleSetId: RuleSetId;
    /** Absent on events recorded before the simplified procedure: read as STANDARD. */
    procedure?: DossierProcedure;
    /** The sudden achievement's date; null for a STANDARD dossier; absent on older events. */
    achievedOn?: IsoDate | null;
  }
> {}

/** The standing agency sent the dossier back for supplement (trả lại hồ sơ để bổ sung). */
export interface DossierReturned extends DomainEvent<
  'DossierReturned',
  DossierContext & {
    reason: string;
    /** 1 for the first return, 2 for the second, … */
    returnNo: number;
    returnedAt: IsoInstant;
  }
> {}

/** The unit supplemented a returned dossier; it awaits appraisal again. */
export interface DossierResubmitted extends DomainEvent<
  'DossierResubmitted',
  DossierContext & {
    achievements: string;
    /** Answers the return with the same number. */
    returnNo: number;
    resubmittedAt: IsoInstant;
  }
> {}

/**
 * The standing agency received the dossier as complete (tiếp nhận) on `receivedOn`: the
 * handling term runs from that day, at the receiving unit's level, under the dossier's
 * rule set (the facts its due date is computed from).
 */
export interface DossierReceived extends DomainEvent<
  'DossierReceived',
  DossierContext & {
    receivedOn: IsoDate;
    receivingUnitId: string;
    receivingUnitName: string;
    handlingLevel: AuthorityLevel;
    ruleSetId: RuleSetId;
    receivedAt: IsoInstant;
  }
> {}

/** A handling officer (cán bộ thụ lý) was put in charge of the dossier; a reassignment names the one before. */
export interface DossierAssigned extends DomainEvent<
  'DossierAssigned',
  DossierContext & {
    officerId: string;
    officerName: string;
    previousOfficerId: string | null;
    assignedAt: IsoInstant;
  }
> {}

export interface DossierWithdrawn extends DomainEvent<
  'DossierWithdrawn',
  DossierContext & {
    reason: string;
    statusBefore: DossierStatus;
    withdrawnAt: IsoInstant;
  }
> {}

/** Appraisal (thẩm định) by the rule engine: the rule set applied and every check, passed or not. */
export interface DossierAppraised extends DomainEvent<
  'DossierAppraised',
  DossierContext & {
    eligible: boolean;
    ruleSetId: RuleSetId;
    checks: RuleCheck[];
    note: string | null;
    appraisedAt: IsoInstant;
  }
> {}

/** The council's secret-ballot result for the dossier, against the threshold over all members. */
export interface DossierResolved extends DomainEvent<
  'DossierResolved',
  DossierContext & {
    sessionId: string;
    approved: boolean;
    tally: BallotTally;
    resolvedAt: IsoInstant;
  }
> {}

/**
 * An award decision was issued on the dossier; a dossier yields at most one award, and
 * this stream guards that. The award stream is created from `grantedAward` (a process
 * manager carries it there).
 */
export interface DossierGranted extends DomainEvent<
  'DossierGranted',
  DossierContext & {
    awardId: string;
    decisionNumber: string;
    decidedOn: IsoDate;
    grantedAward: AwardGranted['data'];
    /** Granted by the simplified procedure on the appraisal alone; absent on older events: false. */
    withoutCouncil?: boolean;
    grantedAt: IsoInstant;
  }
> {}

/**
 * A document stored outside the log (content-addressed by `sha256`) was attached to the
 * dossier; `size` and `contentType` are the stored file's, `attachedBy` the caller.
 */
export interface DocumentAttached extends DomainEvent<
  'DocumentAttached',
  DossierContext & {
    kind: DocumentKind;
    sha256: string;
    fileName: string;
    size: number;
    contentType: string;
    attachedBy: string;
    attachedAt: IsoInstant;
  }
> {}

/** One step of a dossier's route (khen cao): from the level whose council supported it to a higher one. */
export interface RouteStep {
  /** 1 for the first forwarding, 2 for the next, … */
  stepNo: number;
  fromUnitId: string;
  fromUnitName: string;
  fromLevel: AuthorityLevel;
  toUnitId: string;
  toUnitName: string;
  toLevel: AuthorityLevel;
  forwardedOn: IsoDate;
  /** The lower level's council session that supported the dossier. */
  supportedInSessionId: string;
}

/**
 * After the lower level's council supported it, the dossier was sent up (chuyển hồ sơ lên
 * cấp trên) to the standing agency of a higher level, which receives and appraises it
 * under its own authority with the rule set chosen at the original submission.
 */
export interface DossierForwarded extends DomainEvent<
  'DossierForwarded',
  DossierContext & {
    step: RouteStep;
    ruleSetId: RuleSetId;
    forwardedAt: IsoInstant;
  }
> {}

export type DossierEvent =
  | DossierSubmitted
  | DossierReturned
  | DossierResubmitted
  | DossierReceived
  | DossierAssigned
  | DossierWithdrawn
  | DossierAppraised
  | DossierResolved
  | DossierGranted
  | DocumentAttached
  | DossierForwarded;

export const DOSSIER_EVENT_TYPES: readonly DossierEvent['type'][] = [
  'DossierSubmitted',
  'DossierReturned',
  'DossierResubmitted',
  'DossierReceived',
  'DossierAssigned',
  'DossierWithdrawn',
  'DossierAppraised',
  'DossierResolved',
  'DossierGranted',
  'DocumentAttached',
  'DossierForwarded',
];
