import type { AwardGranted } from '../../src/awards/award.events';
import type { DecisionSigned } from '../../src/decisions/decision.events';
import { Expected, type RecordedEvent } from '../../src/eventStore/eventStore.port';
import { awardIssuance } from '../../src/processManagers/awardIssuance';
import { carryConsequence } from '../../src/processManagers/carryConsequence';
import { decisionGrants } from '../../src/processManagers/decisionGrants';
import { AwardKind, PeriodKind, SubjectKind } from '../../src/shared/domain';
import { testEvent } from '../support/events';
import { grantedAwardFixture } from '../support/grantedAward';
import { createTestLog, type TestLog } from '../support/storedLog';

const PERIOD = { kind: PeriodKind.CALENDAR_YEAR, year: 2025 };

function dossierContext(dossierId: string) {
  return {
    dossierId,
    proposingUnitId: 'truong',
    nominee: { kind: SubjectKind.INDIVIDUAL, id: `p-${dossierId}`, name: 'Nguyễn Thị Hoa' },
    nomineeUnitId: 'truong',
    award: AwardKind.ADVANCED_WORKER,
    period: PERIOD,
  };
}

/** A dossier the council approved, as its stream records it. */
async function approvedDossier(log: TestLog, dossierId: string): Promise<void> {
  const context = dossierContext(dossierId);
  await log.store.append(
    `dossier-${dossierId}`,
    [
      testEvent('DossierSubmitted', {
        ...context,
        proposingUnitName: 'Trường THCS Lê Lợi',
        movementId: null,
        movementThematic: false,
        achievements: 'Hoàn thành xuất sắc nhiệm vụ',
        submittedOn: '2025-10-01',
        submittedAt: '2025-10-01T02:00:00.000Z',
        ruleSetId: 'tdkt-2025',
      }),
      testEvent('DossierResolved', {
        ...context,
        sessionId: 's-1',
        approved: true,
        tally: {
          approve: 3,
          reject: 0,
          abstain: 0,
          members: 3,
          thresholdShare: 0.5,
          thresholdInclusive: false,
          approved: true,
        },
        resolvedAt: '2025-11-20T02:00:00.000Z',
      }),
    ],
    Expected.noStream,
  );
}

function grant(dossierId: string): DecisionSigned['data']['grants'][number] {
  const grantedAward: AwardGranted['data'] = grantedAwardFixture({
    awardId: `award-of-${dossierId}`,
    dossierId,
    award: AwardKind.ADVANCED_WORKER,
    period: PERIOD,
    decisionNumber: '12/QĐ-THCS',
    decidedOn: '2025-11-25',
  });
  return { dossierId, awardId: grantedAward.awardId, grantedAward };
}

describe('decisionGrants: a signed decision grants on each dossier, once', () => {
  let log: TestLog;
  beforeAll(async () => {
    log = await createTestLog();
  });
  afterAll(async () => log.drop());

  it('records the grant on its dossier once (a rerun appends nothing), and nothing on a dossier granted since', async () => {
    await approvedDossier(log, 'hs-a');
    const signed = await log.store.append(
      'decision-truong:2025:12.2FQ.C4.90-THCS',
      [testEvent('DecisionSigned', { number: '12/QĐ-THCS', decidedOn: '2025-11-25', grants: [grant('hs-a')] })],
      Expected.noStream,
    );
    const cause: RecordedEvent = signed.events[0];
    const [target] = decisionGrants.consequencesOf(cause);
    const first = await carryConsequence(log.store, decisionGrants.name, cause, target);
    expect(first.kind).toBe('appended');
    const again = await carryConsequence(log.store, decisionGrants.name, cause, target);
    expect(again).toEqual({ kind: 'carried_before', streamId: 'dossier-hs-a', position: (first as any).position });

    const dossier = await log.store.readStream('dossier-hs-a');
    expect(dossier.map((e) => e.type)).toEqual(['DossierSubmitted', 'DossierResolved', 'DossierGranted']);
    expect(dossier[2].data).toMatchObject({
      awardId: 'award-of-hs-a',
      decisionNumber: '12/QĐ-THCS',
      decidedOn: '2025-11-25',
      grantedAward: { awardId: 'award-of-hs-a', decisionNumber: '12/QĐ-THCS' },
    });
    expect(dossier[2].metadata.causationId).toBe(`${cause.streamId}@${cause.streamVersion}`);

    // The award follows from the dossier's grant, as for grantAward.
    const [issue] = awardIssuance.consequencesOf(dossier[2]);
    expect((await carryConsequence(log.store, awardIssuance.name, dossier[2], issue)).kind).toBe('appended');
    expect((await log.store.readStream('award-award-of-hs-a')).map((e) => e.type)).toEqual(['AwardGranted']);

    // A second decision naming the granted dossier asks nothing of it.
    const later = await log.store.append(
      'decision-truong:2025:13.2FQ.C4.90-THCS',
      [testEvent('DecisionSigned', { number: '13/QĐ-THCS', decidedOn: '2025-11-26', grants: [grant('hs-a')] })],
      Expected.noStream,
    );
    const [repeat] = decisionGrants.consequencesOf(later.events[0]);
    expect(await carryConsequence(log.store, decisionGrants.name, later.events[0], repeat)).toEqual({
      kind: 'nothing_to_do',
      streamId: 'dossier-hs-a',
    });
    expect(await log.store.readStream('dossier-hs-a')).toHaveLength(3);
  });
});
