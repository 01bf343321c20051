import type { AwardDossierFacts } from '../../src/awards/award.decider';
import {
  decisionAwardId,
  decisionDecider,
  decisionStreamKey,
  type DraftDecision,
  type EntryFacts,
  type SignDecision,
} from '../../src/decisions/decision.decider';
import type { DecisionEvent } from '../../src/decisions/decision.events';
import { AuthorityLevel, AwardKind, DossierStatus, PeriodKind, SubjectKind } from '../../src/shared/domain';
import { NotFound } from '../../src/shared/errors';
import { deciderSpec, frozenDecider } from '../support/deciderSpec';

const spec = deciderSpec(frozenDecider(decisionDecider));
const NOW = '2025-11-26T02:00:00.000Z';
const DECISION_ID = decisionStreamKey('truong', 2025, '12/QĐ-THCS');

function dossier(id: string, name: string, overrides: Partial<AwardDossierFacts> = {}): AwardDossierFacts {
  return {
    dossierId: id,
    status: DossierStatus.APPROVED,
    nominee: { kind: SubjectKind.INDIVIDUAL, id: `p-${id}`, name },
    nomineeUnitId: 'truong',
    award: AwardKind.ADVANCED_WORKER,
    period: { kind: PeriodKind.CALENDAR_YEAR, year: 2025 },
    movementId: null,
    thematic: false,
    grantableWithoutCouncil: false,
    approvedAtLevel: null,
    ...overrides,
  };
}

const HOA = dossier('hs-hoa', 'Nguyễn Thị Hoa');
const NAM = dossier('hs-nam', 'Trần Văn Nam');

function draftCommand(dossiers: AwardDossierFacts[], overrides: Partial<DraftDecision['data']> = {}): DraftDecision {
  return {
    type: 'DraftDecision',
    data: {
      decisionId: DECISION_ID,
      issuingUnit: { id: 'truong', name: 'Trường THCS Lê Lợi' },
      year: 2025,
      number: '12/QĐ-THCS',
      decidedOn: '2025-11-25',
      place: 'Bạch Thông',
      signerName: 'Lê Văn Tám',
      signerTitle: 'HIỆU TRƯỞNG',
      about: 'khen thưởng danh hiệu Lao động tiên tiến năm 2025',
      legalGrounds: ['Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022'],
      dossiers,
      now: NOW,
      ...overrides,
    },
  };
}

const facts = (d: AwardDossierFacts, held = 0): EntryFacts => ({
  dossier: d,
  subjectFacts: { directWorker: false, female: d.nominee.name.includes('Thị') },
  heldSameKindSamePeriod: held,
});

function signCommand(entries: EntryFacts[], overrides: Partial<SignDecision['data']> = {}): SignDecision {
  return {
    type: 'SignDecision',
    data: {
      decisionId: DECISION_ID,
      issuingUnitLevel: AuthorityLevel.UNIT,
      entries,
      decisionFacts: null,
      now: NOW,
      ...overrides,
    },
  };
}

const drafted = (dossiers = [HOA, NAM]): DecisionEvent[] => spec.given([]).when(draftCommand(dossiers)).events();

describe('decision decider', () => {
  it('names the stream by unit, year and number, spelling the number in the id alphabet', () => {
    expect(DECISION_ID).toBe('truong:2025:12.2FQ.C4.90-THCS');
    expect(decisionStreamKey('truong', 2026, ' 12/QĐ-THCS ')).toBe('truong:2026:12.2FQ.C4.90-THCS');
    expect(decisionStreamKey('truong', 2025, '12/QĐ-THCS'.normalize('NFD'))).toBe(DECISION_ID);
  });

  it('drafts the entries with their award ids and the reward in force on the decision date', () => {
    const [event] = drafted();
    expect(event.type).toBe('DecisionDrafted');
    expect(event.data.entries).toEqual([
      expect.objectContaining({
        dossierId: 'hs-hoa',
        awardId: decisionAwardId(DECISION_ID, 'hs-hoa'),
        label: 'Lao động tiên tiến',
        subject: { kind: SubjectKind.INDIVIDUAL, id: 'p-hs-hoa', name: 'Nguyễn Thị Hoa' },
        cashMultiple: 0.3,
        baseSalaryVnd: 2_340_000,
        rewardVnd: 710_000,
      }),
      expect.objectContaining({ dossierId: 'hs-nam', rewardVnd: 710_000 }),
    ]);
  });

  it('refuses a number the unit has used that year', () => {
    spec
      .given(drafted())
      .when(draftCommand([NAM]))
      .thenThrows('DECISION_NUMBER_TAKEN', { year: 2025 });
  });

  it('refuses a dossier that is not approved, a date outside the year and a dossier listed twice', () => {
    const eligible = dossier('hs-ba', 'Lê Văn Ba', { status: DossierStatus.ELIGIBLE });
    spec
      .given([])
      .when(draftCommand([HOA, eligible]))
      .thenThrows('DOSSIER_NOT_GRANTABLE', { dossierId: 'hs-ba', status: 'ELIGIBLE' });
    spec
      .given([])
      .when(draftCommand([HOA], { decidedOn: '2026-01-02' }))
      .thenThrows('DECISION_YEAR_MISMATCH', { year: 2025, decidedOn: '2026-01-02' });
    expect(() => decisionDecider.decide(draftCommand([HOA, HOA]), { status: 'NONE' })).toThrow('more than once');
  });

  it('revises a draft, keeping its unit, year and number', () => {
    const { decisionId: _id, issuingUnit: _u, year: _y, number: _n, ...text } = draftCommand([NAM]).data;
    const [revised] = spec
      .given(drafted())
      .when({ type: 'ReviseDecisionDraft', data: { ...text, decisionId: DECISION_ID } })
      .events();
    expect(revised.type).toBe('DecisionDraftRevised');
    expect(revised.data).toMatchObject({ number: '12/QĐ-THCS', year: 2025, issuedByUnitName: 'Trường THCS Lê Lợi' });
    expect(revised.data.entries.map((e) => e.dossierId)).toEqual(['hs-nam']);
  });

  it("signs: each entry's award as the award's rules decide it under the decision's number, date and signer", () => {
    const [signed] = spec
      .given(drafted())
      .when(signCommand([facts(HOA), facts(NAM)]))
      .events();
    if (signed.type !== 'DecisionSigned') throw new Error(signed.type);
    expect(signed.data.grants.map((g) => [g.dossierId, g.awardId])).toEqual([
      ['hs-hoa', decisionAwardId(DECISION_ID, 'hs-hoa')],
      ['hs-nam', decisionAwardId(DECISION_ID, 'hs-nam')],
    ]);
    expect(signed.data.grants[0].grantedAward).toMatchObject({
      decisionNumber: '12/QĐ-THCS',
      decidedOn: '2025-11-25',
      signerName: 'Lê Văn Tám',
      issuedByUnitId: 'truong',
      rewardVnd: 710_000,
      female: true,
    });
  });

  it('refuses signing twice, signing an empty decision, and signing an unknown one', () => {
    const signed = spec
      .given(drafted())
      .when(signCommand([facts(HOA), facts(NAM)]))
      .events();
    spec
      .given([...drafted(), ...signed])
      .when(signCommand([facts(HOA), facts(NAM)]))
      .thenThrows('DECISION_ALREADY_SIGNED');
    spec.given(drafted([])).when(signCommand([])).thenThrows('DECISION_EMPTY');
    spec.given([]).when(signCommand([])).thenThrows(NotFound, { entity: 'Decision' });
  });

  it('refuses signing when a dossier is no longer grantable or the award rules refuse an entry', () => {
    const grantedSince = { ...NAM, status: DossierStatus.GRANTED };
    spec
      .given(drafted())
      .when(signCommand([facts(HOA), facts(grantedSince)]))
      .thenThrows('DOSSIER_NOT_GRANTABLE', { dossierId: 'hs-nam', status: 'GRANTED' });
    spec
      .given(drafted())
      .when(signCommand([facts(HOA, 1), facts(NAM)]))
      .thenThrows('ONE_AWARD_PER_ACHIEVEMENT');
    spec
      .given(drafted())
      .when(signCommand([facts(HOA), facts(NAM)], { decisionFacts: { decidedOn: '2025-11-01', signerName: 'X' } }))
      .thenThrows('DECISION_MISMATCH');
  });
});
