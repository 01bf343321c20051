import type { DomainEvent } from '../shared/decider';
import type { AuthorityLevel, AwardCategory, AwardKind, IsoDate, IsoInstant, Period } from '../shared/domain';
import type { NamedSubject } from '../rules/values';

/**
 * An award decision (quyết định khen thưởng) for one subject, issued on an approved
 * dossier. Label and category are copied from the catalog, the cash multiple, base
 * salary and reward amount from the rules in force on the decision date.
 */
export interface AwardGranted extends DomainEvent<
  'AwardGranted',
  {
    awardId: string;
    dossierId: string;
    award: AwardKind;
    category: AwardCategory;
    label: string;
    subject: NamedSubject;
    /** The person's unit, or the collective itself. */
    subjectUnitId: string;
    period: Period;
    decisionNumber: string;
    decidedOn: IsoDate;
    issuedByUnitId: string;
    issuedByLevel: AuthorityLevel;
    signerName: string;
    /** Multiple (hệ số) of the base salary, by the rule set in force on `decidedOn`; null where none is set. */
    cashMultiple: number | null;
    /** The base salary (mức lương cơ sở, VND/month) in force on `decidedOn`; absent on older events: read as null. */
    baseSalaryVnd?: number | null;
    /**
     * The cash reward in VND: cashMultiple × baseSalaryVnd rounded as the decree says, fixed
     * when granted so a later base salary does not change it; absent on older events: read as null.
     */
    rewardVnd?: number | null;
    /** Always false for collectives. */
    directWorker: boolean;
    /** Always false for collectives. */
    female: boolean;
    movementId: string | null;
    thematic: boolean;
    grantedAt: IsoInstant;
  }
> {}

/** The award decision was revoked (hủy bỏ / thu hồi), e.g. after an upheld complaint. */
export interface AwardRevoked extends DomainEvent<
  'AwardRevoked',
  {
    awardId: string;
    dossierId: string;
    subject: NamedSubject;
    subjectUnitId: string;
    award: AwardKind;
    period: Period;
    reason: string;
    /** The number of the revoking decision. */
    decisionNumber: string;
    complaintId: string | null;
    revokedAt: IsoInstant;
  }
> {}

export type AwardEvent = AwardGranted | AwardRevoked;
