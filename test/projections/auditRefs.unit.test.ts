import { auditRefs, type RefLookups } from '../../projections/auditTrail/auditRefs';

const NO_LOOKUPS: RefLookups = { complaintTargets: () => undefined, dossierOfAward: () => undefined };

describe('audit refs of a cluster year stream', () => {
  it("files a score under the scored unit's history", () => {
    const refs = auditRefs(
      {
        type: 'ClusterScoreRecorded',
        streamId: 'cluster_year-khoi-1:2024',
        data: { clusterId: 'khoi-1', year: 2024, unitId: 'truong-a', points: 80 },
      },
      NO_LOOKUPS,
    );
    expect(refs).toEqual([{ kind: 'subject', id: 'COLLECTIVE:truong-a' }]);
  });

  it("files a finalized ranking under every ranked unit's history", () => {
    const refs = auditRefs(
      {
        type: 'ClusterRankingFinalized',
        streamId: 'cluster_year-khoi-1:2024',
        data: { clusterId: 'khoi-1', year: 2024, rows: [{ unitId: 'truong-b' }, { unitId: 'truong-a' }] },
      },
      NO_LOOKUPS,
    );
    expect(refs).toEqual([
      { kind: 'subject', id: 'COLLECTIVE:truong-b' },
      { kind: 'subject', id: 'COLLECTIVE:truong-a' },
    ]);
  });

  it("files a cluster's formation under no unit", () => {
    const formed = { clusterId: 'khoi-1', members: [{ unitId: 'truong-a', unitName: 'Trường A' }] };
    expect(auditRefs({ type: 'ClusterFormed', streamId: 'cluster-khoi-1', data: formed }, NO_LOOKUPS)).toEqual([]);
  });
});
