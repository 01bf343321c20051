import { assertNever, type Decider } from '../shared/decider';
import type { CarryingMemo } from '../proposals/proposal.events';
import type { MemoClaimEvent, MemoClaimKey } from './memoClaim.events';

export const MEMO_CLAIM_STREAM_TYPE = 'memo_claim';

/** The stream of a unit's proposal of a dossier: one per unit and dossier. */
export function memoClaimId({ unitId, dossierId }: MemoClaimKey): string {
  return `${unitId}:${dossierId}`;
}

/**
 * Whether a memo of the unit carries the dossier, and which later memos were found
 * listing it too (each is sent back once).
 */
export type MemoClaimState =
  | { status: 'NONE' }
  | { status: 'FREE'; found: string[] }
  | { status: 'CARRIED'; carriedBy: CarryingMemo; found: string[] };

/** A submitted memo of the unit lists the dossier. */
export interface ClaimForMemo {
  type: 'ClaimForMemo';
  data: MemoClaimKey & CarryingMemo;
}

/** The memo was sent back: it no longer carries the dossier. */
export interface ReleaseForMemo {
  type: 'ReleaseForMemo';
  data: MemoClaimKey & { proposalId: string };
}

export type MemoClaimCommand = ClaimForMemo | ReleaseForMemo;

function evolveMemoClaim(state: MemoClaimState, event: MemoClaimEvent): MemoClaimState {
  const found = state.status === 'NONE' ? [] : state.found;
  switch (event.type) {
    case 'MemoClaimedDossier':
      return { status: 'CARRIED', carriedBy: { proposalId: event.data.proposalId, number: event.data.number }, found };
    case 'SecondMemoFound':
      return state.status === 'CARRIED' ? { ...state, found: [...found, event.data.proposalId] } : state;
    case 'MemoClaimReleased':
      return { status: 'FREE', found };
    default:
      return assertNever(event, 'memo claim event');
  }
}

/**
 * A unit proposes a dossier in one memo (the rule `DOSSIER_ALREADY_PROPOSED` of
 * src/proposals/proposal.decider.ts). The memo commands check it against the dossiers
 * read model, which two memos submitted at the same moment both pass; this stream, in
 * log order, keeps the first and records each later one, which is then sent back.
 * Repeats (a process manager carrying a cause again) decide nothing.
 */
function decideMemoClaim(command: MemoClaimCommand, state: MemoClaimState): MemoClaimEvent[] {
  const { unitId, dossierId, proposalId } = command.data;
  switch (command.type) {
    case 'ClaimForMemo': {
      if (state.status !== 'CARRIED')
        return [{ type: 'MemoClaimedDossier', data: { unitId, dossierId, proposalId, number: command.data.number } }];
      if (state.carriedBy.proposalId === proposalId || state.found.includes(proposalId)) return [];
      return [
        {
          type: 'SecondMemoFound',
          data: { unitId, dossierId, proposalId, number: command.data.number, carriedBy: state.carriedBy },
        },
      ];
    }
    case 'ReleaseForMemo':
      return state.status === 'CARRIED' && state.carriedBy.proposalId === proposalId
        ? [{ type: 'MemoClaimReleased', data: { unitId, dossierId, proposalId } }]
        : [];
    default:
      return assertNever(command, 'memo claim command');
  }
}

export const memoClaimDecider: Decider<MemoClaimCommand, MemoClaimEvent, MemoClaimState> = {
  streamType: MEMO_CLAIM_STREAM_TYPE,
  initialState: () => ({ status: 'NONE' }),
  evolve: evolveMemoClaim,
  decide: decideMemoClaim,
};
