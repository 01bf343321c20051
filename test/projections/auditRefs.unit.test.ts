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

describe('audit refs of proposal memos and their claims', () => {
  it('files a memo under each dossier it lists, and a claim under its dossier', () => {
    const memo = { proposalId: 'tt-2', unitId: 'huyen', number: '2/TTr', proposedOn: '2025-11-19' };
    expect(
      auditRefs(
        { type: 'ProposalSubmitted', streamId: 'proposal-tt-2', data: { ...memo, dossierIds: ['hs-1', 'hs-2'] } },
        NO_LOOKUPS,
      ),
    ).toEqual([
      { kind: 'dossier', id: 'hs-1' },
      { kind: 'dossier', id: 'hs-2' },
    ]);
    expect(
      auditRefs(
        {
          type: 'SecondMemoFound',
          streamId: 'memo_claim-huyen:hs-1',
          data: { ...memo, dossierId: 'hs-1', carriedBy: { proposalId: 'tt-1', number: '1/TTr' } },
        },
        NO_LOOKUPS,
      ),
    ).toEqual([{ kind: 'dossier', id: 'hs-1' }]);
  });
});
