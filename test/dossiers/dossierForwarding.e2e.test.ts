import type { TestApp } from '../support/app';
import type { Actor } from '../support/auth';
import {
  APPRAISE,
  CAST,
  CLOSE,
  CONVENE,
  DRAFT_PROPOSAL,
  GRANT,
  MEMBERS,
  ORG,
  RETURN,
  SECRETARIAT,
  SUBMIT_PROPOSAL,
  TODAY,
  expectRefused,
  mutate,
  startOrganisationApp,
  submitDossier,
  year,
} from '../support/awarding';
import { streamEvents } from '../support/streams';
import { caughtUp } from '../support/until';

const RESULT = '{ id position eventTypes }';
const FORWARD = `mutation($dossierId: ID!, $toUnitId: ID!, $forwardedOn: Date) {
  forwardDossier(dossierId: $dossierId, toUnitId: $toUnitId, forwardedOn: $forwardedOn) ${RESULT} }`;
const RECEIVE = `mutation($dossierId: ID!, $receivedOn: Date!, $receivingUnitId: ID) {
  receiveDossier(dossierId: $dossierId, receivedOn: $receivedOn, receivingUnitId: $receivingUnitId) ${RESULT} }`;
const DOSSIER = `query($id: ID!) { dossier(id: $id) { id status ruleSet handlingUnitId handlingLevel receivedOn
  route { stepNo fromUnitId fromUnitName fromLevel toUnitId toUnitName toLevel forwardedOn supportedInSessionId } } }`;
const QUEUE = `query($filter: DossierFilter) { dossiers(filter: $filter) { edges { node { id } } totalCount } }`;

const DISTRICT_SECRETARIAT: Actor = { sub: 'secretariat-huyen', role: 'SECRETARIAT', unitId: ORG.district };
const collective = (id: string) => ({ kind: 'COLLECTIVE', id });

/**
 * Khen cao through GraphQL: the district proposes the school for the province's Bằng khen
 * under the 2022 rule set (submitted in 2024), its council supports it, its standing agency
 * forwards it to Sở Nội vụ, which receives and appraises it in 2025.
 */
describe('forwarding a supported dossier to the province', () => {
  let t: TestApp;

  /** The district council's session on the dossiers: every member approves. */
  async function districtCouncil(sessionId: string, dossierIds: string[]): Promise<void> {
    await mutate(t, CONVENE, {
      input: { id: sessionId, councilUnitId: ORG.district, heldOn: TODAY, memberIds: MEMBERS, dossierIds },
    });
    for (const dossierId of dossierIds)
      for (const memberId of MEMBERS)
        await mutate(
          t,
          CAST,
          { input: { sessionId, dossierId, memberId, choice: 'APPROVE' } },
          { sub: memberId, role: 'COUNCIL_MEMBER' },
        );
    await caughtUp(t, (await mutate(t, CLOSE, { sessionId })).position);
  }

  const districtDossier = (id: string, award: string) =>
    submitDossier(t, {
      id,
      proposingUnitId: ORG.district,
      nominee: collective(ORG.school),
      award,
      period: year(2024),
      submittedOn: '2024-12-02',
    });

  beforeAll(async () => {
    t = await startOrganisationApp();
    for (const [id, award] of [
      ['hs-bang-khen', 'PROVINCIAL_CERTIFICATE_OF_MERIT'],
      ['hs-giay-khen', 'CERTIFICATE_OF_MERIT'],
      ['hs-chua-xet', 'PROVINCIAL_CERTIFICATE_OF_MERIT'],
    ]) {
      await districtDossier(id, award);
      await mutate(t, RECEIVE, { dossierId: id, receivedOn: '2024-12-03', receivingUnitId: ORG.district });
    }
    await mutate(t, APPRAISE, { dossierId: 'hs-bang-khen' }, DISTRICT_SECRETARIAT);
    await mutate(t, APPRAISE, { dossierId: 'hs-giay-khen' }, DISTRICT_SECRETARIAT);
    await districtCouncil('phien-huyen', ['hs-bang-khen', 'hs-giay-khen']);
  }, 120_000);
  afterAll(async () => t.stop());

  it('refuses a dossier not yet supported, an award within the level, and a unit not above', async () => {
    await expectRefused(
      t,
      ['dossier-hs-chua-xet'],
      FORWARD,
      { dossierId: 'hs-chua-xet', toUnitId: ORG.homeAffairs },
      { code: 'RULE_VIOLATION', rule: 'DOSSIER_NOT_SUPPORTED' },
      DISTRICT_SECRETARIAT,
    );
    await expectRefused(
      t,
      ['dossier-hs-giay-khen'],
      FORWARD,
      { dossierId: 'hs-giay-khen', toUnitId: ORG.homeAffairs },
      { code: 'RULE_VIOLATION', rule: 'WITHIN_LEVEL_AUTHORITY', fromLevel: 'DISTRICT' },
      DISTRICT_SECRETARIAT,
    );
    await expectRefused(
      t,
      ['dossier-hs-bang-khen'],
      FORWARD,
      { dossierId: 'hs-bang-khen', toUnitId: ORG.school },
      { code: 'RULE_VIOLATION', rule: 'FORWARD_NOT_ABOVE' },
      DISTRICT_SECRETARIAT,
    );
    await expectRefused(
      t,
      ['dossier-hs-bang-khen'],
      FORWARD,
      { dossierId: 'hs-bang-khen', toUnitId: 'khong-co' },
      { code: 'NOT_FOUND' },
      DISTRICT_SECRETARIAT,
    );
    await expectRefused(
      t,
      ['dossier-hs-bang-khen'],
      FORWARD,
      { dossierId: 'hs-bang-khen', toUnitId: ORG.homeAffairs },
      { code: 'FORBIDDEN' },
      { sub: 'officer-huyen', role: 'UNIT_OFFICER', unitId: ORG.district },
    );
  });

  it('refuses the province a grant on what only the district council supported: FORWARDING_REQUIRED', async () => {
    const grant = {
      id: 'kt-bang-khen',
      dossierId: 'hs-bang-khen',
      decisionNumber: '15/QĐ-UBND',
      decidedOn: '2024-12-20',
      issuedByUnitId: ORG.province,
      signerName: 'Chủ tịch UBND tỉnh',
    };
    await expectRefused(
      t,
      ['dossier-hs-bang-khen', 'award-kt-bang-khen'],
      GRANT,
      { input: grant },
      { code: 'RULE_VIOLATION', rule: 'FORWARDING_REQUIRED', approvedAtLevel: 'DISTRICT', issuingLevel: 'PROVINCE' },
    );
  });

  it('forwards the supported dossier; the route shows the step and the province handles it', async () => {
    const result = await mutate(
      t,
      FORWARD,
      { dossierId: 'hs-bang-khen', toUnitId: ORG.homeAffairs, forwardedOn: '2025-11-19' },
      DISTRICT_SECRETARIAT,
    );
    expect(result.eventTypes).toEqual(['DossierForwarded']);
    await caughtUp(t, result.position);
    const { body } = await t.graphql(DOSSIER, { id: 'hs-bang-khen' }, SECRETARIAT);
    expect(body.data.dossier).toMatchObject({
      status: 'SUBMITTED',
      handlingUnitId: ORG.homeAffairs,
      receivedOn: null,
      route: [
        {
          stepNo: 1,
          fromUnitId: ORG.district,
          fromLevel: 'DISTRICT',
          toUnitId: ORG.homeAffairs,
          toUnitName: 'Sở Nội vụ tỉnh Quảng Nam',
          toLevel: 'PROVINCE',
          forwardedOn: '2025-11-19',
          supportedInSessionId: 'phien-huyen',
        },
      ],
    });
    const queue = await t.graphql(QUEUE, { filter: { handlingUnitId: ORG.homeAffairs } }, SECRETARIAT);
    expect(queue.body.data.dossiers.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(['hs-bang-khen']);
  });

  it("refuses the lower level's secretariat after forwarding: return, appraisal, reception, agenda (FORBIDDEN)", async () => {
    const streams = ['dossier-hs-bang-khen'];
    const forbidden = { code: 'FORBIDDEN' };
    const as = DISTRICT_SECRETARIAT;
    await expectRefused(t, streams, RETURN, { dossierId: 'hs-bang-khen', reason: 'Bổ sung' }, forbidden, as);
    await expectRefused(t, streams, APPRAISE, { dossierId: 'hs-bang-khen' }, forbidden, as);
    await expectRefused(t, streams, RECEIVE, { dossierId: 'hs-bang-khen', receivedOn: TODAY }, forbidden, as);
    await expectRefused(
      t,
      ['council_session-phien-huyen-2'],
      CONVENE,
      {
        input: {
          id: 'phien-huyen-2',
          councilUnitId: ORG.district,
          heldOn: TODAY,
          memberIds: [],
          dossierIds: ['hs-bang-khen'],
        },
      },
      forbidden,
      as,
    );
  });

  it('is received and appraised at the province under the rule set of its 2024 submission', async () => {
    await mutate(t, RECEIVE, { dossierId: 'hs-bang-khen', receivedOn: TODAY, receivingUnitId: ORG.homeAffairs });
    const appraised = await mutate(t, APPRAISE, { dossierId: 'hs-bang-khen' }, SECRETARIAT);
    await caughtUp(t, appraised.position);
    const events = await streamEvents(t, 'dossier-hs-bang-khen');
    expect(events.at(-2)!.data).toMatchObject({ handlingLevel: 'PROVINCE', ruleSetId: 'tdkt-2022' });
    expect(events.at(-1)!.data).toMatchObject({ eligible: true, ruleSetId: 'tdkt-2022' });
    const { body } = await t.graphql(DOSSIER, { id: 'hs-bang-khen' }, SECRETARIAT);
    expect(body.data.dossier).toMatchObject({ status: 'ELIGIBLE', ruleSet: 'tdkt-2022', handlingLevel: 'PROVINCE' });
  });

  it("refuses forwarding it again before the province's council supported it", async () => {
    await expectRefused(
      t,
      ['dossier-hs-bang-khen'],
      FORWARD,
      { dossierId: 'hs-bang-khen', toUnitId: ORG.province },
      { code: 'RULE_VIOLATION', rule: 'DOSSIER_NOT_SUPPORTED' },
      SECRETARIAT,
    );
  });

  it("a district officer's proposal memo carries its dossiers; another unit's officer is refused", async () => {
    const officer: Actor = { sub: 'officer-huyen', role: 'UNIT_OFFICER', unitId: ORG.district };
    const input = {
      id: 'tt-45',
      unitId: ORG.district,
      number: '45/TTr-UBND',
      proposedOn: TODAY,
      dossierIds: ['hs-chua-xet', 'hs-giay-khen'],
    };
    await expectRefused(
      t,
      ['proposal-tt-45'],
      DRAFT_PROPOSAL,
      { input },
      { code: 'FORBIDDEN' },
      { ...officer, unitId: ORG.school },
    );
    await expectRefused(
      t,
      ['proposal-tt-46'],
      DRAFT_PROPOSAL,
      { input: { ...input, id: 'tt-46', unitId: ORG.school, dossierIds: ['hs-chua-xet'] } },
      { code: 'RULE_VIOLATION', rule: 'DOSSIER_OUTSIDE_UNIT' },
      { ...officer, unitId: ORG.school },
    );
    await mutate(t, DRAFT_PROPOSAL, { input }, officer);
    const rival = { ...input, id: 'tt-48', number: '48/TTr-UBND', dossierIds: ['hs-chua-xet'] };
    await mutate(t, DRAFT_PROPOSAL, { input: rival }, officer);
    const submitted = await mutate(t, SUBMIT_PROPOSAL, { proposalId: 'tt-45' }, officer);
    await caughtUp(t, submitted.position);
    await expectRefused(
      t,
      ['proposal-tt-45'],
      SUBMIT_PROPOSAL,
      { proposalId: 'tt-45' },
      { code: 'RULE_VIOLATION', rule: 'PROPOSAL_ALREADY_SUBMITTED' },
      officer,
    );
    // The district proposes each dossier once: a draft made before and one made after are both refused.
    const carried = { code: 'RULE_VIOLATION', rule: 'DOSSIER_ALREADY_PROPOSED', proposalId: 'tt-45' };
    await expectRefused(t, ['proposal-tt-48'], SUBMIT_PROPOSAL, { proposalId: 'tt-48' }, carried, officer);
    const again = { ...input, id: 'tt-47', number: '47/TTr-UBND', dossierIds: ['hs-giay-khen'] };
    await expectRefused(t, ['proposal-tt-47'], DRAFT_PROPOSAL, { input: again }, carried, officer);
    // The level above writes its own memo for the same dossier.
    const provinceOfficer: Actor = { sub: 'officer-tinh', role: 'UNIT_OFFICER', unitId: ORG.province };
    await mutate(t, DRAFT_PROPOSAL, { input: { ...again, id: 'tt-12', unitId: ORG.province } }, provinceOfficer);
    const { body } = await t.graphql(
      'query { dossier(id: "hs-giay-khen") { proposal { id number proposedOn } } }',
      {},
      SECRETARIAT,
    );
    expect(body.data.dossier.proposal).toEqual({ id: 'tt-45', number: '45/TTr-UBND', proposedOn: TODAY });
  });
});
