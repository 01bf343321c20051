import { awardDecider, type AwardState, type GrantAward, type RevokeAward } from '../../src/awards/award.decider';
import type { AwardGranted, AwardRevoked } from '../../src/awards/award.events';
import {
  AuthorityLevel,
  AwardCategory,
  AwardKind,
  DossierStatus,
  PeriodKind,
  SubjectKind,
} from '../../src/shared/domain';
import { InvalidInput, NotFound } from '../../src/shared/errors';
import { deciderSpec, expectPlainEventData, frozenDecider } from '../support/deciderSpec';

// Frozen: decide and evolve must not mutate commands, events or state.
const spec = deciderSpec(frozenDecider(awardDecider));
const NOW = '2024-12-10T02:00:00.000Z';
const period2024 = { kind: PeriodKind.CALENDAR_YEAR, year: 2024 };
const nominee = { kind: SubjectKind.INDIVIDUAL, id: 'person-pham-van-binh', name: 'Phạm Văn Bình' };

const grantCommand: GrantAward = {
  type: 'GrantAward',
  data: {
    awardId: 'a-1',
    dossier: {
      dossierId: 'd-1',
      status: DossierStatus.APPROVED,
      nominee,
      nomineeUnitId: 'unit-htx-nong-nghiep',
      award: AwardKind.ADVANCED_WORKER,
      period: period2024,
      movementId: 'movement-nong-thon-moi',
      thematic: true,
      grantableWithoutCouncil: false,
      approvedAtLevel: null,
    },
    subjectFacts: { directWorker: true, female: false },
    issuingUnit: { id: 'unit-ubnd-xa-an-binh', level: AuthorityLevel.COMMUNE },
    decisionNumber: '45/QĐ-UBND',
    decidedOn: '2024-12-09',
    signerName: 'Nguyễn Thị Mai',
    facts: { heldSameKindSamePeriod: 0 },
    decisionFacts: null,
    now: NOW,
  },
};

type GrantData = GrantAward['data'];
function grantWith(changes: Partial<GrantData>, dossierChanges: Partial<GrantData['dossier']> = {}): GrantAward {
  return {
    type: 'GrantAward',
    data: { ...grantCommand.data, ...changes, dossier: { ...grantCommand.data.dossier, ...dossierChanges } },
  };
}

const granted: AwardGranted = {
  type: 'AwardGranted',
  data: {
    awardId: 'a-1',
    dossierId: 'd-1',
    award: AwardKind.ADVANCED_WORKER,
    category: AwardCategory.TITLE,
    label: 'Lao động tiên tiến',
    subject: nominee,
    subjectUnitId: 'unit-htx-nong-nghiep',
    period: period2024,
    decisionNumber: '45/QĐ-UBND',
    decidedOn: '2024-12-09',
    issuedByUnitId: 'unit-ubnd-xa-an-binh',
    issuedByLevel: AuthorityLevel.COMMUNE,
    signerName: 'Nguyễn Thị Mai',
    cashMultiple: 0.3,
    // 0.3 × 2,340,000 = 702,000, rounded up to tens of thousands (Decree 98/2023 Art. 53 cl. 2).
    baseSalaryVnd: 2_340_000,
    rewardVnd: 710_000,
    directWorker: true,
    female: false,
    movementId: 'movement-nong-thon-moi',
    thematic: true,
    grantedAt: NOW,
  },
};

const revokeCommand: RevokeAward = {
  type: 'RevokeAward',
  data: {
    awardId: 'a-1',
    reason: 'Khiếu nại được chấp nhận: hồ sơ kê khai sai',
    decisionNumber: '12/QĐ-UBND',
    complaintId: 'c-7',
    now: '2025-03-01T04:00:00.000Z',
  },
};
const revoked: AwardRevoked = {
  type: 'AwardRevoked',
  data: {
    awardId: 'a-1',
    dossierId: 'd-1',
    subject: nominee,
    subjectUnitId: 'unit-htx-nong-nghiep',
    award: AwardKind.ADVANCED_WORKER,
    period: period2024,
    reason: 'Khiếu nại được chấp nhận: hồ sơ kê khai sai',
    decisionNumber: '12/QĐ-UBND',
    complaintId: 'c-7',
    revokedAt: '2025-03-01T04:00:00.000Z',
  },
};

describe('GrantAward', () => {
  it('given no award and an approved dossier, then AwardGranted with catalog label, category and cash multiple', () => {
    spec.given([]).when(grantCommand).then([granted]);
    expect(spec.given([]).when(grantCommand).stateAfter()).toEqual({
      status: 'GRANTED',
      grant: granted.data,
      revocation: null,
    });
    expect(awardDecider.streamType).toBe('award');
  });

  it('given an existing award stream, then AWARD_ALREADY_GRANTED', () => {
    spec.given([granted]).when(grantCommand).thenThrows('AWARD_ALREADY_GRANTED');
  });

  describe('DOSSIER_NOT_APPROVED: an award needs an APPROVED dossier', () => {
    it.each(Object.values(DossierStatus).filter((status) => status !== DossierStatus.APPROVED))(
      'given a %s dossier, then refused',
      (status) => {
        spec.given([]).when(grantWith({}, { status })).thenThrows('DOSSIER_NOT_APPROVED');
      },
    );
  });

  describe('ISSUER_LEVEL: the issuing unit level must be one the catalog allows', () => {
    it.each([
      [AwardKind.ADVANCED_WORKER, AuthorityLevel.UNIT, true],
      [AwardKind.ADVANCED_WORKER, AuthorityLevel.COMMUNE, true],
      [AwardKind.ADVANCED_WORKER, AuthorityLevel.DISTRICT, true],
      [AwardKind.ADVANCED_WORKER, AuthorityLevel.PROVINCE, false],
      [AwardKind.GRASSROOTS_EMULATION_FIGHTER, AuthorityLevel.COMMUNE, false],
      [AwardKind.PROVINCIAL_EMULATION_FIGHTER, AuthorityLevel.DISTRICT, false],
      [AwardKind.PROVINCIAL_EMULATION_FIGHTER, AuthorityLevel.PROVINCE, true],
      [AwardKind.PROVINCIAL_EMULATION_FIGHTER, AuthorityLevel.MINISTRY, true],
      [AwardKind.NATIONAL_EMULATION_FIGHTER, AuthorityLevel.PROVINCE, false],
      [AwardKind.NATIONAL_EMULATION_FIGHTER, AuthorityLevel.GOVERNMENT, true],
      [AwardKind.PRIME_MINISTER_CERTIFICATE_OF_MERIT, AuthorityLevel.GOVERNMENT, true],
      [AwardKind.LABOR_ORDER_THIRD_CLASS, AuthorityLevel.GOVERNMENT, false],
      [AwardKind.LABOR_ORDER_FIRST_CLASS, AuthorityLevel.STATE, true],
      [AwardKind.CERTIFICATE_OF_MERIT, AuthorityLevel.PROVINCE, false],
    ])('%s issued at %s level: allowed=%s', (award, level, allowed) => {
      const outcome = spec.given([]).when(grantWith({ issuingUnit: { id: 'unit-x', level } }, { award }));
      if (allowed) {
        expect(outcome.events()).toMatchObject([{ type: 'AwardGranted', data: { award, issuedByLevel: level } }]);
      } else {
        outcome.thenThrows('ISSUER_LEVEL');
      }
    });
  });

  describe('FORWARDING_REQUIRED: a higher level grants only what its own council supported', () => {
    const flag = (approvedAtLevel: AuthorityLevel | null, level: AuthorityLevel) =>
      grantWith(
        { issuingUnit: { id: 'unit-x', level } },
        { award: AwardKind.PROVINCIAL_CERTIFICATE_OF_MERIT, approvedAtLevel },
      );

    it('refuses a province grant on what a district council supported, naming both levels', () => {
      spec.given([]).when(flag(AuthorityLevel.DISTRICT, AuthorityLevel.PROVINCE)).thenThrows('FORWARDING_REQUIRED', {
        dossierId: 'd-1',
        approvedAtLevel: AuthorityLevel.DISTRICT,
        issuingLevel: AuthorityLevel.PROVINCE,
      });
    });

    it('grants at the level of the supporting council, and where no council voted', () => {
      for (const approvedAtLevel of [AuthorityLevel.PROVINCE, null]) {
        expect(spec.given([]).when(flag(approvedAtLevel, AuthorityLevel.PROVINCE)).events()).toMatchObject([
          { type: 'AwardGranted', data: { issuedByLevel: AuthorityLevel.PROVINCE } },
        ]);
      }
    });

    it("lets a lower level grant what its superior's council supported", () => {
      const byUnit = grantWith(
        { issuingUnit: { id: 'unit-truong', level: AuthorityLevel.UNIT } },
        { approvedAtLevel: AuthorityLevel.DISTRICT },
      );
      expect(spec.given([]).when(byUnit).events()).toMatchObject([{ type: 'AwardGranted' }]);
    });
  });

  describe('the two-tier local government from 2025-07-01 (tdkt-2025)', () => {
    const byDistrict = (decidedOn: string, award = AwardKind.ADVANCED_WORKER) =>
      grantWith({ decidedOn, issuingUnit: { id: 'unit-ubnd-huyen', level: AuthorityLevel.DISTRICT } }, { award });
    const byCommune = (decidedOn: string) =>
      grantWith(
        { decidedOn, issuingUnit: { id: 'unit-ubnd-xa-an-binh', level: AuthorityLevel.COMMUNE } },
        { award: AwardKind.GRASSROOTS_EMULATION_FIGHTER },
      );

    it('refuses a DISTRICT decision dated 2025-07-01 or later with AUTHORITY_LEVEL_ABOLISHED', () => {
      spec.given([]).when(byDistrict('2025-07-01')).thenThrows('AUTHORITY_LEVEL_ABOLISHED', {
        issuingLevel: AuthorityLevel.DISTRICT,
        decidedOn: '2025-07-01',
        ruleSetId: 'tdkt-2025',
      });
      spec
        .given([])
        .when(byDistrict('2026-01-15', AwardKind.CERTIFICATE_OF_MERIT))
        .thenThrows('AUTHORITY_LEVEL_ABOLISHED');
    });

    it('accepts a DISTRICT decision dated 2025-06-30', () => {
      expect(spec.given([]).when(byDistrict('2025-06-30')).events()).toMatchObject([
        { type: 'AwardGranted', data: { issuedByLevel: AuthorityLevel.DISTRICT, decidedOn: '2025-06-30' } },
      ]);
    });

    it('lets the COMMUNE grant what the district granted, from 2025-07-01 only', () => {
      spec.given([]).when(byCommune('2025-06-30')).thenThrows('ISSUER_LEVEL');
      expect(spec.given([]).when(byCommune('2025-07-01')).events()).toMatchObject([
        { type: 'AwardGranted', data: { award: AwardKind.GRASSROOTS_EMULATION_FIGHTER, issuedByLevel: 'COMMUNE' } },
      ]);
    });
  });

  describe('the cash reward: multiple × base salary on the decision date, rounded as the decree says', () => {
    const rewardOf = (command: GrantAward) => {
      const [event] = spec.given([]).when(command).events() as AwardGranted[];
      const { cashMultiple, baseSalaryVnd, rewardVnd } = event.data;
      return { cashMultiple, baseSalaryVnd, rewardVnd };
    };

    it.each([
      ['2016-12-20', 0.3, null, null],
      ['2019-06-30', 0.3, 1_390_000, 417_000],
      ['2019-07-01', 0.3, 1_490_000, 447_000],
      ['2023-12-20', 0.3, 1_800_000, 540_000],
      ['2024-06-30', 0.3, 1_800_000, 540_000],
      ['2024-07-01', 0.3, 2_340_000, 710_000],
      ['2025-08-01', 0.3, 2_340_000, 710_000],
    ])('ADVANCED_WORKER decided on %s: multiple %s, base salary %s, reward %s', (decidedOn, multiple, base, reward) => {
      expect(rewardOf(grantWith({ decidedOn }))).toEqual({
        cashMultiple: multiple,
        baseSalaryVnd: base,
        rewardVnd: reward,
      });
    });

    it('pays a collective twice the individual multiple for a certificate, and nothing fixed for a commemorative medal', () => {
      const school = { kind: SubjectKind.COLLECTIVE, id: 'unit-thpt-le-loi', name: 'Trường THPT Lê Lợi' };
      const government = { id: 'unit-chinh-phu', level: AuthorityLevel.GOVERNMENT };
      const certificate = grantWith(
        { decidedOn: '2025-08-01', issuingUnit: government, subjectFacts: { directWorker: false, female: false } },
        { award: AwardKind.PRIME_MINISTER_CERTIFICATE_OF_MERIT, nominee: school, nomineeUnitId: school.id },
      );
      expect(rewardOf(certificate)).toEqual({ cashMultiple: 7, baseSalaryVnd: 2_340_000, rewardVnd: 16_380_000 });
      const medal = grantWith(
        { decidedOn: '2025-08-01', issuingUnit: { id: 'unit-ubnd-tinh', level: AuthorityLevel.PROVINCE } },
        { award: AwardKind.COMMEMORATIVE_MEDAL },
      );
      expect(rewardOf(medal)).toEqual({ cashMultiple: null, baseSalaryVnd: 2_340_000, rewardVnd: null });
    });
  });

  it('ONE_AWARD_PER_ACHIEVEMENT: refused when the subject already holds that kind for the period', () => {
    spec
      .given([])
      .when(grantWith({ facts: { heldSameKindSamePeriod: 1 } }))
      .thenThrows('ONE_AWARD_PER_ACHIEVEMENT');
    spec
      .given([])
      .when(grantWith({ facts: { heldSameKindSamePeriod: 0 } }))
      .events();
  });

  describe('DECISION_MISMATCH: every award under one decision number has its date and signer', () => {
    it('accepts a further award under the same decision with the same date and signer', () => {
      spec
        .given([])
        .when(grantWith({ decisionFacts: { decidedOn: '2024-12-09', signerName: 'Nguyễn Thị Mai' } }))
        .then([granted]);
    });

    it('compares signer names regardless of Unicode form and spacing', () => {
      const decomposed = 'Nguyễn Thị Mai'.normalize('NFD');
      spec
        .given([])
        .when(grantWith({ decisionFacts: { decidedOn: '2024-12-09', signerName: `  ${decomposed} ` } }))
        .events();
    });

    it('refuses another date or another signer', () => {
      spec
        .given([])
        .when(grantWith({ decisionFacts: { decidedOn: '2024-12-08', signerName: 'Nguyễn Thị Mai' } }))
        .thenThrows('DECISION_MISMATCH');
      spec
        .given([])
        .when(grantWith({ decisionFacts: { decidedOn: '2024-12-09', signerName: 'Trần Văn Hùng' } }))
        .thenThrows('DECISION_MISMATCH');
    });
  });

  it('records a collective as neither direct worker nor female, and refuses facts that say otherwise', () => {
    const collective = { kind: SubjectKind.COLLECTIVE, id: 'unit-htx-nong-nghiep', name: 'HTX Nông nghiệp An Bình' };
    const [event] = spec
      .given([])
      .when(
        grantWith(
          {
            subjectFacts: { directWorker: false, female: false },
            issuingUnit: { id: 'unit-ubnd-huyen', level: AuthorityLevel.DISTRICT },
          },
          { award: AwardKind.ADVANCED_COLLECTIVE, nominee: collective },
        ),
      )
      .events() as AwardGranted[];
    expect(event.data).toMatchObject({
      subject: collective,
      directWorker: false,
      female: false,
      category: AwardCategory.TITLE,
      cashMultiple: 0.8,
      rewardVnd: 1_880_000,
    });
    spec
      .given([])
      .when(
        grantWith(
          { subjectFacts: { directWorker: true, female: false } },
          { award: AwardKind.CERTIFICATE_OF_MERIT, nominee: collective },
        ),
      )
      .thenThrows(InvalidInput);
  });

  it('refuses an award that does not fit the subject kind', () => {
    spec
      .given([])
      .when(
        grantWith(
          { subjectFacts: { directWorker: false, female: false } },
          { nominee: { kind: SubjectKind.COLLECTIVE, id: 'u', name: 'Tổ Văn' } },
        ),
      )
      .thenThrows('AWARD_SUBJECT_KIND');
  });

  it.each([
    ['a blank decision number', { decisionNumber: ' ' }],
    ['a malformed decision date', { decidedOn: '09/12/2024' }],
    ['a blank signer', { signerName: '' }],
    ['a negative count of held awards', { facts: { heldSameKindSamePeriod: -1 } }],
    ['an unknown authority level', { issuingUnit: { id: 'unit-x', level: 'VILLAGE' as AuthorityLevel } }],
  ])('refuses %s as invalid input', (_case, changes) => {
    spec
      .given([])
      .when(grantWith(changes as Partial<GrantData>))
      .thenThrows(InvalidInput);
  });
});

describe('RevokeAward', () => {
  it('given a granted award, then AwardRevoked with the subject, period and the complaint', () => {
    spec.given([granted]).when(revokeCommand).then([revoked]);
    const state = spec.given([granted]).when(revokeCommand).stateAfter() as Extract<AwardState, { status: 'REVOKED' }>;
    expect(state).toMatchObject({
      status: 'REVOKED',
      revocation: { decisionNumber: '12/QĐ-UBND', complaintId: 'c-7' },
    });
  });

  it('revokes without a complaint', () => {
    const command: RevokeAward = { type: 'RevokeAward', data: { ...revokeCommand.data, complaintId: null } };
    spec
      .given([granted])
      .when(command)
      .then([{ ...revoked, data: { ...revoked.data, complaintId: null } }]);
  });

  it('given a revoked award, then AWARD_ALREADY_REVOKED', () => {
    spec.given([granted, revoked]).when(revokeCommand).thenThrows('AWARD_ALREADY_REVOKED');
  });

  it('given no award, then NotFound', () => {
    spec.given([]).when(revokeCommand).thenThrows(NotFound);
  });

  it('emits plain event data without undefined from grant to revocation', () => {
    const grantedEvents = spec.given([]).when(grantCommand).events();
    const revokedEvents = spec.given(grantedEvents).when(revokeCommand).events();
    expectPlainEventData([...grantedEvents, ...revokedEvents]);
    expect(JSON.parse(JSON.stringify([...grantedEvents, ...revokedEvents]))).toStrictEqual([granted, revoked]);
  });

  it('refuses a blank reason or decision number', () => {
    spec
      .given([granted])
      .when({ type: 'RevokeAward', data: { ...revokeCommand.data, reason: '' } })
      .thenThrows(InvalidInput);
    spec
      .given([granted])
      .when({ type: 'RevokeAward', data: { ...revokeCommand.data, decisionNumber: '' } })
      .thenThrows(InvalidInput);
  });
});
