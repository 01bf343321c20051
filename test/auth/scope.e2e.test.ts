import { PerformanceRating, SubjectKind } from '../../src/shared/domain';
import type { TestApp } from '../support/app';
import type { Actor } from '../support/auth';
import {
  APPRAISE,
  CAST,
  CONVENE,
  MEMBERS,
  ORG,
  SECRETARIAT,
  SUBMIT,
  TODAY,
  UNIT_OFFICER,
  WITHDRAW,
  appraise,
  mutate,
  person,
  seedRating,
  startOrganisationApp,
  submitSchoolAndEducationDossiers,
  submitDossier,
  year,
} from '../support/awarding';
import { logExtent, streamEvents } from '../support/streams';
import { MUTATION_REQUESTS, type OperationRequest } from '../support/operations';

/** The standing agency of the district: its subtree is the district and the school. */
const DISTRICT_SECRETARIAT: Actor = { sub: 'secretariat-huyen', role: 'SECRETARIAT', unitId: ORG.district };
const asMember = (memberId: string): Actor => ({ sub: memberId, role: 'COUNCIL_MEMBER' });

/** A request of operations.ts with some of its input replaced. */
function withInput(operation: string, input: Record<string, unknown>): OperationRequest {
  const request = MUTATION_REQUESTS[operation];
  return {
    query: request.query,
    variables: { ...request.variables, input: { ...(request.variables.input as object), ...input } },
  };
}

function withArgs(operation: string, args: Record<string, unknown>): OperationRequest {
  const request = MUTATION_REQUESTS[operation];
  return { query: request.query, variables: { ...request.variables, ...args } };
}

describe('scope: each unit-scoped role acts within the subtree of its unit', () => {
  let t: TestApp;
  let schoolDossier: string;
  let educationDossier: string;

  beforeAll(async () => {
    t = await startOrganisationApp();
    ({ schoolDossier, educationDossier } = await submitSchoolAndEducationDossiers(t, 'hs-truong', 'hs-so'));
  }, 60_000);
  afterAll(async () => t.stop());

  const refused = async (request: OperationRequest, as: Actor): Promise<string> => {
    const before = await logExtent(t);
    const { body } = await t.graphql(request.query, request.variables, as);
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(await logExtent(t)).toEqual(before);
    return body.errors![0].message;
  };
  const allowed = async (request: OperationRequest, as: Actor) => mutate(t, request.query, request.variables, as);

  describe('a UNIT_OFFICER of the school', () => {
    it('rates, registers and registers people of its school, and nobody outside it', async () => {
      await allowed(withInput('ratePerformance', { subject: person('gv-nam') }), UNIT_OFFICER);
      expect(await refused(withInput('ratePerformance', { subject: person('cb-an') }), UNIT_OFFICER)).toBe(
        'unit so-giao-duc is outside the subtree of truong',
      );
      await refused(withInput('registerTitle', { subject: person('cb-an') }), UNIT_OFFICER);
      await refused(withInput('registerTitle', { subject: { kind: 'COLLECTIVE', id: ORG.district } }), UNIT_OFFICER);
      await refused(withInput('registerPerson', { id: 'cb-moi', unitId: ORG.education }), UNIT_OFFICER);
    });

    it('submits for its school only, and only with today as the submission date', async () => {
      await refused(
        withInput('submitDossier', { proposingUnitId: ORG.education, nominee: person('cb-an') }),
        UNIT_OFFICER,
      );
      await refused(withInput('submitDossier', { nominee: person('cb-an') }), UNIT_OFFICER);
      const message = await refused(withInput('submitDossier', { submittedOn: '2023-06-01' }), UNIT_OFFICER);
      expect(message).toBe(
        'a submission date before today (2023-06-01 < 2025-11-20) is for SECRETARIAT and ADMIN only',
      );
      await allowed(
        withInput('submitDossier', { id: 'hs-luu-tru', nominee: person('gv-tu'), submittedOn: '2023-06-01' }),
        SECRETARIAT,
      );
      expect((await streamEvents(t, 'dossier-hs-luu-tru'))[0].data.submittedOn).toBe('2023-06-01');
    });

    it("withdraws and resubmits its own dossiers, not another unit's", async () => {
      await refused(withArgs('withdrawDossier', { dossierId: educationDossier }), UNIT_OFFICER);
      await refused(withArgs('resubmitDossier', { dossierId: educationDossier }), UNIT_OFFICER);
      const own = await submitDossier(
        t,
        { id: 'hs-rut', nominee: person('gv-ba'), award: 'ADVANCED_WORKER', period: year(2025) },
        UNIT_OFFICER,
      );
      await mutate(t, WITHDRAW, { dossierId: own, reason: 'Đơn vị rút hồ sơ.' }, UNIT_OFFICER);
    });
  });

  describe('a district SECRETARIAT', () => {
    it('is refused for province units, directly or through what a command names', async () => {
      await refused(withInput('registerPerson', { id: 'cb-so', unitId: ORG.homeAffairs }), DISTRICT_SECRETARIAT);
      await refused(withInput('launchMovement', { launchedByUnitId: ORG.province }), DISTRICT_SECRETARIAT);
      await refused(
        withInput('launchMovement', { participantUnitIds: [ORG.school, ORG.education] }),
        DISTRICT_SECRETARIAT,
      );
      await refused(
        withInput('grantAward', { dossierId: schoolDossier, issuedByUnitId: ORG.province }),
        DISTRICT_SECRETARIAT,
      );
      await refused(withInput('conveneCouncilSession', { dossierIds: [schoolDossier] }), DISTRICT_SECRETARIAT);
      await refused(withArgs('appraiseDossier', { dossierId: educationDossier }), DISTRICT_SECRETARIAT);
      expect(
        await refused(
          withInput('registerUnit', { id: 'tinh-moi', parentUnitId: null, level: 'PROVINCE' }),
          DISTRICT_SECRETARIAT,
        ),
      ).toBe('a unit without a parent is registered by ADMIN');
    });

    it('works on the district and the school', async () => {
      await allowed(withInput('registerPerson', { id: 'gv-moi-huyen', unitId: ORG.school }), DISTRICT_SECRETARIAT);
      await allowed(
        withInput('launchMovement', { id: 'pt-huyen', participantUnitIds: [ORG.school] }),
        DISTRICT_SECRETARIAT,
      );
      await mutate(t, APPRAISE, { dossierId: schoolDossier }, DISTRICT_SECRETARIAT);
    });

    it('leaves a unit that does not exist to the command (NOT_FOUND)', async () => {
      const { body } = await t.graphql(
        SUBMIT,
        withInput('submitDossier', { proposingUnitId: 'khong-co' }).variables,
        DISTRICT_SECRETARIAT,
      );
      expect(body.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', entity: 'Unit' });
    });
  });

  describe('ballots', () => {
    const session = 'phien-pham-vi';

    beforeAll(async () => {
      const dossierId = await submitDossier(
        t,
        { id: 'hs-phieu', nominee: person('gv-lan'), award: 'ADVANCED_WORKER', period: year(2025) },
        UNIT_OFFICER,
      );
      await seedRating(
        t,
        { kind: SubjectKind.INDIVIDUAL, id: 'gv-lan', name: 'Võ Thị Lan' },
        ORG.school,
        year(2025),
        PerformanceRating.EXCELLENT,
      );
      expect((await appraise(t, dossierId)).eligible).toBe(true);
      await mutate(t, CONVENE, {
        input: {
          id: session,
          councilUnitId: ORG.homeAffairs,
          heldOn: TODAY,
          memberIds: MEMBERS,
          dossierIds: [dossierId],
        },
      });
    });

    const ballot = (memberId: string) => ({
      query: CAST,
      variables: { input: { sessionId: session, dossierId: 'hs-phieu', memberId, choice: 'APPROVE' } },
    });

    it("refuses a COUNCIL_MEMBER casting another member's ballot, and records its own in person", async () => {
      expect(await refused(ballot('tv-2'), asMember('tv-1'))).toBe(
        "tv-1 may cast only its own ballot, not member tv-2's",
      );
      await mutate(t, CAST, ballot('tv-1').variables, asMember('tv-1'));
      const [cast] = await streamEvents(t, `ballot-${session}~hs-phieu~tv-1`);
      expect(cast.data).toMatchObject({ memberId: 'tv-1', castBy: 'tv-1', writtenBallot: false });
    });

    it("records an absent member's written ballot from the secretariat, as written", async () => {
      await mutate(t, CAST, ballot('tv-3').variables, SECRETARIAT);
      const [cast] = await streamEvents(t, `ballot-${session}~hs-phieu~tv-3`);
      expect(cast.data).toMatchObject({ memberId: 'tv-3', castBy: SECRETARIAT.sub, writtenBallot: true });
      expect(cast.metadata).toMatchObject({ actorId: SECRETARIAT.sub, role: 'SECRETARIAT' });
    });

    it('refuses a written ballot from a secretariat whose subtree does not hold the council', async () => {
      await refused(ballot('tv-4'), DISTRICT_SECRETARIAT);
    });
  });

  describe('cluster scores and plan tasks', () => {
    beforeAll(async () => {
      await allowed(withInput('formCluster', { id: 'khoi-so' }), SECRETARIAT);
      await allowed(MUTATION_REQUESTS.setClusterCriteria, SECRETARIAT);
      await allowed(
        withInput('issuePlan', {
          id: 'kh-2025',
          tasks: [
            { quarter: 1, content: 'Phát động thi đua', directingUnitId: ORG.district, executingUnitIds: [ORG.school] },
            { quarter: 2, content: 'Sơ kết', directingUnitId: ORG.district, executingUnitIds: [ORG.district] },
          ],
        }),
        DISTRICT_SECRETARIAT,
      );
    });

    it("lets a unit officer record its own unit's self-scores only; the organizer's secretariat the assessed ones", async () => {
      await allowed(withInput('recordClusterScore', { kind: 'SELF', unitId: ORG.school }), UNIT_OFFICER);
      await refused(withInput('recordClusterScore', { kind: 'SELF', unitId: ORG.district }), UNIT_OFFICER);
      await refused(withInput('recordClusterScore', { kind: 'ASSESSED', unitId: ORG.school }), UNIT_OFFICER);
      await refused(withInput('recordClusterScore', { kind: 'SELF', unitId: ORG.school }), SECRETARIAT);
      await allowed(withInput('recordClusterScore', { kind: 'ASSESSED', unitId: ORG.school }), SECRETARIAT);
      await refused(withInput('recordClusterScore', { kind: 'ASSESSED', unitId: ORG.school }), DISTRICT_SECRETARIAT);
    });

    it('lets a unit officer report on the tasks its unit executes', async () => {
      await allowed(withArgs('reportPlanTask', { taskNo: 1 }), UNIT_OFFICER);
      expect(await refused(withArgs('reportPlanTask', { taskNo: 2 }), UNIT_OFFICER)).toBe(
        'task 2 is not directed or executed by unit truong',
      );
    });
  });
});
