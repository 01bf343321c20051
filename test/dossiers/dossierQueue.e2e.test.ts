import type { TestApp } from '../support/app';
import type { Actor } from '../support/auth';
import {
  ADMIN,
  MEMBERS,
  ORG,
  SECRETARIAT,
  TODAY,
  UNIT_OFFICER,
  WITHDRAW,
  expectRefused,
  mutate,
  person,
  startOrganisationApp,
  submitDossier,
  year,
} from '../support/awarding';
import { streamEvents } from '../support/streams';
import { caughtUp } from '../support/until';

const RESULT = '{ id position eventTypes }';
const RECEIVE = `mutation($dossierId: ID!, $receivedOn: Date!, $receivingUnitId: ID) {
  receiveDossier(dossierId: $dossierId, receivedOn: $receivedOn, receivingUnitId: $receivingUnitId) ${RESULT} }`;
const ASSIGN = `mutation($dossierId: ID!, $officerId: ID!) { assignDossier(dossierId: $dossierId, officerId: $officerId) ${RESULT} }`;
const QUEUE = `query($filter: DossierFilter, $first: Int, $after: String) {
  dossiers(filter: $filter, first: $first, after: $after) {
    edges { cursor node { id status proposingUnitId nominee { name } receivedOn handlingLevel handlingOfficerId handlingOfficerName dueOn } }
    pageInfo { hasNextPage endCursor }
    totalCount totalCountCapped
  }
}`;

const DISTRICT_SECRETARIAT: Actor = { sub: 'secretariat-huyen', role: 'SECRETARIAT', unitId: ORG.district };

/**
 * Reception, assignment and the queue, through GraphQL: four dossiers of the school (two
 * proposed by the school, one by the district) and one of Sở Giáo dục.
 */
describe('dossier reception, assignment and the queue', () => {
  let t: TestApp;
  const settle = async (result: { position: string }) => caughtUp(t, result.position);
  const queue = async (variables: Record<string, unknown>, as: Actor = ADMIN) => {
    const { body } = await t.graphql(QUEUE, variables, as);
    expect(body.errors).toBeUndefined();
    return body.data.dossiers;
  };
  const ids = (page: { edges: Array<{ node: { id: string } }> }) => page.edges.map((e) => e.node.id);

  beforeAll(async () => {
    t = await startOrganisationApp();
    const at = (id: string, teacher: string, extra: Record<string, unknown> = {}) =>
      submitDossier(t, { id, nominee: person(teacher), award: 'ADVANCED_WORKER', period: year(2025), ...extra });
    await at('hs-1', 'gv-hoa', { submittedOn: '2025-11-03' });
    await at('hs-2', 'gv-nam', { submittedOn: '2025-11-10' });
    await at('hs-3', 'gv-ba', { proposingUnitId: ORG.district, award: 'CERTIFICATE_OF_MERIT' });
    await at('hs-4', 'gv-tu', { period: year(2024), submittedOn: '2025-11-10' });
    await submitDossier(t, {
      id: 'hs-so',
      proposingUnitId: ORG.education,
      nominee: person('cb-an'),
      award: 'ADVANCED_WORKER',
      period: year(2025),
      submittedOn: '2025-11-01',
    });
  }, 60_000);
  afterAll(async () => t.stop());

  describe('receiveDossier', () => {
    it('records the day, the receiving unit and its level as the handling level', async () => {
      const result = await mutate(t, RECEIVE, { dossierId: 'hs-1', receivedOn: '2025-11-05' }, SECRETARIAT);
      expect(result.eventTypes).toEqual(['DossierReceived']);
      const received = (await streamEvents(t, 'dossier-hs-1')).at(-1)!;
      expect(received.data).toMatchObject({
        dossierId: 'hs-1',
        receivedOn: '2025-11-05',
        receivingUnitId: ORG.province,
        handlingLevel: 'PROVINCE',
        ruleSetId: 'tdkt-2025',
      });
      await settle(result);
      const [edge] = (await queue({ filter: { status: 'SUBMITTED', proposingUnitId: ORG.school, period: year(2025) } }))
        .edges;
      // The 2025 set's appraisal term at the provincial level: 20 working days, none a holiday in November.
      expect(edge.node).toMatchObject({
        id: 'hs-1',
        receivedOn: '2025-11-05',
        handlingLevel: 'PROVINCE',
        dueOn: '2025-12-03',
      });
    });

    it('refuses a second reception, a date before the submission or in the future, and names the rule', async () => {
      await expectRefused(
        t,
        ['dossier-hs-1'],
        RECEIVE,
        { dossierId: 'hs-1', receivedOn: '2025-11-06' },
        {
          code: 'RULE_VIOLATION',
          rule: 'DOSSIER_ALREADY_RECEIVED',
        },
      );
      await expectRefused(
        t,
        ['dossier-hs-2'],
        RECEIVE,
        { dossierId: 'hs-2', receivedOn: '2025-11-09' },
        {
          code: 'RULE_VIOLATION',
          rule: 'RECEIVED_BEFORE_SUBMISSION',
        },
      );
      await expectRefused(
        t,
        ['dossier-hs-2'],
        RECEIVE,
        { dossierId: 'hs-2', receivedOn: '2025-11-25' },
        {
          code: 'RULE_VIOLATION',
          rule: 'RECEIVED_IN_FUTURE',
        },
      );
    });

    it('refuses an unknown dossier, an administrator naming no unit, a unit officer and a unit out of scope', async () => {
      await expectRefused(
        t,
        ['dossier-hs-nope'],
        RECEIVE,
        { dossierId: 'hs-nope', receivedOn: TODAY },
        {
          code: 'NOT_FOUND',
        },
      );
      await expectRefused(
        t,
        ['dossier-hs-2'],
        RECEIVE,
        { dossierId: 'hs-2', receivedOn: TODAY },
        { code: 'BAD_USER_INPUT', field: 'receivingUnitId' },
        ADMIN,
      );
      await expectRefused(
        t,
        ['dossier-hs-2'],
        RECEIVE,
        { dossierId: 'hs-2', receivedOn: TODAY },
        {
          code: 'FORBIDDEN',
        },
        UNIT_OFFICER,
      );
      await expectRefused(
        t,
        ['dossier-hs-so'],
        RECEIVE,
        { dossierId: 'hs-so', receivedOn: TODAY },
        {
          code: 'FORBIDDEN',
        },
        DISTRICT_SECRETARIAT,
      );
    });

    it('refuses a withdrawn dossier', async () => {
      await mutate(t, WITHDRAW, { dossierId: 'hs-4', reason: 'Đề nghị nhầm năm.' }, UNIT_OFFICER);
      await expectRefused(
        t,
        ['dossier-hs-4'],
        RECEIVE,
        { dossierId: 'hs-4', receivedOn: TODAY },
        {
          code: 'RULE_VIOLATION',
          rule: 'DOSSIER_NOT_AWAITING_RECEPTION',
        },
        SECRETARIAT,
      );
    });
  });

  describe('assignDossier', () => {
    it('refuses a dossier not received yet, and an officer who is not a registered person', async () => {
      await expectRefused(
        t,
        ['dossier-hs-2'],
        ASSIGN,
        { dossierId: 'hs-2', officerId: MEMBERS[0] },
        {
          code: 'RULE_VIOLATION',
          rule: 'DOSSIER_NOT_RECEIVED',
        },
        SECRETARIAT,
      );
      await expectRefused(
        t,
        ['dossier-hs-1'],
        ASSIGN,
        { dossierId: 'hs-1', officerId: 'khong-co' },
        {
          code: 'NOT_FOUND',
        },
        SECRETARIAT,
      );
    });

    it('assigns, reassigns with the previous officer recorded, and refuses the same officer twice', async () => {
      await mutate(t, ASSIGN, { dossierId: 'hs-1', officerId: MEMBERS[0] }, SECRETARIAT);
      const result = await mutate(t, ASSIGN, { dossierId: 'hs-1', officerId: MEMBERS[1] }, SECRETARIAT);
      const [first, second] = (await streamEvents(t, 'dossier-hs-1')).filter((e) => e.type === 'DossierAssigned');
      expect(first.data).toMatchObject({
        officerId: MEMBERS[0],
        officerName: 'Hoàng Văn Một',
        previousOfficerId: null,
      });
      expect(second.data).toMatchObject({
        officerId: MEMBERS[1],
        officerName: 'Huỳnh Thị Hai',
        previousOfficerId: MEMBERS[0],
      });
      await expectRefused(
        t,
        ['dossier-hs-1'],
        ASSIGN,
        { dossierId: 'hs-1', officerId: MEMBERS[1] },
        {
          code: 'RULE_VIOLATION',
          rule: 'OFFICER_ALREADY_ASSIGNED',
        },
        SECRETARIAT,
      );
      await settle(result);
      const page = await queue({ filter: { handlingOfficerId: MEMBERS[1] } });
      expect(page.edges.map((e: { node: unknown }) => e.node)).toEqual([
        expect.objectContaining({ id: 'hs-1', handlingOfficerId: MEMBERS[1], handlingOfficerName: 'Huỳnh Thị Hai' }),
      ]);
      expect(await queue({ filter: { handlingOfficerId: MEMBERS[0] } })).toMatchObject({ edges: [], totalCount: 0 });
    });

    it('is for the standing agency: a unit officer is refused', async () => {
      await expectRefused(
        t,
        ['dossier-hs-1'],
        ASSIGN,
        { dossierId: 'hs-1', officerId: MEMBERS[2] },
        {
          code: 'FORBIDDEN',
        },
        UNIT_OFFICER,
      );
    });

    it('shows both events in the dossier audit trail', async () => {
      const { body } = await t.graphql('query($f: AuditFilter!) { auditTrail(filter: $f) { entries { type } } }', {
        f: { dossierId: 'hs-1' },
      });
      expect(body.data.auditTrail.entries.map((e: { type: string }) => e.type)).toEqual([
        'DossierSubmitted',
        'DossierReceived',
        'DossierAssigned',
        'DossierAssigned',
      ]);
    });
  });

  describe('dossiers', () => {
    it('lists by submittedOn then id, filtered by status, unit subtree, award and period', async () => {
      expect(ids(await queue({}))).toEqual(['hs-so', 'hs-1', 'hs-2', 'hs-4', 'hs-3']);
      expect(ids(await queue({ filter: { proposingUnitId: ORG.district } }))).toEqual(['hs-1', 'hs-2', 'hs-4', 'hs-3']);
      expect(ids(await queue({ filter: { proposingUnitId: ORG.school } }))).toEqual(['hs-1', 'hs-2', 'hs-4']);
      expect(ids(await queue({ filter: { status: 'WITHDRAWN' } }))).toEqual(['hs-4']);
      expect(ids(await queue({ filter: { award: 'CERTIFICATE_OF_MERIT' } }))).toEqual(['hs-3']);
      expect(ids(await queue({ filter: { period: year(2024) } }))).toEqual(['hs-4']);
      expect(
        ids(await queue({ filter: { proposingUnitId: ORG.province, period: year(2025), status: 'SUBMITTED' } })),
      ).toEqual(['hs-so', 'hs-1', 'hs-2', 'hs-3']);
    });

    it('pages with opaque cursors that add up to the whole list, and counts it', async () => {
      const whole = await queue({});
      expect(whole).toMatchObject({ totalCount: 5, totalCountCapped: false, pageInfo: { hasNextPage: false } });
      const walked: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 10; page++) {
        const next: any = await queue({ first: 2, after });
        walked.push(...ids(next));
        expect(next.totalCount).toBe(5);
        if (!next.pageInfo.hasNextPage) break;
        after = next.pageInfo.endCursor;
      }
      expect(walked).toEqual(ids(whole));
      // An edge's cursor continues after that edge.
      expect(ids(await queue({ first: 2, after: whole.edges[2].cursor }))).toEqual(ids(whole).slice(3, 5));
    });

    it('refuses a page over 100, and a cursor it did not return, with BAD_USER_INPUT', async () => {
      const tooMany = await t.graphql(QUEUE, { first: 101 });
      expect(tooMany.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
      const forged = await t.graphql(QUEUE, { after: Buffer.from('complaints:2025-01-01:x').toString('base64url') });
      expect(forged.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    });

    it('keeps a unit officer to its subtree: pinned to its unit, refused outside it', async () => {
      expect(ids(await queue({}, UNIT_OFFICER))).toEqual(['hs-1', 'hs-2', 'hs-4']);
      const outside = await t.graphql(QUEUE, { filter: { proposingUnitId: ORG.district } }, UNIT_OFFICER);
      expect(outside.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(outside.body.data).toBeNull();
    });

    it('shows a council member only the dossiers on the agendas of its sessions, and refuses an analyst', async () => {
      const member: Actor = { sub: MEMBERS[0], role: 'COUNCIL_MEMBER' };
      expect(await queue({}, member)).toMatchObject({ edges: [], totalCount: 0 });
      const other = await t.graphql(QUEUE, { filter: { councilMemberId: MEMBERS[1] } }, member);
      expect(other.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const analyst = await t.graphql(QUEUE, {}, { sub: 'phan-tich-1', role: 'ANALYST' });
      expect(analyst.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    });
  });
});
