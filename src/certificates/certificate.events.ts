import type { DomainEvent } from '../shared/decider';
import type { AwardKind, IsoDate, IsoInstant } from '../shared/domain';
import type { NamedSubject } from '../rules/values';

/** What the printed sheet says, as it was printed. */
export interface CertificateText {
  award: AwardKind;
  /** GIẤY KHEN or BẰNG KHEN. */
  title: string;
  /** The serial's suffix: GK (Giấy khen) or BK (Bằng khen). */
  serialSuffix: string;
  recipient: NamedSubject;
  achievement: string;
  issuingUnitName: string;
  decisionNumber: string;
  decidedOn: IsoDate;
  signerName: string;
}

/**
 * A certificate of an award was printed in the register of its issuing unit and decision
 * year (stream `certificate_register-<issuingUnitId>:<year>`). The first print takes the
 * next serial; a reprint keeps it (`reprint`, `reprintOf` the serial it reprints).
 */
export interface CertificatePrinted extends DomainEvent<
  'CertificatePrinted',
  {
    awardId: string;
    issuingUnitId: string;
    year: number;
    serial: number;
    reprint: boolean;
    reprintOf: number | null;
    certificate: CertificateText;
    printedOn: IsoDate;
    printedAt: IsoInstant;
  }
> {}

export type CertificateEvent = CertificatePrinted;
