import type { DomainEvent } from '../shared/decider';
import type { IsoDate, IsoInstant } from '../shared/domain';

/** What both proposal events repeat, so a read model can use either on its own. */
export interface ProposalContext {
  proposalId: string;
  /** The unit whose memo it is: its nominees are of this unit or units below it. */
  unitId: string;
  /** The memo's number (số tờ trình), e.g. "45/TTr-UBND". */
  number: string;
  /** The memo's date. */
  proposedOn: IsoDate;
  /** The dossiers of the nominees it proposes, in the memo's order. */
  dossierIds: string[];
}

/** A submitted memo of a unit, named by its id and number: the one that carries a dossier for the unit. */
export interface CarryingMemo {
  proposalId: string;
  number: string;
}

/** A unit drafted a proposal memo (tờ trình) listing the dossiers of its nominees. */
export interface ProposalDrafted extends DomainEvent<
  'ProposalDrafted',
  ProposalContext & { unitName: string; draftedAt: IsoInstant }
> {}

/** The unit submitted the memo to the standing agency: from now on it carries its dossiers. */
export interface ProposalSubmitted extends DomainEvent<
  'ProposalSubmitted',
  ProposalContext & { submittedAt: IsoInstant }
> {}

/**
 * The memo was sent back to its unit: it listed a dossier that an earlier submitted memo
 * of the unit carries (`dossierId`, `carriedBy`). It carries none of its dossiers any
 * more; the unit proposes them again in a corrected memo.
 */
export interface ProposalSentBack extends DomainEvent<
  'ProposalSentBack',
  ProposalContext & { dossierId: string; carriedBy: CarryingMemo; sentBackAt: IsoInstant }
> {}

export type ProposalEvent = ProposalDrafted | ProposalSubmitted | ProposalSentBack;

export const PROPOSAL_EVENT_TYPES: readonly ProposalEvent['type'][] = [
  'ProposalDrafted',
  'ProposalSubmitted',
  'ProposalSentBack',
];
