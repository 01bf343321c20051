import { assertNever, type Decider } from '../shared/decider';
import { DossierStatus, addDays, type IsoDate, type IsoInstant } from '../shared/domain';
import { InvalidInput, NotFound, RuleViolation } from '../shared/errors';
import { dateOfInstant, requireIsoInstant } from '../rules/values';
import { requireDistinctIds, requireIsoDate, requireText } from '../shared/validation';
import type { CarryingMemo, ProposalContext, ProposalEvent } from './proposal.events';

export const PROPOSAL_STREAM_TYPE = 'proposal';

export interface ProposalMemo extends ProposalContext {
  status: 'DRAFT' | 'SUBMITTED' | 'SENT_BACK';
}

export type ProposalState = { status: 'NONE' } | ProposalMemo;

/** A dossier the memo lists, as the handler found it. */
export interface ListedDossier {
  dossierId: string;
  status: DossierStatus;
  proposingUnitId: string;
  /** Whether the proposing unit is the memo's unit or lies below it. */
  inUnitSubtree: boolean;
  /** The unit's submitted memo that already carries the dossier, if any. */
  carriedBy: CarryingMemo | null;
}

export interface DraftProposal {
  type: 'DraftProposal';
  data: {
    proposalId: string;
    unit: { id: string; name: string };
    number: string;
    proposedOn: IsoDate;
    dossiers: ListedDossier[];
    now: IsoInstant;
  };
}

export interface SubmitProposal {
  type: 'SubmitProposal';
  data: {
    proposalId: string;
    /** Looked up by the handler: the memo's dossiers another submitted memo of its unit carries meanwhile. */
    carriedElsewhere: ReadonlyArray<{ dossierId: string } & CarryingMemo>;
    now: IsoInstant;
  };
}

/** Sends a submitted memo back: an earlier submitted memo of its unit carries `dossierId`. */
export interface SendBackProposal {
  type: 'SendBackProposal';
  data: {
    proposalId: string;
    dossierId: string;
    carriedBy: CarryingMemo;
    now: IsoInstant;
  };
}

export type ProposalCommand = DraftProposal | SubmitProposal | SendBackProposal;

function evolveProposal(state: ProposalState, event: ProposalEvent): ProposalState {
  switch (event.type) {
    case 'ProposalDrafted': {
      const { proposalId, unitId, number, proposedOn, dossierIds } = event.data;
      return { status: 'DRAFT', proposalId, unitId, number, proposedOn, dossierIds };
    }
    case 'ProposalSubmitted':
      return state.status === 'NONE' ? state : { ...state, status: 'SUBMITTED' };
    case 'ProposalSentBack':
      return state.status === 'NONE' ? state : { ...state, status: 'SENT_BACK' };
    default:
      return assertNever(event, 'proposal event');
  }
}

/** A memo proposes dossiers still on their way: not withdrawn, refused or decided. */
const NOT_PROPOSABLE: readonly DossierStatus[] = [
  DossierStatus.WITHDRAWN,
  DossierStatus.INELIGIBLE,
  DossierStatus.REJECTED,
  DossierStatus.GRANTED,
];

function requireListable(dossiers: readonly ListedDossier[], unitId: string): void {
  if (dossiers.length === 0) throw new InvalidInput('a proposal memo lists at least one dossier', 'dossierIds');
  requireDistinctIds(
    dossiers.map((d) => d.dossierId),
    'dossierIds',
  );
  const outside = dossiers.find((d) => !d.inUnitSubtree);
  if (outside !== undefined) {
    throw new RuleViolation(
      'DOSSIER_OUTSIDE_UNIT',
      `dossier ${outside.dossierId} was proposed by unit ${outside.proposingUnitId}, not by ${unitId} or a unit below it`,
      { dossierId: outside.dossierId, proposingUnitId: outside.proposingUnitId },
    );
  }
  const closed = dossiers.find((d) => NOT_PROPOSABLE.includes(d.status));
  if (closed !== undefined) {
    throw new RuleViolation(
      'DOSSIER_NOT_PROPOSABLE',
      `dossier ${closed.dossierId} is ${closed.status}: a memo proposes dossiers still on their way`,
      { dossierId: closed.dossierId, status: closed.status },
    );
  }
}

/**
 * A unit proposes a dossier in one memo: a second would put the nominee before the next
 * level twice. Each level a dossier is forwarded through writes its own memo, so the
 * rule is per unit. Held against the dossiers read model (submitted memos); of two
 * memos submitted at the same moment, the later in the log is sent back
 * (src/memoClaims/, src/processManagers/memoClaims.ts).
 */
function requireNotCarried(carried: ReadonlyArray<{ dossierId: string } & CarryingMemo>, unitId: string): void {
  const first = carried[0];
  if (first === undefined) return;
  throw new RuleViolation(
    'DOSSIER_ALREADY_PROPOSED',
    `dossier ${first.dossierId} is already carried by memo ${first.number} of unit ${unitId}`,
    { dossierId: first.dossierId, proposalId: first.proposalId, number: first.number },
  );
}

function draft(data: DraftProposal['data'], state: ProposalState): ProposalEvent[] {
  const { proposalId, unit, number, proposedOn, dossiers, now } = data;
  if (state.status !== 'NONE') {
    throw new RuleViolation('PROPOSAL_ALREADY_EXISTS', `proposal memo ${proposalId} already exists`, { proposalId });
  }
  requireText(proposalId, 'proposalId');
  requireText(unit.id, 'unitId');
  requireText(unit.name, 'unitName');
  requireText(number, 'number');
  requireIsoDate(proposedOn, 'proposedOn');
  requireIsoInstant(now, 'now');
  // One day of slack: the unit's calendar (UTC+7) may be a day ahead of UTC.
  if (proposedOn > addDays(dateOfInstant(now), 1)) {
    throw new InvalidInput(`proposedOn ${proposedOn} lies in the future`, 'proposedOn');
  }
  requireListable(dossiers, unit.id);
  requireNotCarried(
    dossiers.flatMap((d) => (d.carriedBy === null ? [] : [{ dossierId: d.dossierId, ...d.carriedBy }])),
    unit.id,
  );
  return [
    {
      type: 'ProposalDrafted',
      data: {
        proposalId,
        unitId: unit.id,
        unitName: unit.name,
        number,
        proposedOn,
        dossierIds: dossiers.map((d) => d.dossierId),
        draftedAt: now,
      },
    },
  ];
}

function submit(data: SubmitProposal['data'], state: ProposalState): ProposalEvent[] {
  requireIsoInstant(data.now, 'now');
  if (state.status === 'NONE') throw new NotFound('Proposal', data.proposalId);
  if (state.status === 'SUBMITTED') {
    throw new RuleViolation('PROPOSAL_ALREADY_SUBMITTED', `proposal memo ${state.number} was already submitted`, {
      proposalId: state.proposalId,
    });
  }
  if (state.status === 'SENT_BACK') {
    throw new RuleViolation(
      'PROPOSAL_SENT_BACK',
      `proposal memo ${state.number} was sent back; the unit proposes its dossiers in a new memo`,
      { proposalId: state.proposalId },
    );
  }
  const { proposalId, unitId, number, proposedOn, dossierIds } = state;
  requireNotCarried(data.carriedElsewhere, unitId);
  return [
    { type: 'ProposalSubmitted', data: { proposalId, unitId, number, proposedOn, dossierIds, submittedAt: data.now } },
  ];
}

/** Only a submitted memo is sent back, once: a second dossier found carried elsewhere adds nothing. */
function sendBack(data: SendBackProposal['data'], state: ProposalState): ProposalEvent[] {
  requireIsoInstant(data.now, 'now');
  if (state.status !== 'SUBMITTED') return [];
  const { proposalId, unitId, number, proposedOn, dossierIds } = state;
  return [
    {
      type: 'ProposalSentBack',
      data: {
        proposalId,
        unitId,
        number,
        proposedOn,
        dossierIds,
        dossierId: data.dossierId,
        carriedBy: { proposalId: data.carriedBy.proposalId, number: data.carriedBy.number },
        sentBackAt: data.now,
      },
    },
  ];
}

function decideProposal(command: ProposalCommand, state: ProposalState): ProposalEvent[] {
  switch (command.type) {
    case 'DraftProposal':
      return draft(command.data, state);
    case 'SubmitProposal':
      return submit(command.data, state);
    case 'SendBackProposal':
      return sendBack(command.data, state);
    default:
      return assertNever(command, 'proposal command');
  }
}

export const proposalDecider: Decider<ProposalCommand, ProposalEvent, ProposalState> = {
  streamType: PROPOSAL_STREAM_TYPE,
  initialState: () => ({ status: 'NONE' }),
  evolve: evolveProposal,
  decide: decideProposal,
};
