import type { DemoCall } from './demoClient';
import { signCommunesCovenant } from './demoReorganisation';
import { CLUSTER_CRITERIA, CLUSTER_ID, CLUSTER_SCORES, DEMO_ACTORS, DEMO_YEAR, unitOfficer } from './demoData';

/**
 * The communes' bloc: formed, led, its covenant signed by each commune, given its criteria,
 * self-scored by each commune, assessed by the district, and its ranking finalized.
 */
export async function scoreCommunesCluster(call: DemoCall): Promise<void> {
  await call('formCluster', {
    input: {
      id: CLUSTER_ID,
      name: 'Khối thi đua các xã',
      kind: 'BLOC',
      organizerUnitId: 'huyen-bach-thong',
      memberUnitIds: Object.keys(CLUSTER_SCORES),
    },
  });
  await call('assignClusterLeadership', {
    clusterId: CLUSTER_ID,
    year: DEMO_YEAR,
    leaderUnitId: 'xa-quan-ha',
    deputyUnitId: 'xa-cam-giang',
  });
  await signCommunesCovenant(call);
  await call('setClusterCriteria', { input: { clusterId: CLUSTER_ID, year: DEMO_YEAR, criteria: CLUSTER_CRITERIA } });
  for (const kind of ['SELF', 'ASSESSED'] as const) {
    for (const [unitId, scores] of Object.entries(CLUSTER_SCORES)) {
      for (const [i, criterion] of CLUSTER_CRITERIA.entries()) {
        const points = kind === 'SELF' ? scores.self[i] : scores.assessed[i];
        const scorer = kind === 'SELF' ? unitOfficer(unitId) : DEMO_ACTORS.districtSecretariat;
        await call(
          'recordClusterScore',
          {
            input: {
              clusterId: CLUSTER_ID,
              year: DEMO_YEAR,
              unitId,
              criterionCode: criterion.code,
              points,
              kind,
              note: null,
            },
          },
          scorer,
        );
      }
    }
  }
  await call('finalizeClusterRanking', { clusterId: CLUSTER_ID, year: DEMO_YEAR });
}
