import type { AwardGranted } from '../../src/awards/award.events';
import { AuthorityLevel, AwardCategory, AwardKind, PeriodKind, SubjectKind } from '../../src/shared/domain';

/** An award as a grant decides it, for events and commands that carry one (DossierGranted). */
export function grantedAwardFixture(overrides: Partial<AwardGranted['data']> = {}): AwardGranted['data'] {
  return {
    awardId: 'a-1',
    dossierId: 'd-1',
    award: AwardKind.GRASSROOTS_EMULATION_FIGHTER,
    category: AwardCategory.TITLE,
    label: 'Chiến sĩ thi đua cơ sở',
    subject: { kind: SubjectKind.INDIVIDUAL, id: 'p-1', name: 'Nguyễn Văn A' },
    subjectUnitId: 'u-1',
    period: { kind: PeriodKind.CALENDAR_YEAR, year: 2024 },
    decisionNumber: '125/QĐ-UBND',
    decidedOn: '2024-12-10',
    issuedByUnitId: 'u-district',
    issuedByLevel: AuthorityLevel.DISTRICT,
    signerName: 'Chủ tịch',
    cashMultiple: 1,
    directWorker: false,
    female: false,
    movementId: null,
    thematic: false,
    grantedAt: '2024-12-10T02:00:00.000Z',
    ...overrides,
  };
}
