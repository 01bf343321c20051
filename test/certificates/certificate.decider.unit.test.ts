import {
  certificateRegisterDecider,
  type CertificateAwardFacts,
  type PrintCertificate,
} from '../../src/certificates/certificate.decider';
import type { CertificatePrinted } from '../../src/certificates/certificate.events';
import { AwardKind, PeriodKind, SubjectKind } from '../../src/shared/domain';
import { deciderSpec, frozenDecider } from '../support/deciderSpec';

const spec = deciderSpec(frozenDecider(certificateRegisterDecider));
const NOW = '2025-01-05T02:00:00.000Z';

function award(awardId: string, overrides: Partial<CertificateAwardFacts> = {}): CertificateAwardFacts {
  return {
    awardId,
    award: AwardKind.CERTIFICATE_OF_MERIT,
    revoked: false,
    subject: { kind: SubjectKind.INDIVIDUAL, id: `p-${awardId}`, name: 'Lương Thị Hường' },
    period: { kind: PeriodKind.CALENDAR_YEAR, year: 2024 },
    issuingUnitId: 'huyen',
    issuingUnitName: 'UBND huyện Bạch Thông',
    decisionNumber: '88/QĐ-UBND',
    decidedOn: '2024-12-10',
    signerName: 'Hoàng Văn Đức',
    ...overrides,
  };
}

const print = (facts: CertificateAwardFacts): PrintCertificate => ({
  type: 'PrintCertificate',
  data: { award: facts, now: NOW },
});

function printedEvent(awardId: string, serial: number, reprintOf: number | null = null): CertificatePrinted {
  const [event] = certificateRegisterDecider.decide(print(award(awardId)), { status: 'NONE' });
  return { type: 'CertificatePrinted', data: { ...event.data, serial, reprint: reprintOf !== null, reprintOf } };
}

describe('certificate register decider', () => {
  it('gives the first print serial 1, with the text of a Giấy khen for the decision year', () => {
    const [event] = spec
      .given([])
      .when(print(award('a-1')))
      .events();
    expect(event.data).toMatchObject({
      awardId: 'a-1',
      issuingUnitId: 'huyen',
      year: 2024,
      serial: 1,
      reprint: false,
      reprintOf: null,
      printedOn: '2025-01-05',
      certificate: { title: 'GIẤY KHEN', serialSuffix: 'GK', recipient: { name: 'Lương Thị Hường' } },
    });
  });

  it('keeps the serial on a reprint and gives the next award the next serial', () => {
    spec
      .given([printedEvent('a-1', 1)])
      .when(print(award('a-1')))
      .then([printedEvent('a-1', 1, 1)]);
    spec
      .given([printedEvent('a-1', 1), printedEvent('a-1', 1, 1)])
      .when(print(award('a-2')))
      .then([printedEvent('a-2', 2)]);
  });

  it('titles a Bằng khen with its own suffix', () => {
    const [event] = spec
      .given([])
      .when(print(award('a-1', { award: AwardKind.PRIME_MINISTER_CERTIFICATE_OF_MERIT })))
      .events();
    expect(event.data.certificate).toMatchObject({ title: 'BẰNG KHEN', serialSuffix: 'BK' });
  });

  it('refuses a revoked award and an award kind without a certificate', () => {
    spec
      .given([])
      .when(print(award('a-1', { revoked: true })))
      .thenThrows('AWARD_REVOKED', { awardId: 'a-1' });
    spec
      .given([])
      .when(print(award('a-1', { award: AwardKind.ADVANCED_WORKER })))
      .thenThrows('NO_CERTIFICATE', { award: AwardKind.ADVANCED_WORKER });
  });
});
