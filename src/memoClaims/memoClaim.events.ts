import type { CarryingMemo } from '../proposals/proposal.events';
import type { DomainEvent } from '../shared/decider';

/** Which unit's proposal of which dossier the stream holds. */
export interface MemoClaimKey {
  unitId: string;
  dossierId: string;
}

/** The unit's first submitted memo listing the dossier: it carries the dossier for the unit. */
export interface MemoClaimedDossier extends DomainEvent<'MemoClaimedDossier', MemoClaimKey & CarryingMemo> {}

/** Another submitted memo of the unit listed the dossier while the first carried it. */
export interface SecondMemoFound extends DomainEvent<
  'SecondMemoFound',
  MemoClaimKey & CarryingMemo & { carriedBy: CarryingMemo }
> {}

/** The carrying memo was sent back: the unit may propose the dossier in another memo. */
export interface MemoClaimReleased extends DomainEvent<'MemoClaimReleased', MemoClaimKey & { proposalId: string }> {}

export type MemoClaimEvent = MemoClaimedDossier | SecondMemoFound | MemoClaimReleased;
