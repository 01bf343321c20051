import type { ClusterMember } from '../../src/clusters/cluster.events';
import {
  clusterYearDecider,
  clusterYearKey,
  type AssignClusterLeadership,
  type ClusterFacts,
  type ClusterYearCommand,
  type CriterionInput,
  type FinalizeClusterRanking,
  type RecordClusterScore,
  type SetClusterCriteria,
  type SignClusterCovenant,
} from '../../src/clusters/clusterYear.decider';
import type {
  ClusterCovenantMemberSigned,
  ClusterCovenantSigned,
  ClusterCriteriaSet,
  ClusterLeadershipAssigned,
  ClusterRankingFinalized,
  ClusterScoreRecorded,
} from '../../src/clusters/clusterYear.events';
import { fold, streamIdOf } from '../../src/shared/decider';
import { ScoreKind } from '../../src/shared/domain';
import { InvalidInput, NotFound } from '../../src/shared/errors';
import { deciderSpec, frozenDecider } from '../support/deciderSpec';

/**
 * Each history is one year stream (`cluster_year-c-1:<year>`); the cluster's name and
 * members come in with every command, read by the handler from the cluster's own stream.
 */
const spec = deciderSpec(frozenDecider(clusterYearDecider));
const NOW = '2023-12-20T08:00:00.000Z';

const MEMBERS: ClusterMember[] = [
  { unitId: 'u-tc', unitName: 'Phòng Tài chính' },
  { unitId: 'u-nv', unitName: 'Phòng Nội vụ' },
  { unitId: 'u-gd', unitName: 'Phòng Giáo dục' },
  { unitId: 'u-yt', unitName: 'Phòng Y tế' },
];

/** The cluster as its own stream shows it: what every year command decides with. */
const FACTS: ClusterFacts = { clusterId: 'c-1', name: 'Khối các phòng chuyên môn', members: MEMBERS };

const ctx = { clusterId: 'c-1', clusterName: 'Khối các phòng chuyên môn' };

const CRITERIA_INPUT: CriterionInput[] = [
  { code: 'A', name: 'Thực hiện nhiệm vụ chuyên môn', maxPoints: 60, bonus: false },
  { code: 'B', name: 'Công tác thi đua', maxPoints: 40, bonus: false },
  { code: 'BONUS', name: 'Điểm thưởng', maxPoints: 5, bonus: true },
  { code: 'PEN', name: 'Điểm trừ', maxPoints: -5, bonus: false },
];

function setCriteria(criteria: CriterionInput[] = CRITERIA_INPUT, year = 2023): SetClusterCriteria {
  return { type: 'SetClusterCriteria', data: { clusterId: 'c-1', year, criteria, cluster: FACTS } };
}

const criteriaSet: ClusterCriteriaSet = {
  type: 'ClusterCriteriaSet',
  data: {
    ...ctx,
    year: 2023,
    scale: 100,
    criteria: [
      { code: 'A', name: 'Thực hiện nhiệm vụ chuyên môn', maxPoints: 60, kind: 'ORDINARY' },
      { code: 'B', name: 'Công tác thi đua', maxPoints: 40, kind: 'ORDINARY' },
      { code: 'BONUS', name: 'Điểm thưởng', maxPoints: 5, kind: 'BONUS' },
      { code: 'PEN', name: 'Điểm trừ', maxPoints: -5, kind: 'PENALTY' },
    ],
    replacesPrevious: false,
  },
};

/** Two criteria only, for the ranking tests. */
const simpleCriteriaSet: ClusterCriteriaSet = {
  type: 'ClusterCriteriaSet',
  data: {
    ...ctx,
    year: 2023,
    scale: 100,
    criteria: [
      { code: 'A', name: 'Chuyên môn', maxPoints: 60, kind: 'ORDINARY' },
      { code: 'B', name: 'Thi đua', maxPoints: 40, kind: 'ORDINARY' },
    ],
    replacesPrevious: false,
  },
};

const criterionInfo: Record<string, { criterionName: string; maxPoints: number }> = {
  A: { criterionName: 'Chuyên môn', maxPoints: 60 },
  B: { criterionName: 'Thi đua', maxPoints: 40 },
};

function score(
  unitId: string,
  criterionCode: string,
  points: number,
  kind = ScoreKind.ASSESSED,
  overrides: Partial<RecordClusterScore['data']> = {},
): RecordClusterScore {
  return {
    type: 'RecordClusterScore',
    data: {
      clusterId: 'c-1',
      year: 2023,
      unitId,
      criterionCode,
      points,
      kind,
      note: null,
      now: NOW,
      cluster: FACTS,
      ...overrides,
    },
  };
}

/** A recorded score against `simpleCriteriaSet`. */
function scored(
  unitId: string,
  criterionCode: string,
  points: number,
  kind = ScoreKind.ASSESSED,
): ClusterScoreRecorded {
  const unitName = MEMBERS.find((m) => m.unitId === unitId)!.unitName;
  return {
    type: 'ClusterScoreRecorded',
    data: {
      ...ctx,
      year: 2023,
      unitId,
      unitName,
      criterionCode,
      ...criterionInfo[criterionCode],
      points,
      kind,
      note: null,
      recordedAt: NOW,
    },
  };
}

function finalize(certificateCount = 2, year = 2023): FinalizeClusterRanking {
  return {
    type: 'FinalizeClusterRanking',
    data: { clusterId: 'c-1', year, now: NOW, certificateCount, cluster: FACTS },
  };
}

function lead(leaderUnitId: string, deputyUnitId: string, year = 2023): AssignClusterLeadership {
  return {
    type: 'AssignClusterLeadership',
    data: { clusterId: 'c-1', year, leaderUnitId, deputyUnitId, cluster: FACTS },
  };
}

/** Every member scored on A and B (assessed): totals tc 90, nv 80, gd 70, yt 60. */
const allScored: ClusterScoreRecorded[] = [
  scored('u-tc', 'A', 55),
  scored('u-tc', 'B', 35),
  scored('u-nv', 'A', 50),
  scored('u-nv', 'B', 30),
  scored('u-gd', 'A', 45),
  scored('u-gd', 'B', 25),
  scored('u-yt', 'A', 40),
  scored('u-yt', 'B', 20),
];

function sign(unitId = 'u-tc', year = 2023, signedOn = '2023-02-10'): SignClusterCovenant {
  return { type: 'SignClusterCovenant', data: { clusterId: 'c-1', year, unitId, signedOn, cluster: FACTS } };
}

/** The same command on a cluster that was never formed: the handler finds no facts. */
function onUnknownCluster(command: ClusterYearCommand): ClusterYearCommand {
  return { ...command, data: { ...command.data, cluster: null } } as ClusterYearCommand;
}

function finalizedEvent(): ClusterRankingFinalized {
  const [event] = spec
    .given([simpleCriteriaSet, ...allScored])
    .when(finalize())
    .events();
  return event as ClusterRankingFinalized;
}

describe('cluster year decider', () => {
  it('has the stream type cluster_year, one stream per cluster and year', () => {
    expect(clusterYearDecider.streamType).toBe('cluster_year');
    expect(streamIdOf(clusterYearDecider.streamType, clusterYearKey('c-1', 2023))).toBe('cluster_year-c-1:2023');
    expect(clusterYearKey('a:2023', 2024)).not.toBe(clusterYearKey('a', 2023));
  });

  it('is NONE before its first event, OPEN after it, FINALIZED once ranked', () => {
    expect(fold(clusterYearDecider, [])).toMatchObject({ status: 'NONE', criteria: null, scores: [] });
    expect(fold(clusterYearDecider, [simpleCriteriaSet])).toMatchObject({ status: 'OPEN' });
    expect(fold(clusterYearDecider, [simpleCriteriaSet, ...allScored, finalizedEvent()])).toMatchObject({
      status: 'FINALIZED',
    });
  });

  describe('commands on a cluster that does not exist', () => {
    it.each([
      ['AssignClusterLeadership', lead('u-tc', 'u-nv')],
      ['SetClusterCriteria', setCriteria()],
      ['RecordClusterScore', score('u-tc', 'A', 10)],
      ['FinalizeClusterRanking', finalize()],
      ['SignClusterCovenant', sign()],
    ])('%s → NotFound', (_name, command) => {
      spec.given([]).when(onUnknownCluster(command)).thenThrows(NotFound, { entity: 'Cluster', id: 'c-1' });
    });
  });

  describe('AssignClusterLeadership', () => {
    const assigned: ClusterLeadershipAssigned = {
      type: 'ClusterLeadershipAssigned',
      data: {
        ...ctx,
        year: 2023,
        leaderUnitId: 'u-tc',
        leaderUnitName: 'Phòng Tài chính',
        deputyUnitId: 'u-nv',
        deputyUnitName: 'Phòng Nội vụ',
        previousLeaderUnitId: null,
        previousDeputyUnitId: null,
      },
    };

    it('given a cluster, when leader and deputy are assigned, then ClusterLeadershipAssigned with names', () => {
      spec.given([]).when(lead('u-tc', 'u-nv')).then([assigned]);
    });

    it('given an assignment for the year, when assigned again, then a new event replaces it and names the previous one', () => {
      spec
        .given([assigned])
        .when(lead('u-gd', 'u-tc'))
        .then([
          {
            type: 'ClusterLeadershipAssigned',
            data: {
              ...ctx,
              year: 2023,
              leaderUnitId: 'u-gd',
              leaderUnitName: 'Phòng Giáo dục',
              deputyUnitId: 'u-tc',
              deputyUnitName: 'Phòng Tài chính',
              previousLeaderUnitId: 'u-tc',
              previousDeputyUnitId: 'u-nv',
            },
          },
        ]);
    });

    it('keeps one assignment per year: another year is independent', () => {
      const [event] = spec
        .given([]) // the 2024 stream
        .when(lead('u-gd', 'u-yt', 2024))
        .events();
      expect(event.data).toMatchObject({ year: 2024, previousLeaderUnitId: null, previousDeputyUnitId: null });
      expect(fold(clusterYearDecider, [assigned])).toMatchObject({ leadership: { leaderUnitId: 'u-tc' } });
      expect(fold(clusterYearDecider, [event])).toMatchObject({ leadership: { leaderUnitId: 'u-gd' } });
    });

    it('refuses the same unit as leader and deputy', () => {
      spec.given([]).when(lead('u-tc', 'u-tc')).thenThrows('CLUSTER_LEADERSHIP_SAME_UNIT');
    });

    it('refuses a leader or deputy that is not a member', () => {
      spec
        .given([])
        .when(lead('u-x', 'u-nv'))
        .thenThrows('CLUSTER_LEADERSHIP_NOT_MEMBER', { unitIds: ['u-x'] });
      spec
        .given([])
        .when(lead('u-tc', 'u-y'))
        .thenThrows('CLUSTER_LEADERSHIP_NOT_MEMBER', { unitIds: ['u-y'] });
    });

    it('refuses a change after the year is finalized', () => {
      spec
        .given([simpleCriteriaSet, ...allScored, finalizedEvent()])
        .when(lead('u-gd', 'u-yt'))
        .thenThrows('CLUSTER_YEAR_FINALIZED');
    });

    it('refuses a year outside 1945–2100', () => {
      spec
        .given([])
        .when(lead('u-tc', 'u-nv', 1900))
        .thenThrows(InvalidInput, { field: 'year' });
    });
  });

  describe('SignClusterCovenant', () => {
    const signedBy = (unitId: string, unitName: string, unsignedUnitIds: string[]): ClusterCovenantMemberSigned => ({
      type: 'ClusterCovenantMemberSigned',
      data: { ...ctx, year: 2023, unitId, unitName, signedOn: '2023-02-10', unsignedUnitIds },
    });
    const tcSigned = signedBy('u-tc', 'Phòng Tài chính', ['u-nv', 'u-gd', 'u-yt']);

    it('given a cluster, when a member signs, then ClusterCovenantMemberSigned naming those still to sign', () => {
      spec.given([]).when(sign()).then([tcSigned]);
      spec
        .given([tcSigned])
        .when(sign('u-nv'))
        .then([signedBy('u-nv', 'Phòng Nội vụ', ['u-gd', 'u-yt'])]);
      expect(fold(clusterYearDecider, [tcSigned]).covenantSignedBy).toEqual({ 'u-tc': '2023-02-10' });
    });

    it('refuses a second signing by the same unit for the same year, accepts another year', () => {
      spec.given([tcSigned]).when(sign()).thenThrows('CLUSTER_COVENANT_ALREADY_SIGNED', { unitId: 'u-tc' });
      spec
        .given([])
        .when(sign('u-tc', 2024, '2024-01-20'))
        .events(); // the 2024 stream
    });

    it('counts a whole-cluster signing as every member having signed', () => {
      const allSigned: ClusterCovenantSigned = {
        type: 'ClusterCovenantSigned',
        data: { ...ctx, year: 2023, signedOn: '2023-02-01', memberUnitIds: ['u-tc', 'u-nv', 'u-gd', 'u-yt'] },
      };
      spec.given([allSigned]).when(sign('u-yt')).thenThrows('CLUSTER_COVENANT_ALREADY_SIGNED');
    });

    it('refuses a unit outside the cluster', () => {
      spec.given([]).when(sign('u-other')).thenThrows('CLUSTER_COVENANT_NOT_MEMBER', { unitId: 'u-other' });
    });

    it('refuses a finalized year', () => {
      spec
        .given([simpleCriteriaSet, ...allScored, finalizedEvent()])
        .when(sign())
        .thenThrows('CLUSTER_YEAR_FINALIZED');
    });

    it('refuses an invalid date', () => {
      spec
        .given([])
        .when(sign('u-tc', 2023, '2023-13-01'))
        .thenThrows(InvalidInput, { field: 'signedOn' });
    });
  });

  describe('SetClusterCriteria', () => {
    it('given a cluster, when ordinary, bonus and penalty criteria are set, then ClusterCriteriaSet on the 100-point scale', () => {
      spec.given([]).when(setCriteria()).then([criteriaSet]);
    });

    it('accepts the 1,000-point scale', () => {
      const [event] = spec
        .given([])
        .when(
          setCriteria([
            { code: 'A', name: 'A', maxPoints: 700, bonus: false },
            { code: 'B', name: 'B', maxPoints: 300, bonus: false },
          ]),
        )
        .events();
      expect(event.data).toMatchObject({ scale: 1000 });
    });

    it('accepts fractional maxima that add up to 100', () => {
      const [event] = spec
        .given([])
        .when(
          setCriteria([
            { code: 'A', name: 'A', maxPoints: 33.3, bonus: false },
            { code: 'B', name: 'B', maxPoints: 33.3, bonus: false },
            { code: 'C', name: 'C', maxPoints: 33.4, bonus: false },
          ]),
        )
        .events();
      expect(event.data).toMatchObject({ scale: 100 });
    });

    it('refuses ordinary maxima adding up to 99 or 101 (CLUSTER_CRITERIA_SCALE); bonus and penalty are outside the scale', () => {
      spec
        .given([])
        .when(setCriteria([{ code: 'A', name: 'A', maxPoints: 99, bonus: false }]))
        .thenThrows('CLUSTER_CRITERIA_SCALE', { sum: 99 });
      spec
        .given([])
        .when(
          setCriteria([
            { code: 'A', name: 'A', maxPoints: 95, bonus: false },
            { code: 'X', name: 'thưởng', maxPoints: 5, bonus: true },
          ]),
        )
        .thenThrows('CLUSTER_CRITERIA_SCALE', { sum: 95 });
      spec
        .given([])
        .when(
          setCriteria([
            { code: 'A', name: 'A', maxPoints: 101, bonus: false },
            { code: 'P', name: 'trừ', maxPoints: -1, bonus: false },
          ]),
        )
        .thenThrows('CLUSTER_CRITERIA_SCALE', { sum: 101 });
    });

    it('refuses an empty list', () => {
      spec.given([]).when(setCriteria([])).thenThrows('CLUSTER_CRITERIA_EMPTY');
    });

    it('refuses duplicate codes', () => {
      spec
        .given([])
        .when(
          setCriteria([
            { code: 'A', name: 'A', maxPoints: 50, bonus: false },
            { code: 'A', name: 'A2', maxPoints: 50, bonus: false },
          ]),
        )
        .thenThrows('CLUSTER_CRITERION_DUPLICATE_CODE', { code: 'A' });
    });

    it('refuses an empty code or name', () => {
      spec
        .given([])
        .when(setCriteria([{ code: '', name: 'A', maxPoints: 100, bonus: false }]))
        .thenThrows(InvalidInput, { field: 'criteria[0].code' });
      spec
        .given([])
        .when(setCriteria([{ code: 'A', name: ' ', maxPoints: 100, bonus: false }]))
        .thenThrows(InvalidInput, { field: 'criteria[0].name' });
    });

    it('refuses zero and non-finite maxima', () => {
      spec
        .given([])
        .when(
          setCriteria([
            { code: 'A', name: 'A', maxPoints: 100, bonus: false },
            { code: 'Z', name: 'Z', maxPoints: 0, bonus: false },
          ]),
        )
        .thenThrows('CLUSTER_CRITERION_MAX_POINTS', { code: 'Z' });
      spec
        .given([])
        .when(setCriteria([{ code: 'A', name: 'A', maxPoints: Number.POSITIVE_INFINITY, bonus: false }]))
        .thenThrows(InvalidInput, { field: 'criteria[0].maxPoints' });
      spec
        .given([])
        .when(setCriteria([{ code: 'A', name: 'A', maxPoints: Number.NaN, bonus: false }]))
        .thenThrows(InvalidInput, { field: 'criteria[0].maxPoints' });
    });

    it('refuses a bonus criterion with a negative maximum', () => {
      spec
        .given([])
        .when(
          setCriteria([
            { code: 'A', name: 'A', maxPoints: 100, bonus: false },
            { code: 'X', name: 'X', maxPoints: -5, bonus: true },
          ]),
        )
        .thenThrows('CLUSTER_CRITERION_MAX_POINTS', { code: 'X' });
    });

    it('given criteria and no score, when set again, then they are replaced', () => {
      const [event] = spec
        .given([criteriaSet])
        .when(setCriteria([{ code: 'N', name: 'Mới', maxPoints: 100, bonus: false }]))
        .events();
      expect(event.data).toMatchObject({ replacesPrevious: true, criteria: [{ code: 'N', kind: 'ORDINARY' }] });
      expect(fold(clusterYearDecider, [criteriaSet, event])).toMatchObject({ criteria: [{ code: 'N' }] });
    });

    it('given a score for the year, when set again, then CLUSTER_CRITERIA_LOCKED; another year is still open', () => {
      spec
        .given([simpleCriteriaSet, scored('u-tc', 'A', 10, ScoreKind.SELF)])
        .when(setCriteria())
        .thenThrows('CLUSTER_CRITERIA_LOCKED');
      spec
        .given([]) // the 2024 stream
        .when(setCriteria(CRITERIA_INPUT, 2024))
        .events();
    });
  });

  describe('RecordClusterScore', () => {
    const given = [criteriaSet];

    it('given criteria, when a self-score is recorded, then ClusterScoreRecorded with unit and criterion names', () => {
      spec
        .given(given)
        .when(score('u-nv', 'A', 48.5, ScoreKind.SELF, { note: 'Tự chấm' }))
        .then([
          {
            type: 'ClusterScoreRecorded',
            data: {
              ...ctx,
              year: 2023,
              unitId: 'u-nv',
              unitName: 'Phòng Nội vụ',
              criterionCode: 'A',
              criterionName: 'Thực hiện nhiệm vụ chuyên môn',
              maxPoints: 60,
              points: 48.5,
              kind: ScoreKind.SELF,
              note: 'Tự chấm',
              recordedAt: NOW,
            },
          },
        ]);
    });

    it('accepts exactly the maximum and 0; refuses above the maximum and below 0', () => {
      spec
        .given(given)
        .when(score('u-nv', 'A', 60))
        .events();
      spec
        .given(given)
        .when(score('u-nv', 'A', 0))
        .events();
      spec
        .given(given)
        .when(score('u-nv', 'A', 60.01))
        .thenThrows('CLUSTER_SCORE_OUT_OF_RANGE', { min: 0, max: 60, points: 60.01 });
      spec
        .given(given)
        .when(score('u-nv', 'A', -1))
        .thenThrows('CLUSTER_SCORE_OUT_OF_RANGE');
    });

    it('penalty criterion with maximum −5: −5 and 0 accepted, −6 and +1 refused', () => {
      spec
        .given(given)
        .when(score('u-nv', 'PEN', -5))
        .events();
      spec
        .given(given)
        .when(score('u-nv', 'PEN', 0))
        .events();
      spec
        .given(given)
        .when(score('u-nv', 'PEN', -6))
        .thenThrows('CLUSTER_SCORE_OUT_OF_RANGE', { min: -5, max: 0 });
      spec
        .given(given)
        .when(score('u-nv', 'PEN', 1))
        .thenThrows('CLUSTER_SCORE_OUT_OF_RANGE', { min: -5, max: 0 });
    });

    it('bonus criterion: up to its maximum', () => {
      spec
        .given(given)
        .when(score('u-nv', 'BONUS', 5))
        .events();
      spec
        .given(given)
        .when(score('u-nv', 'BONUS', 5.5))
        .thenThrows('CLUSTER_SCORE_OUT_OF_RANGE');
    });

    it('refuses a non-member', () => {
      spec
        .given(given)
        .when(score('u-outsider', 'A', 10))
        .thenThrows('CLUSTER_SCORE_NOT_MEMBER', { unitId: 'u-outsider' });
    });

    it('refuses an unknown criterion', () => {
      spec
        .given(given)
        .when(score('u-nv', 'Z', 10))
        .thenThrows('CLUSTER_SCORE_UNKNOWN_CRITERION', { criterionCode: 'Z' });
    });

    it('refuses a score when no criteria are set for the year', () => {
      spec
        .given([])
        .when(score('u-nv', 'A', 10))
        .thenThrows('CLUSTER_CRITERIA_NOT_SET');
      spec
        .given([]) // the 2024 stream, beside the 2023 one that has criteria
        .when(score('u-nv', 'A', 10, ScoreKind.SELF, { year: 2024 }))
        .thenThrows('CLUSTER_CRITERIA_NOT_SET');
    });

    it('refuses a score after finalization', () => {
      spec
        .given([simpleCriteriaSet, ...allScored, finalizedEvent()])
        .when(score('u-nv', 'A', 10))
        .thenThrows('CLUSTER_YEAR_FINALIZED');
    });

    it('refuses non-finite points', () => {
      spec
        .given(given)
        .when(score('u-nv', 'A', Number.NaN))
        .thenThrows(InvalidInput, { field: 'points' });
    });

    it('keeps every score in history (a correction appends, it does not replace)', () => {
      const state = fold(clusterYearDecider, [
        simpleCriteriaSet,
        scored('u-tc', 'A', 10, ScoreKind.SELF),
        scored('u-tc', 'A', 12, ScoreKind.SELF),
      ]);
      expect(state).toMatchObject({ scores: [{ points: 10 }, { points: 12 }] });
    });
  });

  describe('FinalizeClusterRanking', () => {
    it('given every member scored on every criterion, when finalized, then the ranked rows with flag and certificate proposals', () => {
      const event = finalizedEvent();
      expect(event.type).toBe('ClusterRankingFinalized');
      expect(event.data).toMatchObject({
        ...ctx,
        year: 2023,
        finalizedAt: NOW,
        flagUnitId: 'u-tc',
        certificateUnitIds: ['u-nv', 'u-gd'],
        certificateCount: 2,
      });
      expect(event.data.criteria).toEqual(simpleCriteriaSet.data.criteria);
      expect(
        event.data.rows.map((r) => [
          r.rank,
          r.unitId,
          r.unitName,
          r.totalPoints,
          r.proposedForFlag,
          r.proposedForCertificate,
        ]),
      ).toEqual([
        [1, 'u-tc', 'Phòng Tài chính', 90, true, false],
        [2, 'u-nv', 'Phòng Nội vụ', 80, false, true],
        [3, 'u-gd', 'Phòng Giáo dục', 70, false, true],
        [4, 'u-yt', 'Phòng Y tế', 60, false, false],
      ]);
      expect(event.data.rows[0].scores).toEqual([
        { code: 'A', name: 'Chuyên môn', maxPoints: 60, points: 55, basis: ScoreKind.ASSESSED },
        { code: 'B', name: 'Thi đua', maxPoints: 40, points: 35, basis: ScoreKind.ASSESSED },
      ]);
    });

    it('proposes fewer units for the certificate when configured', () => {
      const [event] = spec
        .given([simpleCriteriaSet, ...allScored])
        .when(finalize(1))
        .events();
      expect(event.data).toMatchObject({ certificateUnitIds: ['u-nv'], certificateCount: 1 });
      const [none] = spec
        .given([simpleCriteriaSet, ...allScored])
        .when(finalize(0))
        .events();
      expect(none.data).toMatchObject({ certificateUnitIds: [] });
    });

    it('refuses an invalid certificate count', () => {
      spec
        .given([simpleCriteriaSet, ...allScored])
        .when(finalize(-1))
        .thenThrows(InvalidInput, { field: 'certificateCount' });
      spec
        .given([simpleCriteriaSet, ...allScored])
        .when(finalize(1.5))
        .thenThrows(InvalidInput, { field: 'certificateCount' });
    });

    it('accepts self-scores where no assessed score exists', () => {
      const selfOnly: ClusterScoreRecorded[] = allScored.map((e) => ({
        ...e,
        data: { ...e.data, kind: ScoreKind.SELF },
      }));
      const [event] = spec
        .given([simpleCriteriaSet, ...selfOnly])
        .when(finalize())
        .events();
      expect((event as ClusterRankingFinalized).data.rows[0].scores[0].basis).toBe(ScoreKind.SELF);
    });

    it('given missing scores, when finalized, then CLUSTER_SCORES_MISSING naming each missing unit and criterion', () => {
      const partial = allScored.filter((e) => {
        const d = (e as ClusterScoreRecorded).data;
        return !(d.unitId === 'u-gd' && d.criterionCode === 'B') && d.unitId !== 'u-yt';
      });
      const error = spec
        .given([simpleCriteriaSet, ...partial])
        .when(finalize())
        .thenThrows('CLUSTER_SCORES_MISSING', {
          missing: [
            { unitId: 'u-gd', unitName: 'Phòng Giáo dục', criterionCode: 'B' },
            { unitId: 'u-yt', unitName: 'Phòng Y tế', criterionCode: 'A' },
            { unitId: 'u-yt', unitName: 'Phòng Y tế', criterionCode: 'B' },
          ],
        });
      expect(error.message).toContain('Phòng Giáo dục (u-gd): B');
      expect(error.message).toContain('Phòng Y tế (u-yt): A, B');
    });

    it('refuses finalizing without criteria', () => {
      spec.given([]).when(finalize()).thenThrows('CLUSTER_CRITERIA_NOT_SET');
    });

    it('refuses finalizing twice', () => {
      spec
        .given([simpleCriteriaSet, ...allScored, finalizedEvent()])
        .when(finalize())
        .thenThrows('CLUSTER_YEAR_FINALIZED');
    });

    it('after finalization the state holds the ranking; other years stay open', () => {
      const state = fold(clusterYearDecider, [simpleCriteriaSet, ...allScored, finalizedEvent()]);
      expect(state).toMatchObject({ status: 'FINALIZED', ranking: [{ unitId: 'u-tc', rank: 1 }, {}, {}, {}] });
      spec
        .given([]) // the 2024 stream
        .when(setCriteria(CRITERIA_INPUT, 2024))
        .events();
    });

    it('uses the assessed score even when a self-score is recorded later', () => {
      const events = [...allScored, scored('u-yt', 'A', 60, ScoreKind.SELF), scored('u-yt', 'B', 40, ScoreKind.SELF)];
      const [event] = spec
        .given([simpleCriteriaSet, ...events])
        .when(finalize())
        .events();
      const yt = (event as ClusterRankingFinalized).data.rows.find((r) => r.unitId === 'u-yt')!;
      expect(yt).toMatchObject({ rank: 4, totalPoints: 60 });
    });

    it('uses a later assessed score as the correction of an earlier one', () => {
      const events = [...allScored, scored('u-yt', 'A', 60), scored('u-yt', 'B', 40)];
      const [event] = spec
        .given([simpleCriteriaSet, ...events])
        .when(finalize())
        .events();
      expect((event as ClusterRankingFinalized).data.rows[0]).toMatchObject({
        unitId: 'u-yt',
        totalPoints: 100,
        proposedForFlag: true,
      });
    });
  });
});
