import { proposalDecider, type DraftProposal, type ListedDossier } from '../../src/proposals/proposal.decider';
import type { ProposalDrafted, ProposalSentBack, ProposalSubmitted } from '../../src/proposals/proposal.events';
import { DossierStatus } from '../../src/shared/domain';
import { InvalidInput, NotFound } from '../../src/shared/errors';
import { deciderSpec, frozenDecider } from '../support/deciderSpec';

const spec = deciderSpec(frozenDecider(proposalDecider));
const NOW = '2025-11-20T03:00:00.000Z';

const listed = (dossierId: string, extra: Partial<ListedDossier> = {}): ListedDossier => ({
  dossierId,
  status: DossierStatus.SUBMITTED,
  proposingUnitId: 'truong',
  inUnitSubtree: true,
  carriedBy: null,
  ...extra,
});
const draft = (dossiers: ListedDossier[], proposedOn = '2025-11-18'): DraftProposal => ({
  type: 'DraftProposal',
  data: {
    proposalId: 'tt-1',
    unit: { id: 'huyen', name: 'UBND huyện Duy Xuyên' },
    number: '45/TTr-UBND',
    proposedOn,
    dossiers,
    now: NOW,
  },
});
const context = {
  proposalId: 'tt-1',
  unitId: 'huyen',
  number: '45/TTr-UBND',
  proposedOn: '2025-11-18',
  dossierIds: ['hs-1', 'hs-2'],
};
const drafted: ProposalDrafted = {
  type: 'ProposalDrafted',
  data: { ...context, unitName: 'UBND huyện Duy Xuyên', draftedAt: NOW },
};
const submitted: ProposalSubmitted = { type: 'ProposalSubmitted', data: { ...context, submittedAt: NOW } };
const submit = { type: 'SubmitProposal' as const, data: { proposalId: 'tt-1', carriedElsewhere: [], now: NOW } };

describe('proposal memos (tờ trình)', () => {
  it('drafts one memo carrying many nominees, with its number and date', () => {
    spec
      .given([])
      .when(draft([listed('hs-1'), listed('hs-2', { status: DossierStatus.APPROVED })]))
      .then([drafted]);
  });

  it('submits a draft once', () => {
    spec.given([drafted]).when(submit).then([submitted]);
    spec.given([drafted, submitted]).when(submit).thenThrows('PROPOSAL_ALREADY_SUBMITTED');
    spec.given([]).when(submit).thenThrows(NotFound, { entity: 'Proposal', id: 'tt-1' });
  });

  it("refuses a dossier another of the unit's submitted memos carries, when drafted and when submitted", () => {
    const other = { proposalId: 'tt-0', number: '40/TTr-UBND' };
    spec
      .given([])
      .when(draft([listed('hs-1'), listed('hs-2', { carriedBy: other })]))
      .thenThrows('DOSSIER_ALREADY_PROPOSED', { dossierId: 'hs-2', proposalId: 'tt-0', number: '40/TTr-UBND' });
    spec
      .given([drafted])
      .when({ ...submit, data: { ...submit.data, carriedElsewhere: [{ dossierId: 'hs-1', ...other }] } })
      .thenThrows('DOSSIER_ALREADY_PROPOSED', { dossierId: 'hs-1', proposalId: 'tt-0' });
  });

  it('refuses a dossier proposed outside the unit and one no longer on its way', () => {
    spec
      .given([])
      .when(draft([listed('hs-1'), listed('hs-so', { proposingUnitId: 'so-giao-duc', inUnitSubtree: false })]))
      .thenThrows('DOSSIER_OUTSIDE_UNIT', { dossierId: 'hs-so' });
    spec
      .given([])
      .when(draft([listed('hs-1', { status: DossierStatus.WITHDRAWN })]))
      .thenThrows('DOSSIER_NOT_PROPOSABLE', { status: 'WITHDRAWN' });
  });

  it('refuses an empty list, a dossier listed twice, a future date and a second draft', () => {
    spec.given([]).when(draft([])).thenThrows(InvalidInput, { field: 'dossierIds' });
    spec
      .given([])
      .when(draft([listed('hs-1'), listed('hs-1')]))
      .thenThrows(InvalidInput, { field: 'dossierIds' });
    spec
      .given([])
      .when(draft([listed('hs-1')], '2025-11-30'))
      .thenThrows(InvalidInput, { field: 'proposedOn' });
    spec
      .given([drafted])
      .when(draft([listed('hs-1')]))
      .thenThrows('PROPOSAL_ALREADY_EXISTS');
  });

  it('sends a submitted memo back once, when an earlier memo of its unit carries one of its dossiers', () => {
    const carriedBy = { proposalId: 'tt-0', number: '40/TTr-UBND' };
    const sendBack = {
      type: 'SendBackProposal' as const,
      data: { proposalId: 'tt-1', dossierId: 'hs-2', carriedBy, now: NOW },
    };
    const sentBack: ProposalSentBack = {
      type: 'ProposalSentBack',
      data: { ...context, dossierId: 'hs-2', carriedBy, sentBackAt: NOW },
    };
    spec.given([drafted, submitted]).when(sendBack).then([sentBack]);
    // A second dossier found carried elsewhere, or a memo not submitted: nothing to send back.
    spec.given([drafted, submitted, sentBack]).when(sendBack).then([]);
    spec.given([drafted]).when(sendBack).then([]);
    spec.given([drafted, submitted, sentBack]).when(submit).thenThrows('PROPOSAL_SENT_BACK', { proposalId: 'tt-1' });
  });
});
