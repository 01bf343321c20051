import type { DomainEvent } from '../shared/decider';

/** A submitted memo (tờ trình) of a unit, named as its number reads. */
export interface ClaimingMemo {
  proposalId: string;
  number: string;
}

/** Which unit's proposal of which dossier the stream holds. */
export interface MemoClaimKey {
  unitId: string;
  dossierId: string;
}

/** The unit's first submitted memo listing the dossier: it carries the dossier for the unit. */
export interface MemoClaimedDossier extends DomainEvent<'MemoClaimedDossier', MemoClaimKey & ClaimingMemo> {}

/** Another submitted memo of the unit listed the dossier while the first carried it. */
export interface SecondMemoFound extends DomainEvent<
  'SecondMemoFound',
  MemoClaimKey & ClaimingMemo & { carriedBy: ClaimingMemo }
> {}

/** The carrying memo was sent back: the unit may propose the dossier in another memo. */
export interface MemoClaimReleased extends DomainEvent<'MemoClaimReleased', MemoClaimKey & { proposalId: string }> {}

export type MemoClaimEvent = MemoClaimedDossier | SecondMemoFound | MemoClaimReleased;

export const MEMO_CLAIM_EVENT_TYPES: readonly MemoClaimEvent['type'][] = [
  'MemoClaimedDossier',
  'SecondMemoFound',
  'MemoClaimReleased',
];
