import type { AwardGranted } from '../awards/award.events';
import type { DomainEvent } from '../shared/decider';
import type { AwardKind, IsoDate, IsoInstant, Period } from '../shared/domain';
import type { NamedSubject } from '../rules/values';

/** One recipient of the decision: the dossier it grants, and the reward computed for it. */
export interface DecisionEntry {
  dossierId: string;
  /** The id the award stream will have once the decision is signed. */
  awardId: string;
  award: AwardKind;
  /** The award's Vietnamese name (from the catalog). */
  label: string;
  subject: NamedSubject;
  /** The person's unit, or the collective itself. */
  subjectUnitId: string;
  period: Period;
  /** Multiple (hệ số) of the base salary in force on the decision date; null where none is set. */
  cashMultiple: number | null;
  baseSalaryVnd: number | null;
  /** cashMultiple × baseSalaryVnd, rounded as the decree says; null where no cash reward is fixed. */
  rewardVnd: number | null;
}

/** The decision as a document: what its PDF prints and what signing grants. */
export interface DecisionDocument {
  decisionId: string;
  issuedByUnitId: string;
  issuedByUnitName: string;
  year: number;
  /** Số quyết định, e.g. 12/QĐ-UBND; unique per issuing unit and year. */
  number: string;
  decidedOn: IsoDate;
  /** Địa danh: the place the date line names, e.g. Bạch Thông. */
  place: string;
  signerName: string;
  /** E.g. "CHỦ TỊCH", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH". */
  signerTitle: string;
  /** Trích yếu: what follows "Về việc", e.g. "khen thưởng danh hiệu Lao động tiên tiến năm 2025". */
  about: string;
  /** Căn cứ ban hành: each line follows "Căn cứ". */
  legalGrounds: string[];
  entries: DecisionEntry[];
}

/**
 * A decision was drafted in the system (stream `decision-<issuedByUnitId>:<year>:<number>`,
 * created with "no stream": its number is used once per unit and year).
 */
export interface DecisionDrafted extends DomainEvent<'DecisionDrafted', DecisionDocument & { draftedAt: IsoInstant }> {}

/** The draft was rewritten before signing: date, signer, grounds or entries. */
export interface DecisionDraftRevised extends DomainEvent<
  'DecisionDraftRevised',
  DecisionDocument & { revisedAt: IsoInstant }
> {}

/**
 * The decision was signed: each entry's award as the award's rules decided it on the
 * signing facts (`grants`). A process manager (`decisionGrants`) records each grant on its
 * dossier, and the award follows from there.
 */
export interface DecisionSigned extends DomainEvent<
  'DecisionSigned',
  DecisionDocument & {
    grants: Array<{ dossierId: string; awardId: string; grantedAward: AwardGranted['data'] }>;
    signedAt: IsoInstant;
  }
> {}

export type DecisionEvent = DecisionDrafted | DecisionDraftRevised | DecisionSigned;

export const DECISION_EVENT_TYPES: readonly DecisionEvent['type'][] = [
  'DecisionDrafted',
  'DecisionDraftRevised',
  'DecisionSigned',
];
