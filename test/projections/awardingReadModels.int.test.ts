import { awardsProjection } from '../../projections/awards/awards.projection';
import {
  countHeldAwards,
  countUnitAwardsForPeriod,
  getAwardsHeldBySubject,
  getDecision,
} from '../../projections/awards/awards.queries';
import { clusterScoringProjection } from '../../projections/clusterScoring/clusterScoring.projection';
import { getFinalizedClusterRank } from '../../projections/clusterScoring/clusterScoring.queries';
import { complaintsProjection } from '../../projections/complaints/complaints.projection';
import { countPendingComplaintsAbout } from '../../projections/complaints/complaints.queries';
import { initiativesProjection } from '../../projections/initiatives/initiatives.projection';
import { getInitiativesByAuthor } from '../../projections/initiatives/initiatives.queries';
import { awardDecider } from '../../src/awards/award.decider';
import { clusterDecider } from '../../src/clusters/cluster.decider';
import { clusterYearDecider, clusterYearKey } from '../../src/clusters/clusterYear.decider';
import { complaintDecider } from '../../src/complaints/complaint.decider';
import { Expected } from '../../src/eventStore/eventStore.port';
import type { PostgresEventStore } from '../../src/eventStore/postgres/postgresEventStore';
import { initiativeDecider } from '../../src/initiatives/initiative.decider';
import { ProjectionRunner } from '../../src/projections/projectionRunner';
import { fold, streamIdOf, type Decider, type DomainEvent } from '../../src/shared/decider';
import {
  AuthorityLevel,
  AwardKind,
  ClusterKind,
  ComplaintKind,
  DossierStatus,
  PeriodKind,
  ScoreKind,
  SubjectKind,
  type Period,
} from '../../src/shared/domain';
import type { TestDatabase } from '../support/database';
import { testMetadata } from '../support/events';
import { createTestLog, type TestLog } from '../support/storedLog';
import { caughtUp } from '../support/until';

const NOW = '2025-11-20T03:00:00.000Z';
const y = (year: number): Period => ({ kind: PeriodKind.CALENDAR_YEAR, year });

describe('the read models behind the award rules: awards, complaints, initiatives, cluster ranks', () => {
  let log: TestLog;
  let db: TestDatabase;
  let store: PostgresEventStore;
  let runner: ProjectionRunner;

  /** Runs a command through the pure decider and appends what it decides, as the handler would. */
  async function run<C, E extends DomainEvent, S>(decider: Decider<C, E, S>, id: string, command: C): Promise<string> {
    const streamId = streamIdOf(decider.streamType, id);
    const history = await store.readStream(streamId);
    const events = decider.decide(command, fold(decider, history as unknown as E[]));
    const result = await store.append(
      streamId,
      events.map((e) => ({ type: e.type, data: e.data as Record<string, unknown>, metadata: testMetadata() })),
      Expected.version(history.length),
    );
    return result.position;
  }

  function grant(awardId: string, personId: string, award: AwardKind, decisionNumber: string, unitId = 'truong') {
    return run(awardDecider, awardId, {
      type: 'GrantAward',
      data: {
        awardId,
        dossier: {
          dossierId: `d-${awardId}`,
          status: DossierStatus.APPROVED,
          nominee: { kind: SubjectKind.INDIVIDUAL, id: personId, name: `Người ${personId}` },
          nomineeUnitId: unitId,
          award,
          period: y(2024),
          movementId: null,
          thematic: awardId.endsWith('thematic'),
          grantableWithoutCouncil: false,
          approvedAtLevel: null,
        },
        subjectFacts: { directWorker: false, female: true },
        issuingUnit: { id: 'truong', level: AuthorityLevel.UNIT },
        decisionNumber,
        decidedOn: '2024-12-20',
        signerName: 'Hiệu trưởng',
        facts: { heldSameKindSamePeriod: 0 },
        decisionFacts: null,
        now: NOW,
      },
    });
  }

  async function tables(): Promise<unknown[]> {
    return Promise.all([
      db.pool.query('SELECT * FROM awards.awards ORDER BY award_id'),
      db.pool.query('SELECT * FROM complaints.complaints ORDER BY complaint_id'),
      db.pool.query('SELECT * FROM initiatives.initiative_authors ORDER BY initiative_id, person_id'),
      db.pool.query('SELECT * FROM cluster_scoring.final_ranks ORDER BY cluster_id, year, unit_id'),
    ]).then((results) => results.map((r) => r.rows));
  }

  beforeAll(async () => {
    log = await createTestLog({ pollIntervalMs: 20 });
    ({ db, store } = log);

    await grant('a-1', 'p-1', AwardKind.ADVANCED_WORKER, '7/QĐ');
    await grant('a-2', 'p-2', AwardKind.ADVANCED_WORKER, '7/QĐ');
    await grant('a-3', 'p-3', AwardKind.ADVANCED_WORKER, '7/QĐ');
    await grant('a-4', 'p-1', AwardKind.GRASSROOTS_EMULATION_FIGHTER, '8/QĐ');
    await grant('a-5-thematic', 'p-1', AwardKind.CERTIFICATE_OF_MERIT, '9/QĐ');
    await grant('a-6', 'p-9', AwardKind.ADVANCED_WORKER, '7/QĐ', 'truong-khac');
    await run(awardDecider, 'a-3', {
      type: 'RevokeAward',
      data: { awardId: 'a-3', reason: 'Sai thành tích', decisionNumber: '10/QĐ', complaintId: null, now: NOW },
    });

    await run(initiativeDecider, 'sk-1', {
      type: 'RecognizeInitiative',
      data: {
        initiativeId: 'sk-1',
        title: 'Sáng kiến dạy học',
        authors: [
          { personId: 'p-1', name: 'Một' },
          { personId: 'p-2', name: 'Hai' },
        ],
        level: AuthorityLevel.PROVINCE,
        period: y(2023),
        decisionNumber: 'SK/1',
        now: NOW,
      },
    });
    await run(initiativeDecider, 'sk-2', {
      type: 'RecognizeInitiative',
      data: {
        initiativeId: 'sk-2',
        title: 'Sáng kiến quản lý',
        authors: [{ personId: 'p-1', name: 'Một' }],
        level: AuthorityLevel.UNIT,
        period: y(2024),
        decisionNumber: 'SK/2',
        now: NOW,
      },
    });

    const about = { kind: SubjectKind.INDIVIDUAL, id: 'p-1', name: 'Một' };
    const file = (complaintId: string, kind: ComplaintKind) =>
      run(complaintDecider, complaintId, {
        type: 'FileComplaint',
        data: {
          complaintId,
          kind,
          complainantName: 'Công dân',
          receivedOn: '2025-01-10',
          content: 'Nội dung',
          awardId: null,
          dossierId: null,
          subject: about,
          now: NOW,
        },
      });
    await file('kn-1', ComplaintKind.COMPLAINT);
    await file('kn-2', ComplaintKind.DENUNCIATION);
    await file('kn-3', ComplaintKind.PETITION);
    await file('kn-4', ComplaintKind.COMPLAINT);
    await run(complaintDecider, 'kn-2', {
      type: 'AcceptComplaint',
      data: { complaintId: 'kn-2', acceptedOn: '2025-01-12', complex: false, remoteArea: false, now: NOW },
    });
    await run(complaintDecider, 'kn-4', {
      type: 'DismissComplaint',
      data: { complaintId: 'kn-4', reason: 'Ẩn danh', decidedOn: '2025-01-15', now: NOW },
    });

    const members = ['dv-a', 'dv-b', 'dv-c', 'dv-d'].map((unitId, i) => ({ unitId, unitName: `Đơn vị ${'ABCD'[i]}` }));
    await run(clusterDecider, 'cum-1', {
      type: 'FormCluster',
      data: {
        clusterId: 'cum-1',
        name: 'Cụm thi đua số 1',
        kind: ClusterKind.CLUSTER,
        organizerUnitId: 'tinh',
        members,
        unknownUnitIds: [],
      },
    });
    // The year's work goes to the cluster's 2024 stream, deciding with the cluster's facts.
    const cluster = { clusterId: 'cum-1', name: 'Cụm thi đua số 1', members };
    const year2024 = clusterYearKey('cum-1', 2024);
    await run(clusterYearDecider, year2024, {
      type: 'SetClusterCriteria',
      data: {
        clusterId: 'cum-1',
        year: 2024,
        criteria: [{ code: 'A', name: 'Nhiệm vụ', maxPoints: 100, bonus: false }],
        cluster,
      },
    });
    for (const [i, unitId] of ['dv-a', 'dv-b', 'dv-c', 'dv-d'].entries()) {
      await run(clusterYearDecider, year2024, {
        type: 'RecordClusterScore',
        data: {
          clusterId: 'cum-1',
          year: 2024,
          unitId,
          criterionCode: 'A',
          points: [80, 95, 70, 90][i],
          kind: ScoreKind.ASSESSED,
          note: null,
          now: NOW,
          cluster,
        },
      });
    }
    await run(clusterYearDecider, year2024, {
      type: 'FinalizeClusterRanking',
      data: { clusterId: 'cum-1', year: 2024, now: NOW, certificateCount: 2, cluster },
    });

    runner = new ProjectionRunner(
      db.pool,
      store,
      [awardsProjection, complaintsProjection, initiativesProjection, clusterScoringProjection],
      { batchSize: 5 },
    );
    await runner.start();
    await caughtUp(runner, await store.lastCommittedPosition());
  });
  afterAll(async () => {
    await runner.stop();
    await log.drop();
  });

  it('answers the award questions: held by subject, same kind, per unit and period, by decision', async () => {
    const held = await getAwardsHeldBySubject(db.pool, { kind: SubjectKind.INDIVIDUAL, id: 'p-1' });
    expect(held.map((h) => [h.awardId, h.award, h.revoked, h.fromThematicMovement])).toEqual([
      ['a-1', 'ADVANCED_WORKER', false, false],
      ['a-4', 'GRASSROOTS_EMULATION_FIGHTER', false, false],
      ['a-5-thematic', 'CERTIFICATE_OF_MERIT', false, true],
    ]);
    const revoked = await getAwardsHeldBySubject(db.pool, { kind: SubjectKind.INDIVIDUAL, id: 'p-3' });
    expect(revoked).toEqual([
      {
        awardId: 'a-3',
        dossierId: 'd-a-3',
        award: 'ADVANCED_WORKER',
        period: y(2024),
        revoked: true,
        fromThematicMovement: false,
      },
    ]);
    expect(
      await countHeldAwards(db.pool, { kind: SubjectKind.INDIVIDUAL, id: 'p-3' }, AwardKind.ADVANCED_WORKER, y(2024)),
    ).toBe(0);
    expect(
      await countHeldAwards(db.pool, { kind: SubjectKind.INDIVIDUAL, id: 'p-1' }, AwardKind.ADVANCED_WORKER, y(2024)),
    ).toBe(1);
    expect(
      await countHeldAwards(db.pool, { kind: SubjectKind.INDIVIDUAL, id: 'p-1' }, AwardKind.ADVANCED_WORKER, y(2023)),
    ).toBe(0);
    expect(await countUnitAwardsForPeriod(db.pool, 'truong', y(2024))).toEqual({
      advancedWorkers: 2,
      grassrootsFighters: 1,
    });
    expect(await countUnitAwardsForPeriod(db.pool, 'truong', { kind: PeriodKind.SCHOOL_YEAR, year: 2024 })).toEqual({
      advancedWorkers: 0,
      grassrootsFighters: 0,
    });
    expect(await getDecision(db.pool, '7/QĐ', 'truong')).toEqual({
      decidedOn: '2024-12-20',
      signerName: 'Hiệu trưởng',
    });
    expect(await getDecision(db.pool, '7/QĐ', 'other-unit')).toBeNull();
    const row = (
      await db.pool.query(
        `SELECT revoked_reason, revocation_decision_number, cash_multiple::float8 AS cash, female FROM awards.awards WHERE award_id = 'a-3'`,
      )
    ).rows[0];
    expect(row).toEqual({
      revoked_reason: 'Sai thành tích',
      revocation_decision_number: '10/QĐ',
      cash: 0.3,
      female: true,
    });
  });

  it('counts open complaints and denunciations about a subject, not petitions or dismissed ones', async () => {
    expect(await countPendingComplaintsAbout(db.pool, { kind: SubjectKind.INDIVIDUAL, id: 'p-1' })).toBe(2);
    expect(await countPendingComplaintsAbout(db.pool, { kind: SubjectKind.COLLECTIVE, id: 'p-1' })).toBe(0);
    const accepted = (
      await db.pool.query(
        `SELECT status, to_char(due_on, 'YYYY-MM-DD') AS due_on, remote_area FROM complaints.complaints WHERE complaint_id = 'kn-2'`,
      )
    ).rows[0];
    // A denunciation: 30 days from acceptance (Law on Denunciations 2018 Art. 30), with no remote-area term.
    expect(accepted).toEqual({ status: 'ACCEPTED', due_on: '2025-02-11', remote_area: false });
  });

  it('credits every author of an initiative', async () => {
    expect((await getInitiativesByAuthor(db.pool, 'p-1')).map((i) => [i.initiativeId, i.level, i.period.year])).toEqual(
      [
        ['sk-1', 'PROVINCE', 2023],
        ['sk-2', 'UNIT', 2024],
      ],
    );
    expect((await getInitiativesByAuthor(db.pool, 'p-2')).map((i) => i.initiativeId)).toEqual(['sk-1']);
    expect(await getInitiativesByAuthor(db.pool, 'p-3')).toEqual([]);
  });

  it('keeps the finalized rank of each cluster member', async () => {
    expect(await getFinalizedClusterRank(db.pool, 'dv-b', 2024)).toBe(1);
    expect(await getFinalizedClusterRank(db.pool, 'dv-d', 2024)).toBe(2);
    expect(await getFinalizedClusterRank(db.pool, 'dv-c', 2024)).toBe(4);
    expect(await getFinalizedClusterRank(db.pool, 'dv-b', 2023)).toBeNull();
  });

  it('rebuilds each read model from the log into the same rows', async () => {
    const before = await tables();
    for (const name of ['awards', 'complaints', 'initiatives', 'cluster_scoring']) await runner.rebuild(name);
    expect(await tables()).toEqual(before);
  });
});
