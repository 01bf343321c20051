import {
  dossierDecider,
  type AppraiseDossier,
  type DossierCommand,
  type RecordAwardGranted,
  type ResolveDossier,
  type SubmitDossier,
  type SubmittedDossier,
} from '../../src/dossiers/dossier.decider';
import type {
  DossierAppraised,
  DossierContext,
  DossierEvent,
  DossierGranted,
  DossierResolved,
  DossierReturned,
  DossierResubmitted,
  DossierSubmitted,
  DossierWithdrawn,
} from '../../src/dossiers/dossier.events';
import { noEligibilityFacts, type EligibilityFacts } from '../../src/rules/eligibility';
import {
  AwardKind,
  DossierProcedure,
  DossierStatus,
  PerformanceRating,
  PeriodKind,
  SubjectKind,
  type BallotTally,
} from '../../src/shared/domain';
import { InvalidInput, NotFound } from '../../src/shared/errors';
import { deciderSpec, expectPlainEventData, frozenDecider } from '../support/deciderSpec';
import { grantedAwardFixture } from '../support/grantedAward';

// Frozen: decide and evolve must not mutate commands, events or state.
const spec = deciderSpec(frozenDecider(dossierDecider));
const NOW = '2024-11-20T03:00:00.000Z';
const LATER = '2024-12-02T08:30:00.000Z';
const period2024 = { kind: PeriodKind.CALENDAR_YEAR, year: 2024 };

const submitCommand: SubmitDossier = {
  type: 'SubmitDossier',
  data: {
    dossierId: 'd-1',
    proposingUnitId: 'unit-thcs-tran-phu',
    proposingUnitName: 'Trường THCS Trần Phú',
    nominee: { kind: SubjectKind.INDIVIDUAL, id: 'person-le-thi-hoa', name: 'Lê Thị Hoà' },
    nomineeUnitId: 'unit-thcs-tran-phu',
    award: AwardKind.GRASSROOTS_EMULATION_FIGHTER,
    period: period2024,
    movementId: 'movement-day-tot-hoc-tot',
    movementThematic: false,
    achievements: 'Giáo viên dạy giỏi cấp huyện; sáng kiến được công nhận.',
    submittedOn: '2024-11-20',
    ruleSetId: 'tdkt-2022',
    procedure: DossierProcedure.STANDARD,
    achievedOn: null,
    now: NOW,
  },
};

function submitWith(changes: Partial<SubmitDossier['data']>): SubmitDossier {
  return { type: 'SubmitDossier', data: { ...submitCommand.data, ...changes } };
}

const context: DossierContext = {
  dossierId: 'd-1',
  proposingUnitId: 'unit-thcs-tran-phu',
  nominee: { kind: SubjectKind.INDIVIDUAL, id: 'person-le-thi-hoa', name: 'Lê Thị Hoà' },
  nomineeUnitId: 'unit-thcs-tran-phu',
  award: AwardKind.GRASSROOTS_EMULATION_FIGHTER,
  period: period2024,
};

const submitted: DossierSubmitted = {
  type: 'DossierSubmitted',
  data: {
    ...context,
    proposingUnitName: 'Trường THCS Trần Phú',
    movementId: 'movement-day-tot-hoc-tot',
    movementThematic: false,
    achievements: 'Giáo viên dạy giỏi cấp huyện; sáng kiến được công nhận.',
    submittedOn: '2024-11-20',
    submittedAt: NOW,
    ruleSetId: 'tdkt-2022',
    procedure: DossierProcedure.STANDARD,
    achievedOn: null,
  },
};
const returned: DossierReturned = {
  type: 'DossierReturned',
  data: { ...context, reason: 'Thiếu bản sao sáng kiến', returnNo: 1, returnedAt: LATER },
};
const resubmitted: DossierResubmitted = {
  type: 'DossierResubmitted',
  data: { ...context, achievements: 'Bổ sung sáng kiến', returnNo: 1, resubmittedAt: LATER },
};

/** Facts that make the nominee eligible as a grassroots fighter under the 2022 set. */
const eligibleFacts: EligibilityFacts = {
  ...noEligibilityFacts(),
  ratings: [{ period: period2024, rating: PerformanceRating.EXCELLENT }],
  awardsHeld: [{ award: AwardKind.ADVANCED_WORKER, period: period2024, revoked: false, fromThematicMovement: false }],
};

const appraise = (facts: EligibilityFacts, note: string | null = null): AppraiseDossier => ({
  type: 'AppraiseDossier',
  data: { dossierId: 'd-1', note, facts, now: LATER },
});

function appraisedEvent(eligible: boolean): DossierAppraised {
  const [event] = spec
    .given([submitted])
    .when(appraise(eligible ? eligibleFacts : noEligibilityFacts()))
    .events();
  return event as DossierAppraised;
}
const appraisedEligible = appraisedEvent(true);
const appraisedIneligible = appraisedEvent(false);

function tally(approve: number, members: number, reject = members - approve, abstain = 0): BallotTally {
  return {
    approve,
    reject,
    abstain,
    members,
    thresholdShare: 0.5,
    thresholdInclusive: false,
    approved: approve / members > 0.5,
  };
}
const resolve = (ballots: BallotTally): ResolveDossier => ({
  type: 'ResolveDossier',
  data: { dossierId: 'd-1', sessionId: 's-2024-12', tally: ballots, now: LATER },
});
const approved: DossierResolved = {
  type: 'DossierResolved',
  data: { ...context, sessionId: 's-2024-12', approved: true, tally: tally(7, 9), resolvedAt: LATER },
};
const rejected: DossierResolved = {
  type: 'DossierResolved',
  data: { ...context, sessionId: 's-2024-12', approved: false, tally: tally(4, 9), resolvedAt: LATER },
};

const recordGrant: RecordAwardGranted = {
  type: 'RecordAwardGranted',
  data: {
    dossierId: 'd-1',
    awardId: 'a-1',
    decisionNumber: '125/QĐ-UBND',
    decidedOn: '2024-12-10',
    grantedAward: grantedAwardFixture(),
    now: '2024-12-10T02:00:00.000Z',
  },
};
const granted: DossierGranted = {
  type: 'DossierGranted',
  data: {
    ...context,
    awardId: 'a-1',
    decisionNumber: '125/QĐ-UBND',
    decidedOn: '2024-12-10',
    grantedAward: grantedAwardFixture(),
    withoutCouncil: false,
    grantedAt: '2024-12-10T02:00:00.000Z',
  },
};
const withdrawn: DossierWithdrawn = {
  type: 'DossierWithdrawn',
  data: { ...context, reason: 'Chuyển công tác', statusBefore: DossierStatus.SUBMITTED, withdrawnAt: LATER },
};

const returnCommand: DossierCommand = {
  type: 'ReturnDossier',
  data: { dossierId: 'd-1', reason: 'Thiếu bản sao sáng kiến', now: LATER },
};
const resubmitCommand: DossierCommand = {
  type: 'ResubmitDossier',
  data: { dossierId: 'd-1', achievements: 'Bổ sung sáng kiến', now: LATER },
};
const withdrawCommand: DossierCommand = {
  type: 'WithdrawDossier',
  data: { dossierId: 'd-1', reason: 'Chuyển công tác', now: LATER },
};

/** Histories that leave the dossier in each status. */
const historyFor: Record<DossierStatus, DossierEvent[]> = {
  [DossierStatus.SUBMITTED]: [submitted],
  [DossierStatus.RETURNED]: [submitted, returned],
  [DossierStatus.ELIGIBLE]: [submitted, appraisedEligible],
  [DossierStatus.INELIGIBLE]: [submitted, appraisedIneligible],
  [DossierStatus.APPROVED]: [submitted, appraisedEligible, approved],
  [DossierStatus.REJECTED]: [submitted, appraisedEligible, rejected],
  [DossierStatus.GRANTED]: [submitted, appraisedEligible, approved, granted],
  [DossierStatus.WITHDRAWN]: [submitted, withdrawn],
};
const allStatuses = Object.values(DossierStatus);
const except = (...allowed: DossierStatus[]) => allStatuses.filter((status) => !allowed.includes(status));

describe('SubmitDossier', () => {
  it('given no dossier, when submitted, then DossierSubmitted with the rule set and full context', () => {
    spec.given([]).when(submitCommand).then([submitted]);
  });

  it('given a submitted dossier, when submitted again, then DOSSIER_ALREADY_SUBMITTED', () => {
    spec.given([submitted]).when(submitCommand).thenThrows('DOSSIER_ALREADY_SUBMITTED');
  });

  it('refuses an award that does not fit the nominee kind (AWARD_SUBJECT_KIND)', () => {
    const collective = { kind: SubjectKind.COLLECTIVE, id: 'unit-thcs-tran-phu', name: 'Trường THCS Trần Phú' };
    spec
      .given([])
      .when(submitWith({ nominee: collective }))
      .thenThrows('AWARD_SUBJECT_KIND');
    spec
      .given([])
      .when(submitWith({ award: AwardKind.PROVINCIAL_EMULATION_FLAG }))
      .thenThrows('AWARD_SUBJECT_KIND');
    spec
      .given([])
      .when(submitWith({ award: AwardKind.COMMEMORATIVE_MEDAL, nominee: collective }))
      .thenThrows('AWARD_SUBJECT_KIND');
    spec
      .given([])
      .when(submitWith({ award: AwardKind.PROVINCIAL_EMULATION_FLAG, nominee: collective }))
      .events();
    spec
      .given([])
      .when(submitWith({ award: AwardKind.CERTIFICATE_OF_MERIT, nominee: collective }))
      .events();
  });

  it('accepts only the rule set in force on the submission date, at each boundary', () => {
    const cases: Array<[string, 'tdkt-2013' | 'tdkt-2022' | 'tdkt-2025', string]> = [
      ['2023-12-31', 'tdkt-2013', 'tdkt-2022'],
      ['2024-01-01', 'tdkt-2022', 'tdkt-2013'],
      ['2025-06-30', 'tdkt-2022', 'tdkt-2025'],
      ['2025-07-01', 'tdkt-2025', 'tdkt-2022'],
    ];
    for (const [submittedOn, right, wrong] of cases) {
      const [event] = spec
        .given([])
        .when(submitWith({ submittedOn, ruleSetId: right, now: '2025-08-01T00:00:00Z' }))
        .events();
      expect(event).toMatchObject({ type: 'DossierSubmitted', data: { submittedOn, ruleSetId: right } });
      spec
        .given([])
        .when(submitWith({ submittedOn, ruleSetId: wrong as 'tdkt-2013', now: '2025-08-01T00:00:00Z' }))
        .thenThrows(InvalidInput);
    }
    spec
      .given([])
      .when(submitWith({ ruleSetId: 'tdkt-1999' as 'tdkt-2013' }))
      .thenThrows(InvalidInput);
  });

  it.each([
    ['a period before 1945', { period: { kind: PeriodKind.CALENDAR_YEAR, year: 1944 } }],
    ['a period after 2100', { period: { kind: PeriodKind.SCHOOL_YEAR, year: 2101 } }],
    ['a fractional year', { period: { kind: PeriodKind.CALENDAR_YEAR, year: 2024.5 } }],
    ['blank achievements', { achievements: '   ' }],
    ['a blank nominee name', { nominee: { kind: SubjectKind.INDIVIDUAL, id: 'p', name: ' ' } }],
    ['a malformed submission date', { submittedOn: '2024-02-30' }],
    ['a submission date in the future', { submittedOn: '2024-11-22' }],
    ['a thematic flag without a movement', { movementId: null, movementThematic: true }],
    [
      'a collective whose unit is another unit',
      {
        award: AwardKind.CERTIFICATE_OF_MERIT,
        nominee: { kind: SubjectKind.COLLECTIVE, id: 'unit-a', name: 'Tổ Toán' },
        nomineeUnitId: 'unit-b',
      },
    ],
    ['an unknown award kind', { award: 'HERO_OF_LABOUR' as AwardKind }],
  ])('refuses %s as invalid input', (_case, changes) => {
    spec
      .given([])
      .when(submitWith(changes as Partial<SubmitDossier['data']>))
      .thenThrows(InvalidInput);
  });

  it('allows a submission date one day ahead of UTC (Vietnam is UTC+7)', () => {
    spec
      .given([])
      .when(submitWith({ submittedOn: '2024-11-21' }))
      .events();
  });
});

describe('ReturnDossier', () => {
  it('given a submitted dossier, then DossierReturned number 1', () => {
    spec.given([submitted]).when(returnCommand).then([returned]);
  });

  it('given a resubmitted dossier awaiting appraisal, then it can be returned again: number 2', () => {
    spec
      .given([submitted, returned, resubmitted])
      .when(returnCommand)
      .then([{ ...returned, data: { ...returned.data, returnNo: 2 } }]);
  });

  it.each(except(DossierStatus.SUBMITTED))('given a %s dossier, then DOSSIER_NOT_AWAITING_APPRAISAL', (status) => {
    spec.given(historyFor[status]).when(returnCommand).thenThrows('DOSSIER_NOT_AWAITING_APPRAISAL');
  });

  it('given no dossier, then NotFound; given a blank reason, then InvalidInput', () => {
    spec.given([]).when(returnCommand).thenThrows(NotFound);
    spec
      .given([submitted])
      .when({ type: 'ReturnDossier', data: { dossierId: 'd-1', reason: '', now: LATER } })
      .thenThrows(InvalidInput);
  });
});

describe('ResubmitDossier', () => {
  it('given a returned dossier, then DossierResubmitted, and it awaits appraisal with the new achievements', () => {
    spec.given([submitted, returned]).when(resubmitCommand).then([resubmitted]);
    const state = spec.given([submitted, returned]).when(resubmitCommand).stateAfter() as SubmittedDossier;
    expect(state).toMatchObject({ status: DossierStatus.SUBMITTED, achievements: 'Bổ sung sáng kiến', returns: 1 });
  });

  it.each(except(DossierStatus.RETURNED))('given a %s dossier, then DOSSIER_NOT_RETURNED', (status) => {
    spec.given(historyFor[status]).when(resubmitCommand).thenThrows('DOSSIER_NOT_RETURNED');
  });

  it('given no dossier, then NotFound', () => {
    spec.given([]).when(resubmitCommand).thenThrows(NotFound);
  });
});

describe('WithdrawDossier', () => {
  it.each([DossierStatus.SUBMITTED, DossierStatus.RETURNED, DossierStatus.ELIGIBLE, DossierStatus.INELIGIBLE])(
    'given a %s dossier, then DossierWithdrawn',
    (status) => {
      spec
        .given(historyFor[status])
        .when(withdrawCommand)
        .then([{ ...withdrawn, data: { ...withdrawn.data, statusBefore: status } }]);
    },
  );

  it.each([DossierStatus.APPROVED, DossierStatus.REJECTED, DossierStatus.GRANTED])(
    'given a %s dossier, then DOSSIER_ALREADY_RESOLVED',
    (status) => {
      spec.given(historyFor[status]).when(withdrawCommand).thenThrows('DOSSIER_ALREADY_RESOLVED');
    },
  );

  it('given a withdrawn dossier, then DOSSIER_ALREADY_WITHDRAWN, and nothing else can happen to it', () => {
    spec.given(historyFor.WITHDRAWN).when(withdrawCommand).thenThrows('DOSSIER_ALREADY_WITHDRAWN');
    spec.given(historyFor.WITHDRAWN).when(appraise(eligibleFacts)).thenThrows('DOSSIER_NOT_AWAITING_APPRAISAL');
    spec.given(historyFor.WITHDRAWN).when(resubmitCommand).thenThrows('DOSSIER_NOT_RETURNED');
  });

  it('given no dossier, then NotFound', () => {
    spec.given([]).when(withdrawCommand).thenThrows(NotFound);
  });
});

describe('AppraiseDossier', () => {
  it('given a submitted dossier and facts that meet every rule, then DossierAppraised eligible with the rule set and every check', () => {
    spec
      .given([submitted])
      .when(appraise(eligibleFacts, 'Đủ điều kiện'))
      .then([
        {
          type: 'DossierAppraised',
          data: {
            ...context,
            eligible: true,
            ruleSetId: 'tdkt-2022',
            checks: [
              { rule: 'ADVANCED_WORKER_SAME_PERIOD', passed: true, detail: 'holds ADVANCED_WORKER for 2024' },
              {
                rule: 'INITIATIVE_OR_EXCELLENT',
                passed: true,
                detail:
                  'rated EXCELLENT for 2024, 0 initiatives recognised for 2024 at grassroots level or above; needs an EXCELLENT rating or at least 1 initiative',
              },
              {
                rule: 'ONE_AWARD_PER_ACHIEVEMENT',
                passed: true,
                detail: 'holds no GRASSROOTS_EMULATION_FIGHTER for 2024 yet',
              },
              {
                rule: 'PENDING_COMPLAINT',
                passed: true,
                detail: 'no complaint or denunciation about the subject is pending',
              },
            ],
            note: 'Đủ điều kiện',
            appraisedAt: LATER,
          },
        },
      ]);
    expect(spec.given([submitted]).when(appraise(eligibleFacts)).stateAfter().status).toBe(DossierStatus.ELIGIBLE);
  });

  it('given facts that miss a rule, then DossierAppraised ineligible, and the dossier is INELIGIBLE', () => {
    const [event] = spec.given([submitted]).when(appraise(noEligibilityFacts())).events();
    expect(event).toMatchObject({ type: 'DossierAppraised', data: { eligible: false, ruleSetId: 'tdkt-2022' } });
    const state = spec.given([submitted]).when(appraise(noEligibilityFacts())).stateAfter() as SubmittedDossier;
    expect(state.status).toBe(DossierStatus.INELIGIBLE);
    expect(state.checks.filter((entry) => !entry.passed).map((entry) => entry.rule)).toEqual([
      'ADVANCED_WORKER_SAME_PERIOD',
      'INITIATIVE_OR_EXCELLENT',
    ]);
  });

  it('applies the rule set recorded at submission, not the one in force at appraisal', () => {
    const period2023 = { kind: PeriodKind.CALENDAR_YEAR, year: 2023 };
    const submittedIn2023: DossierSubmitted = {
      type: 'DossierSubmitted',
      data: { ...submitted.data, period: period2023, submittedOn: '2023-12-20', ruleSetId: 'tdkt-2013' },
    };
    const excellentNoInitiative: EligibilityFacts = {
      ...noEligibilityFacts(),
      ratings: [{ period: period2023, rating: PerformanceRating.EXCELLENT }],
      registrations: [{ award: AwardKind.GRASSROOTS_EMULATION_FIGHTER, period: period2023 }],
      awardsHeld: [
        { award: AwardKind.ADVANCED_WORKER, period: period2023, revoked: false, fromThematicMovement: false },
      ],
      proposingUnitAwardCounts: { advancedWorkers: 10, grassrootsFighters: 0 },
    };
    const command: AppraiseDossier = {
      type: 'AppraiseDossier',
      data: { dossierId: 'd-1', note: null, facts: excellentNoInitiative, now: '2024-02-01T00:00:00Z' },
    };
    const [under2013] = spec.given([submittedIn2023]).when(command).events() as DossierAppraised[];
    expect(under2013.data.ruleSetId).toBe('tdkt-2013');
    expect(under2013.data.eligible).toBe(false);
    expect(under2013.data.checks.filter((entry) => !entry.passed).map((entry) => entry.rule)).toEqual(['INITIATIVE']);

    const submittedIn2024: DossierSubmitted = {
      type: 'DossierSubmitted',
      data: { ...submittedIn2023.data, submittedOn: '2024-01-05', ruleSetId: 'tdkt-2022' },
    };
    const [under2022] = spec.given([submittedIn2024]).when(command).events() as DossierAppraised[];
    expect(under2022.data).toMatchObject({ ruleSetId: 'tdkt-2022', eligible: true });
  });

  it('given a resubmitted dossier, then it can be appraised', () => {
    const [event] = spec.given([submitted, returned, resubmitted]).when(appraise(eligibleFacts)).events();
    expect(event.type).toBe('DossierAppraised');
  });

  it.each(except(DossierStatus.SUBMITTED))('given a %s dossier, then DOSSIER_NOT_AWAITING_APPRAISAL', (status) => {
    spec.given(historyFor[status]).when(appraise(eligibleFacts)).thenThrows('DOSSIER_NOT_AWAITING_APPRAISAL');
  });

  it('given no dossier, then NotFound', () => {
    spec.given([]).when(appraise(eligibleFacts)).thenThrows(NotFound);
  });
});

describe('ResolveDossier', () => {
  it('given an eligible dossier and an approving tally, then DossierResolved approved and the dossier is APPROVED', () => {
    spec
      .given(historyFor.ELIGIBLE)
      .when(resolve(tally(7, 9)))
      .then([approved]);
    const state = spec
      .given(historyFor.ELIGIBLE)
      .when(resolve(tally(7, 9)))
      .stateAfter() as SubmittedDossier;
    expect(state).toMatchObject({ status: DossierStatus.APPROVED, sessionId: 's-2024-12', tally: tally(7, 9) });
  });

  it('given an eligible dossier and a rejecting tally, then DossierResolved rejected', () => {
    spec
      .given(historyFor.ELIGIBLE)
      .when(resolve(tally(4, 9)))
      .then([rejected]);
    expect(
      spec
        .given(historyFor.ELIGIBLE)
        .when(resolve(tally(5, 10)))
        .stateAfter().status,
    ).toBe(DossierStatus.REJECTED);
  });

  it.each(except(DossierStatus.ELIGIBLE))('given a %s dossier, then DOSSIER_NOT_ELIGIBLE', (status) => {
    spec
      .given(historyFor[status])
      .when(resolve(tally(7, 9)))
      .thenThrows('DOSSIER_NOT_ELIGIBLE');
  });

  it('leaves quorum to the session: members barred from this dossier (the nominee and its unit) cast no ballot on it', () => {
    const [event] = spec
      .given(historyFor.ELIGIBLE)
      .when(resolve(tally(5, 9, 0, 0)))
      .events() as DossierResolved[];
    expect(event.data).toMatchObject({ approved: true, tally: { approve: 5, reject: 0, abstain: 0, members: 9 } });
  });

  it('refuses a tally that does not add up', () => {
    spec
      .given(historyFor.ELIGIBLE)
      .when(resolve({ ...tally(7, 9), approved: false }))
      .thenThrows(InvalidInput);
    spec
      .given(historyFor.ELIGIBLE)
      .when(resolve({ ...tally(7, 9), reject: 5 }))
      .thenThrows(InvalidInput);
    spec
      .given(historyFor.ELIGIBLE)
      .when(resolve({ ...tally(7, 9), members: 0 }))
      .thenThrows(InvalidInput);
  });

  it('refuses a threshold weaker than the rule set demands: 0.9 inclusive for a provincial fighter', () => {
    const provincial: DossierEvent[] = [
      { type: 'DossierSubmitted', data: { ...submitted.data, award: AwardKind.PROVINCIAL_EMULATION_FIGHTER } },
      { type: 'DossierAppraised', data: { ...appraisedEligible.data, award: AwardKind.PROVINCIAL_EMULATION_FIGHTER } },
    ];
    spec
      .given(provincial)
      .when(resolve(tally(8, 10)))
      .thenThrows('APPROVAL_THRESHOLD');
    const strict = (approve: number): BallotTally => ({
      ...tally(approve, 10),
      thresholdShare: 0.9,
      thresholdInclusive: true,
      approved: approve >= 9,
    });
    expect(
      (
        spec
          .given(provincial)
          .when(resolve(strict(9)))
          .events()[0] as DossierResolved
      ).data.approved,
    ).toBe(true);
    expect(
      (
        spec
          .given(provincial)
          .when(resolve(strict(8)))
          .events()[0] as DossierResolved
      ).data.approved,
    ).toBe(false);
    // A council may be stricter than the default for other awards.
    spec
      .given(historyFor.ELIGIBLE)
      .when(resolve({ ...tally(7, 9), thresholdShare: 2 / 3, thresholdInclusive: true }))
      .events();
    spec
      .given(historyFor.ELIGIBLE)
      .when(resolve({ ...tally(5, 10), thresholdShare: 0.5, thresholdInclusive: true, approved: true }))
      .thenThrows('APPROVAL_THRESHOLD');
  });
});

describe('RecordAwardGranted', () => {
  it('given an approved dossier, then DossierGranted, and the dossier holds the award id', () => {
    spec.given(historyFor.APPROVED).when(recordGrant).then([granted]);
    expect(spec.given(historyFor.APPROVED).when(recordGrant).stateAfter()).toMatchObject({
      status: DossierStatus.GRANTED,
      awardId: 'a-1',
    });
  });

  it('given a granted dossier, then DOSSIER_ALREADY_GRANTED: one award per dossier', () => {
    spec
      .given(historyFor.GRANTED)
      .when({ ...recordGrant, data: { ...recordGrant.data, awardId: 'a-2' } })
      .thenThrows('DOSSIER_ALREADY_GRANTED');
  });

  it.each(except(DossierStatus.APPROVED, DossierStatus.GRANTED))(
    'given a %s dossier, then DOSSIER_NOT_APPROVED',
    (status) => {
      spec.given(historyFor[status]).when(recordGrant).thenThrows('DOSSIER_NOT_APPROVED');
    },
  );

  it('given no dossier, then NotFound', () => {
    spec.given([]).when(recordGrant).thenThrows(NotFound);
  });
});

describe('the whole lifecycle', () => {
  it('folds into a state with status, nominee, rule set, checks, tally, award and the number of returns', () => {
    const history = [submitted, returned, resubmitted, appraisedEligible, approved, granted];
    const folded = history.reduce(dossierDecider.evolve, dossierDecider.initialState()) as SubmittedDossier;
    expect(folded).toMatchObject({
      status: DossierStatus.GRANTED,
      nominee: context.nominee,
      award: AwardKind.GRASSROOTS_EMULATION_FIGHTER,
      period: period2024,
      ruleSetId: 'tdkt-2022',
      checks: appraisedEligible.data.checks,
      tally: tally(7, 9),
      awardId: 'a-1',
      returns: 1,
      achievements: 'Bổ sung sáng kiến',
    });
    expect(dossierDecider.streamType).toBe('dossier');
  });

  it('runs from submission to grant through commands alone, every event plain data without undefined', () => {
    const commands: DossierCommand[] = [
      submitCommand,
      returnCommand,
      resubmitCommand,
      appraise(eligibleFacts),
      resolve(tally(7, 9)),
      recordGrant,
    ];
    const history: DossierEvent[] = [];
    for (const command of commands) history.push(...spec.given(history).when(command).events());
    expect(history.map((event) => event.type)).toEqual([
      'DossierSubmitted',
      'DossierReturned',
      'DossierResubmitted',
      'DossierAppraised',
      'DossierResolved',
      'DossierGranted',
    ]);
    expectPlainEventData(history);
    expect(JSON.parse(JSON.stringify(history))).toStrictEqual(history);
  });
});
