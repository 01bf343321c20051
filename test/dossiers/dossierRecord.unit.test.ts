import { foldDossierEvent, type DossierRecord } from '../../projections/dossiers/dossierRecord';
import { evolveDossier, initialDossierState, type DossierState } from '../../src/dossiers/dossier.decider';
import type { DossierEvent } from '../../src/dossiers/dossier.events';
import type { RecordedEvent } from '../../src/eventStore/eventStore.port';
import { asRecordedDomainEvents, type RecordedDomainEvent } from '../../src/eventStore/recordedDomainEvent';
import { AwardKind, DossierStatus, PeriodKind, SubjectKind, type BallotTally } from '../../src/shared/domain';
import { grantedAwardFixture } from '../support/grantedAward';

const context = {
  dossierId: 'hs-1',
  proposingUnitId: 'phong-tckh',
  nominee: { kind: SubjectKind.INDIVIDUAL, id: 'p-ngoc', name: 'Đỗ Thị Ngọc' },
  nomineeUnitId: 'phong-tckh',
  award: AwardKind.ADVANCED_WORKER,
  period: { kind: PeriodKind.CALENDAR_YEAR, year: 2024 },
};
const at = '2024-12-02T08:00:00.000Z';
const tally = (approved: boolean): BallotTally => ({
  approve: approved ? 7 : 2,
  reject: approved ? 0 : 5,
  abstain: 1,
  members: 9,
  thresholdShare: 0.5,
  thresholdInclusive: false,
  approved,
});
const checks = [{ rule: 'RATING', passed: true, detail: 'EXCELLENT in 2024' }];

const ev = {
  submitted: (): DossierEvent => ({
    type: 'DossierSubmitted',
    data: {
      ...context,
      proposingUnitName: 'Phòng Tài chính - Kế hoạch',
      movementId: null,
      movementThematic: false,
      achievements: 'x',
      submittedOn: '2024-12-02',
      submittedAt: at,
      ruleSetId: 'tdkt-2022',
    },
  }),
  returned: (returnNo: number): DossierEvent => ({
    type: 'DossierReturned',
    data: { ...context, reason: 'thiếu hồ sơ', returnNo, returnedAt: at },
  }),
  resubmitted: (returnNo: number): DossierEvent => ({
    type: 'DossierResubmitted',
    data: { ...context, achievements: 'y', returnNo, resubmittedAt: at },
  }),
  withdrawn: (statusBefore: DossierStatus): DossierEvent => ({
    type: 'DossierWithdrawn',
    data: { ...context, reason: 'rút', statusBefore, withdrawnAt: at },
  }),
  appraised: (eligible: boolean): DossierEvent => ({
    type: 'DossierAppraised',
    data: {
      ...context,
      eligible,
      ruleSetId: 'tdkt-2022',
      checks: eligible ? checks : [{ ...checks[0], passed: false }],
      note: null,
      appraisedAt: at,
    },
  }),
  resolved: (approved: boolean, sessionId = 'phien-1'): DossierEvent => ({
    type: 'DossierResolved',
    data: { ...context, sessionId, approved, tally: tally(approved), resolvedAt: at },
  }),
  granted: (): DossierEvent => ({
    type: 'DossierGranted',
    data: {
      ...context,
      awardId: 'kt-1',
      decisionNumber: '125/QĐ-UBND',
      decidedOn: '2024-12-15',
      grantedAward: grantedAwardFixture({ awardId: 'kt-1' }),
      grantedAt: at,
    },
  }),
};

const recorded = (events: DossierEvent[]): RecordedDomainEvent[] =>
  asRecordedDomainEvents(
    events.map((e, i) => ({
      streamId: 'dossier-hs-1',
      streamVersion: i + 1,
      position: String(1000 + i),
      type: e.type,
      data: e.data as unknown as Record<string, unknown>,
      metadata: {} as RecordedEvent['metadata'],
      recordedAt: `2024-12-0${2 + (i % 7)}T08:00:00.000Z`,
    })),
  );

const sessions = (id: string) => (id === 'phien-1' ? '2024-12-10' : null);

/** Folds the events through both the read model and the decider, comparing the status after each one. */
function foldBoth(events: DossierEvent[]): DossierRecord {
  let record: DossierRecord | null = null;
  let state: DossierState = initialDossierState();
  for (const event of recorded(events)) {
    record = foldDossierEvent(record, event, sessions);
    state = evolveDossier(state, { type: event.type, data: event.data } as unknown as DossierEvent);
    expect(record.status).toBe(state.status);
  }
  return record!;
}

describe('the dossiers read model fold', () => {
  it('follows a dossier returned twice through appraisal, vote and award', () => {
    const record = foldBoth([
      ev.submitted(),
      ev.returned(1),
      ev.resubmitted(1),
      ev.returned(2),
      ev.resubmitted(2),
      ev.appraised(true),
      ev.resolved(true),
      ev.granted(),
    ]);
    expect(record).toMatchObject({
      status: DossierStatus.GRANTED,
      return_count: 2,
      rule_set_id: 'tdkt-2022',
      checks,
      tally: tally(true),
      session_id: 'phien-1',
      resolved_on: '2024-12-10',
      award_id: 'kt-1',
      decision_number: '125/QĐ-UBND',
      decided_on: '2024-12-15',
      version: 8,
      updated_position: '1007',
      submitted_at: '2024-12-02T08:00:00.000Z',
      submitted_on: '2024-12-02',
    });
  });

  it('marks the appraisal and the vote outcomes', () => {
    expect(foldBoth([ev.submitted(), ev.appraised(false)]).status).toBe(DossierStatus.INELIGIBLE);
    expect(foldBoth([ev.submitted(), ev.appraised(true)]).status).toBe(DossierStatus.ELIGIBLE);
    const rejected = foldBoth([ev.submitted(), ev.appraised(true), ev.resolved(false)]);
    expect(rejected).toMatchObject({
      status: DossierStatus.REJECTED,
      tally: { approved: false, approve: 2 },
      resolved_on: '2024-12-10',
      award_id: null,
    });
  });

  it('withdraws from any open status', () => {
    expect(foldBoth([ev.submitted(), ev.returned(1), ev.withdrawn(DossierStatus.RETURNED)]).status).toBe(
      DossierStatus.WITHDRAWN,
    );
    expect(foldBoth([ev.submitted(), ev.appraised(true), ev.withdrawn(DossierStatus.ELIGIBLE)])).toMatchObject({
      status: DossierStatus.WITHDRAWN,
      version: 3,
    });
  });

  it('refuses what it cannot place rather than skip it', () => {
    const [returned] = recorded([ev.returned(1)]);
    expect(() => foldDossierEvent(null, returned, sessions)).toThrow(/never submitted/);
    const submitted = foldDossierEvent(null, recorded([ev.submitted()])[0], sessions);
    expect(() => foldDossierEvent(submitted, recorded([ev.submitted()])[0], sessions)).toThrow(/submitted twice/);
    const [, , unknownSession] = recorded([ev.submitted(), ev.appraised(true), ev.resolved(true, 'phien-x')]);
    expect(() => foldDossierEvent(submitted, unknownSession, sessions)).toThrow(/never convened/);
  });
});
