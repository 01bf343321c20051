/**
 * Vocabulary shared by every stream type: the enums of the public contract and the
 * value types (period, subject) that events carry. GraphQL registers these enums in
 * `src/graphql/enums.ts`; the values are stored in events, so never rename one.
 */
export enum AuthorityLevel {
  UNIT = 'UNIT',
  COMMUNE = 'COMMUNE',
  DISTRICT = 'DISTRICT',
  PROVINCE = 'PROVINCE',
  MINISTRY = 'MINISTRY',
  GOVERNMENT = 'GOVERNMENT',
  STATE = 'STATE',
}
const AUTHORITY_LEVELS_UPWARD: readonly AuthorityLevel[] = Object.values(AuthorityLevel);
/** A level's rank, 0 for UNIT and rising to STATE: the enum lists the levels bottom up. */
export function authorityRank(level: AuthorityLevel): number {
  return AUTHORITY_LEVELS_UPWARD.indexOf(level);
}
export enum UnitKind {
  PEOPLES_COMMITTEE = 'PEOPLES_COMMITTEE',
  AGENCY = 'AGENCY',
  SCHOOL = 'SCHOOL',
  ENTERPRISE = 'ENTERPRISE',
  VILLAGE = 'VILLAGE',
  ASSOCIATION = 'ASSOCIATION',
  OTHER = 'OTHER',
}
export enum SubjectKind {
  INDIVIDUAL = 'INDIVIDUAL',
  COLLECTIVE = 'COLLECTIVE',
  /** A household (hộ gia đình), a subject of its own under Law 06/2022/QH15 Art. 2. */
  HOUSEHOLD = 'HOUSEHOLD',
}
export enum PeriodKind {
  CALENDAR_YEAR = 'CALENDAR_YEAR',
  SCHOOL_YEAR = 'SCHOOL_YEAR',
}
export enum MovementKind {
  REGULAR = 'REGULAR',
  PHASED = 'PHASED',
  THEMATIC = 'THEMATIC',
}
export enum ClusterKind {
  CLUSTER = 'CLUSTER',
  BLOC = 'BLOC',
}
export enum ScoreKind {
  SELF = 'SELF',
  ASSESSED = 'ASSESSED',
}
export enum PerformanceRating {
  EXCELLENT = 'EXCELLENT',
  GOOD = 'GOOD',
  COMPLETED = 'COMPLETED',
  NOT_COMPLETED = 'NOT_COMPLETED',
}
export enum AwardCategory {
  TITLE = 'TITLE',
  COMMENDATION = 'COMMENDATION',
}
export enum AwardKind {
  ADVANCED_WORKER = 'ADVANCED_WORKER',
  GRASSROOTS_EMULATION_FIGHTER = 'GRASSROOTS_EMULATION_FIGHTER',
  PROVINCIAL_EMULATION_FIGHTER = 'PROVINCIAL_EMULATION_FIGHTER',
  NATIONAL_EMULATION_FIGHTER = 'NATIONAL_EMULATION_FIGHTER',
  ADVANCED_COLLECTIVE = 'ADVANCED_COLLECTIVE',
  EXCELLENT_COLLECTIVE = 'EXCELLENT_COLLECTIVE',
  PROVINCIAL_EMULATION_FLAG = 'PROVINCIAL_EMULATION_FLAG',
  GOVERNMENT_EMULATION_FLAG = 'GOVERNMENT_EMULATION_FLAG',
  CERTIFICATE_OF_MERIT = 'CERTIFICATE_OF_MERIT',
  PROVINCIAL_CERTIFICATE_OF_MERIT = 'PROVINCIAL_CERTIFICATE_OF_MERIT',
  PRIME_MINISTER_CERTIFICATE_OF_MERIT = 'PRIME_MINISTER_CERTIFICATE_OF_MERIT',
  LABOR_ORDER_THIRD_CLASS = 'LABOR_ORDER_THIRD_CLASS',
  LABOR_ORDER_SECOND_CLASS = 'LABOR_ORDER_SECOND_CLASS',
  LABOR_ORDER_FIRST_CLASS = 'LABOR_ORDER_FIRST_CLASS',
  COMMEMORATIVE_MEDAL = 'COMMEMORATIVE_MEDAL',
}
export enum BallotChoice {
  APPROVE = 'APPROVE',
  REJECT = 'REJECT',
  ABSTAIN = 'ABSTAIN',
}
export enum DossierStatus {
  SUBMITTED = 'SUBMITTED',
  RETURNED = 'RETURNED',
  ELIGIBLE = 'ELIGIBLE',
  INELIGIBLE = 'INELIGIBLE',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  GRANTED = 'GRANTED',
  WITHDRAWN = 'WITHDRAWN',
}
/** The procedure a dossier follows: standard, or simplified (thủ tục đơn giản) for a sudden achievement. */
export enum DossierProcedure {
  STANDARD = 'STANDARD',
  SIMPLIFIED = 'SIMPLIFIED',
}
export enum ComplaintKind {
  COMPLAINT = 'COMPLAINT',
  DENUNCIATION = 'DENUNCIATION',
  PETITION = 'PETITION',
}
export enum ComplaintStatus {
  RECEIVED = 'RECEIVED',
  ACCEPTED = 'ACCEPTED',
  RESOLVED = 'RESOLVED',
  DISMISSED = 'DISMISSED',
}
export enum ComplaintOutcome {
  UPHELD = 'UPHELD',
  PARTIALLY_UPHELD = 'PARTIALLY_UPHELD',
  REJECTED = 'REJECTED',
}
export enum PlanTaskStatus {
  PLANNED = 'PLANNED',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  OVERDUE = 'OVERDUE',
}

/** A calendar year, or a school year (SCHOOL_YEAR 2022 = September 2022 to August 2023). */
export interface Period {
  kind: PeriodKind;
  year: number;
}

export interface SubjectRef {
  kind: SubjectKind;
  id: string;
}

export const MIN_YEAR = 1945;
export const MAX_YEAR = 2100;

export function periodLabel(period: Period): string {
  return period.kind === PeriodKind.SCHOOL_YEAR ? `${period.year}-${period.year + 1}` : `${period.year}`;
}

export function samePeriod(a: Period, b: Period): boolean {
  return a.kind === b.kind && a.year === b.year;
}

export function periodKey(period: Period): string {
  return `${period.kind}:${period.year}`;
}

export function subjectKey(subject: SubjectRef): string {
  return `${subject.kind}:${subject.id}`;
}

/** ISO calendar date `YYYY-MM-DD` (a `Date` scalar). */
export type IsoDate = string;
/** ISO-8601 instant (a `DateTime` scalar). */
export type IsoInstant = string;

/** Adds whole days to an ISO date, in UTC, returning an ISO date. */
export function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** One named condition of a rule set, as appraisal records it. */
export interface RuleCheck {
  rule: string;
  passed: boolean;
  detail: string;
}

/**
 * A council's count for one dossier. The threshold is a share of ALL members who may vote
 * on it: `approved` is approve / members >= share when `inclusive`, > share otherwise.
 */
export interface BallotTally {
  approve: number;
  reject: number;
  abstain: number;
  /** Council members who may vote on the dossier: the threshold's denominator. */
  members: number;
  /** Members left out of `members` for a conflict of interest; absent on older tallies: read as 0. */
  barred?: number;
  thresholdShare: number;
  thresholdInclusive: boolean;
  approved: boolean;
}
