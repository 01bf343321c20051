import { auditRefs, type RefLookups } from '../../projections/auditTrail/auditRefs';

const NO_LOOKUPS: RefLookups = { complaintTargets: () => undefined, dossierOfAward: () => undefined };

describe('audit refs of cluster streams', () => {
  it("files a score under its cluster's history and the scored unit's", () => {
    const refs = auditRefs(
      {
        type: 'ClusterScoreRecorded',
        streamId: 'cluster_year-khoi-1:2024',
        data: { clusterId: 'khoi-1', year: 2024, unitId: 'truong-a', points: 80 },
      },
      NO_LOOKUPS,
    );
    expect(refs).toEqual([
      { kind: 'cluster', id: 'khoi-1' },
      { kind: 'subject', id: 'COLLECTIVE:truong-a' },
    ]);
  });

  it("files a finalized ranking under its cluster's history and every ranked unit's", () => {
    const refs = auditRefs(
      {
        type: 'ClusterRankingFinalized',
        streamId: 'cluster_year-khoi-1:2024',
        data: { clusterId: 'khoi-1', year: 2024, rows: [{ unitId: 'truong-b' }, { unitId: 'truong-a' }] },
      },
      NO_LOOKUPS,
    );
    expect(refs).toEqual([
      { kind: 'cluster', id: 'khoi-1' },
      { kind: 'subject', id: 'COLLECTIVE:truong-b' },
      { kind: 'subject', id: 'COLLECTIVE:truong-a' },
    ]);
  });

  it("files a cluster's formation under its own history, not its members'", () => {
    const formed = { clusterId: 'khoi-1', members: [{ unitId: 'truong-a', unitName: 'Trường A' }] };
    expect(auditRefs({ type: 'ClusterFormed', streamId: 'cluster-khoi-1', data: formed }, NO_LOOKUPS)).toEqual([
      { kind: 'cluster', id: 'khoi-1' },
    ]);
  });
});
