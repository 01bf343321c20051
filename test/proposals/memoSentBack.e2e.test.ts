import { proposalDecider } from '../../src/proposals/proposal.decider';
import type { TestApp } from '../support/app';
import type { Actor } from '../support/auth';
import {
  DRAFT_PROPOSAL,
  ORG,
  SECRETARIAT,
  SUBMIT_PROPOSAL,
  TEST_NOW,
  expectRefused,
  mutate,
  startOrganisationApp,
  submitDossier,
  year,
} from '../support/awarding';
import { commandContext } from '../support/commandContext';
import { streamEvents } from '../support/streams';
import { caughtUp, until } from '../support/until';

const PROPOSAL_OF = `query($id: ID!) { dossier(id: $id) { proposal { id number } } }`;
const PROPOSALS = `query($unitId: ID!, $year: Int!) { proposals(unitId: $unitId, year: $year) {
  id number status dossierIds submittedAt sentBack { dossierId carriedBy { id number } } } }`;
const TRAIL = `query($dossierId: ID!) { auditTrail(filter: { dossierId: $dossierId }) { entries { streamId type } } }`;

const officer: Actor = { sub: 'officer-huyen', role: 'UNIT_OFFICER', unitId: ORG.district };
const memo = (id: string, dossierIds: string[]) => ({
  id,
  unitId: ORG.district,
  number: `${id.slice(3)}/TTr-UBND`,
  proposedOn: '2025-11-19',
  dossierIds,
});

/**
 * Two memos of the district listing the same dossier, submitted at the same moment: each
 * submission checked the dossiers read model before the other was in it. The later in
 * the log is sent back, its other dossier freed for a corrected memo.
 */
describe('a unit proposes a dossier in one memo, also when two are submitted at once', () => {
  let t: TestApp;

  /** The submission an instance decides while its read model has not yet seen the other memo. */
  const submitUnseeing = (proposalId: string) =>
    t.app.services.commands.on(proposalDecider, proposalId).decide(
      commandContext({
        identity: { actorId: officer.sub, role: 'UNIT_OFFICER', unitId: ORG.district },
        now: () => TEST_NOW,
      }),
      'submitProposal',
      { proposalId },
      (tx) => ({ type: 'SubmitProposal', data: { proposalId, carriedElsewhere: [], now: tx.nowIso } }),
    );

  const proposalOf = async (dossierId: string) =>
    (await t.graphql(PROPOSAL_OF, { id: dossierId }, SECRETARIAT)).body.data.dossier.proposal;

  beforeAll(async () => {
    t = await startOrganisationApp();
    for (const id of ['hs-chung', 'hs-rieng'])
      await submitDossier(t, {
        id,
        proposingUnitId: ORG.district,
        nominee: { kind: 'COLLECTIVE', id: ORG.school },
        award: 'PROVINCIAL_CERTIFICATE_OF_MERIT',
        period: year(2024),
        submittedOn: '2024-12-02',
      });
    await mutate(t, DRAFT_PROPOSAL, { input: memo('tt-50', ['hs-chung']) }, officer);
    await mutate(t, DRAFT_PROPOSAL, { input: memo('tt-51', ['hs-chung', 'hs-rieng']) }, officer);
  }, 60_000);
  afterAll(async () => t.stop());

  it('keeps the first memo in the log and sends the later back, freeing what only it carried', async () => {
    await mutate(t, SUBMIT_PROPOSAL, { proposalId: 'tt-50' }, officer);
    await submitUnseeing('tt-51');
    await until('tt-51 is sent back', async () =>
      (await streamEvents(t, 'proposal-tt-51')).some((e) => e.type === 'ProposalSentBack'),
    );
    const sentBack = (await streamEvents(t, 'proposal-tt-51')).map((e) => e.type);
    expect(sentBack).toEqual(['ProposalDrafted', 'ProposalSubmitted', 'ProposalSentBack']);
    expect((await streamEvents(t, 'proposal-tt-51')).at(-1)!.data).toMatchObject({
      dossierId: 'hs-chung',
      carriedBy: { proposalId: 'tt-50', number: '50/TTr-UBND' },
    });
    await until('the claim of hs-rieng is released', async () =>
      (await streamEvents(t, `memo_claim-${ORG.district}:hs-rieng`)).some((e) => e.type === 'MemoClaimReleased'),
    );
    expect((await streamEvents(t, `memo_claim-${ORG.district}:hs-chung`)).map((e) => e.type)).toEqual([
      'MemoClaimedDossier',
      'SecondMemoFound',
    ]);
    const last = (await streamEvents(t, `memo_claim-${ORG.district}:hs-rieng`)).at(-1)!;
    await caughtUp(t, last.position);
    expect(await proposalOf('hs-chung')).toEqual({ id: 'tt-50', number: '50/TTr-UBND' });
    expect(await proposalOf('hs-rieng')).toBeNull();
  });

  it('refuses the memo sent back, and carries a corrected one', async () => {
    await expectRefused(
      t,
      ['proposal-tt-51'],
      SUBMIT_PROPOSAL,
      { proposalId: 'tt-51' },
      { code: 'RULE_VIOLATION', rule: 'PROPOSAL_SENT_BACK' },
      officer,
    );
    await mutate(t, DRAFT_PROPOSAL, { input: memo('tt-52', ['hs-rieng']) }, officer);
    const submitted = await mutate(t, SUBMIT_PROPOSAL, { proposalId: 'tt-52' }, officer);
    await caughtUp(t, submitted.position);
    await until(
      'tt-52 claims hs-rieng',
      async () => (await streamEvents(t, `memo_claim-${ORG.district}:hs-rieng`)).length === 3,
    );
    expect((await streamEvents(t, `memo_claim-${ORG.district}:hs-rieng`)).map((e) => e.type)).toEqual([
      'MemoClaimedDossier',
      'MemoClaimReleased',
      'MemoClaimedDossier',
    ]);
    expect(await proposalOf('hs-rieng')).toEqual({ id: 'tt-52', number: '52/TTr-UBND' });
    expect((await streamEvents(t, 'proposal-tt-52')).map((e) => e.type)).toEqual([
      'ProposalDrafted',
      'ProposalSubmitted',
    ]);
  });

  it("shows the memos and their claims in the dossier's audit trail", async () => {
    const { body } = await t.graphql(TRAIL, { dossierId: 'hs-chung' }, SECRETARIAT);
    const entries = body.data.auditTrail.entries.map(
      (e: { streamId: string; type: string }) => `${e.streamId} ${e.type}`,
    );
    expect(entries).toEqual(
      expect.arrayContaining([
        'proposal-tt-50 ProposalSubmitted',
        'proposal-tt-51 ProposalSentBack',
        `memo_claim-${ORG.district}:hs-chung SecondMemoFound`,
      ]),
    );
  });

  it("lists the unit's memos of the year with their status, to its officers and the readers", async () => {
    const { body } = await t.graphql(PROPOSALS, { unitId: ORG.district, year: 2025 }, officer);
    expect(body.data.proposals.map((p: { id: string; status: string }) => [p.id, p.status])).toEqual([
      ['tt-52', 'SUBMITTED'],
      ['tt-51', 'SENT_BACK'],
      ['tt-50', 'SUBMITTED'],
    ]);
    expect(body.data.proposals[1]).toMatchObject({
      dossierIds: ['hs-chung', 'hs-rieng'],
      sentBack: { dossierId: 'hs-chung', carriedBy: { id: 'tt-50', number: '50/TTr-UBND' } },
    });
    expect(body.data.proposals[0].sentBack).toBeNull();
    expect((await t.graphql(PROPOSALS, { unitId: ORG.district, year: 2024 }, SECRETARIAT)).body.data.proposals).toEqual(
      [],
    );
    const school: Actor = { sub: 'officer-truong', role: 'UNIT_OFFICER', unitId: ORG.school };
    const refused = await t.graphql(PROPOSALS, { unitId: ORG.district, year: 2025 }, school);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
