import { memoClaimDecider, memoClaimId, type ClaimForMemo } from '../../src/memoClaims/memoClaim.decider';
import type { MemoClaimEvent } from '../../src/memoClaims/memoClaim.events';
import { deciderSpec, frozenDecider } from '../support/deciderSpec';

const spec = deciderSpec(frozenDecider(memoClaimDecider));
const key = { unitId: 'huyen', dossierId: 'hs-1' };
const claim = (proposalId: string): ClaimForMemo => ({
  type: 'ClaimForMemo',
  data: { ...key, proposalId, number: `${proposalId}/TTr` },
});
const claimed = (proposalId: string): MemoClaimEvent => ({
  type: 'MemoClaimedDossier',
  data: { ...key, proposalId, number: `${proposalId}/TTr` },
});
const found = (proposalId: string, by: string): MemoClaimEvent => ({
  type: 'SecondMemoFound',
  data: { ...key, proposalId, number: `${proposalId}/TTr`, carriedBy: { proposalId: by, number: `${by}/TTr` } },
});
const release = (proposalId: string) => ({ type: 'ReleaseForMemo' as const, data: { ...key, proposalId } });
const released = (proposalId: string): MemoClaimEvent => ({ type: 'MemoClaimReleased', data: { ...key, proposalId } });

describe("a unit's claim on a dossier for one memo", () => {
  it('is named by the unit and the dossier', () => {
    expect(memoClaimId(key)).toBe('huyen:hs-1');
  });

  it('goes to the first memo, and again to a memo once the carrying one is released', () => {
    spec
      .given([])
      .when(claim('tt-1'))
      .then([claimed('tt-1')]);
    spec
      .given([claimed('tt-1'), released('tt-1')])
      .when(claim('tt-2'))
      .then([claimed('tt-2')]);
  });

  it('records a later memo listing the dossier once, and nothing for the carrying memo again', () => {
    spec
      .given([claimed('tt-1')])
      .when(claim('tt-2'))
      .then([found('tt-2', 'tt-1')]);
    spec
      .given([claimed('tt-1'), found('tt-2', 'tt-1')])
      .when(claim('tt-2'))
      .then([]);
    spec
      .given([claimed('tt-1')])
      .when(claim('tt-1'))
      .then([]);
  });

  it('is released only by the memo carrying it', () => {
    spec
      .given([claimed('tt-1')])
      .when(release('tt-1'))
      .then([released('tt-1')]);
    spec
      .given([claimed('tt-1'), found('tt-2', 'tt-1')])
      .when(release('tt-2'))
      .then([]);
    spec.given([]).when(release('tt-1')).then([]);
    expect(
      spec
        .given([claimed('tt-1'), found('tt-2', 'tt-1')])
        .when(release('tt-1'))
        .stateAfter(),
    ).toEqual({
      status: 'FREE',
      found: ['tt-2'],
    });
  });
});
