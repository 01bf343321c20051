import { assertNever, type Decider } from '../shared/decider';
import { AwardKind, periodLabel, type IsoInstant, type Period } from '../shared/domain';
import { RuleViolation } from '../shared/errors';
import type { NamedSubject } from '../rules/values';
import { requireIsoInstant } from '../rules/values';
import type { CertificateEvent, CertificatePrinted, CertificateText } from './certificate.events';

export const CERTIFICATE_REGISTER_STREAM_TYPE = 'certificate_register';

/** The register of one issuing unit's certificates for one year. */
export function certificateRegisterId(issuingUnitId: string, year: number): string {
  return `${issuingUnitId}:${year}`;
}

/**
 * The award kinds printed as a certificate, with the sheet's title and serial suffix:
 * Giấy khen (Law 06/2022/QH15, Art. 75) and the Bằng khen of a minister or provincial
 * chairman and of the Prime Minister (same law, its articles on Bằng khen; their
 * numbers are not verified here).
 */
export const CERTIFICATE_KINDS: Readonly<Partial<Record<AwardKind, { title: string; serialSuffix: string }>>> = {
  [AwardKind.CERTIFICATE_OF_MERIT]: { title: 'GIẤY KHEN', serialSuffix: 'GK' },
  [AwardKind.PROVINCIAL_CERTIFICATE_OF_MERIT]: { title: 'BẰNG KHEN', serialSuffix: 'BK' },
  [AwardKind.PRIME_MINISTER_CERTIFICATE_OF_MERIT]: { title: 'BẰNG KHEN', serialSuffix: 'BK' },
};

export type CertificateRegisterState =
  { status: 'NONE' } | { status: 'OPEN'; printed: number; serialOfAward: Readonly<Record<string, number>> };

/** The award as the handler read it from its stream, with its issuing unit's name. */
export interface CertificateAwardFacts {
  awardId: string;
  award: AwardKind;
  revoked: boolean;
  subject: NamedSubject;
  period: Period;
  issuingUnitId: string;
  issuingUnitName: string;
  decisionNumber: string;
  decidedOn: string;
  signerName: string;
}

export interface PrintCertificate {
  type: 'PrintCertificate';
  data: { award: CertificateAwardFacts; now: IsoInstant };
}

export type CertificateCommand = PrintCertificate;

/** The year of the award's decision: the register it is printed in. */
export function decisionYear(award: Pick<CertificateAwardFacts, 'decidedOn'>): number {
  return Number(award.decidedOn.slice(0, 4));
}

function initialRegister(): CertificateRegisterState {
  return { status: 'NONE' };
}

function evolveRegister(state: CertificateRegisterState, event: CertificateEvent): CertificateRegisterState {
  switch (event.type) {
    case 'CertificatePrinted': {
      const printed = state.status === 'OPEN' ? state.printed : 0;
      const serialOfAward = state.status === 'OPEN' ? state.serialOfAward : {};
      if (event.data.reprint) return { status: 'OPEN', printed, serialOfAward };
      return {
        status: 'OPEN',
        printed: printed + 1,
        serialOfAward: { ...serialOfAward, [event.data.awardId]: event.data.serial },
      };
    }
    default:
      return assertNever(event.type, 'certificate event');
  }
}

function decideRegister(command: CertificateCommand, state: CertificateRegisterState): CertificateEvent[] {
  switch (command.type) {
    case 'PrintCertificate':
      return print(command.data, state);
    default:
      return assertNever(command.type, 'certificate command');
  }
}

function print(data: PrintCertificate['data'], state: CertificateRegisterState): CertificatePrinted[] {
  const { award, now } = data;
  requireIsoInstant(now, 'now');
  requireNotRevoked(award);
  const kind = requireCertificateKind(award);
  const earlierSerial = state.status === 'OPEN' ? state.serialOfAward[award.awardId] : undefined;
  const serial = earlierSerial ?? (state.status === 'OPEN' ? state.printed : 0) + 1;
  return [
    {
      type: 'CertificatePrinted',
      data: {
        awardId: award.awardId,
        issuingUnitId: award.issuingUnitId,
        year: decisionYear(award),
        serial,
        reprint: earlierSerial !== undefined,
        reprintOf: earlierSerial ?? null,
        certificate: certificateText(award, kind),
        printedOn: now.slice(0, 10),
        printedAt: now,
      },
    },
  ];
}

/**
 * A revoked decision's award is taken back (Law 06/2022/QH15, chapter VII on violations):
 * no certificate is printed for it.
 */
function requireNotRevoked(award: CertificateAwardFacts): void {
  if (award.revoked) {
    throw new RuleViolation('AWARD_REVOKED', `award ${award.awardId} was revoked: its certificate is not printed`, {
      awardId: award.awardId,
    });
  }
}

function requireCertificateKind(award: CertificateAwardFacts): { title: string; serialSuffix: string } {
  const kind = CERTIFICATE_KINDS[award.award];
  if (!kind) {
    throw new RuleViolation('NO_CERTIFICATE', `${award.award} is not printed as a Giấy khen or Bằng khen`, {
      award: award.award,
    });
  }
  return kind;
}

function certificateText(award: CertificateAwardFacts, kind: { title: string; serialSuffix: string }): CertificateText {
  return {
    award: award.award,
    title: kind.title,
    serialSuffix: kind.serialSuffix,
    recipient: award.subject,
    achievement: `Đã có thành tích xuất sắc trong phong trào thi đua năm ${periodLabel(award.period)}`,
    issuingUnitName: award.issuingUnitName,
    decisionNumber: award.decisionNumber,
    decidedOn: award.decidedOn,
    signerName: award.signerName,
  };
}

export const certificateRegisterDecider: Decider<CertificateCommand, CertificateEvent, CertificateRegisterState> = {
  streamType: CERTIFICATE_REGISTER_STREAM_TYPE,
  initialState: initialRegister,
  evolve: evolveRegister,
  decide: decideRegister,
};
