import { BallotChoice } from '../../src/shared/domain';
import type { TestApp } from '../support/app';
import type { Actor } from '../support/auth';
import {
  APPRAISE,
  CAST,
  CLOSE,
  CONVENE,
  MEMBERS,
  ORG,
  TODAY,
  mutate,
  person,
  seedRating,
  startOrganisationApp,
  submitDossier,
  year,
} from '../support/awarding';
import { PerformanceRating, SubjectKind } from '../../src/shared/domain';
import { caughtUp } from '../support/until';

const SESSION_FIELDS = `id councilUnitId level heldOn status memberCount membersVoted closedAt
  members { personId name ballotsCast writtenBallots }
  agenda { itemNo dossierId award nominee { name } thresholdShare tally { approve reject abstain members approved } }`;
const SESSION = `query($id: ID!) { councilSession(id: $id) { ${SESSION_FIELDS} } }`;
const SESSIONS = `query($filter: CouncilSessionFilter, $first: Int, $after: String) {
  councilSessions(filter: $filter, first: $first, after: $after) {
    edges { cursor node { id status heldOn } } pageInfo { hasNextPage endCursor } } }`;
const QUEUE = '{ dossiers { edges { node { id } } } }';

const member = (id: string): Actor => ({ sub: id, role: 'COUNCIL_MEMBER' });
const SEVEN = MEMBERS.slice(0, 7);

/** Two sessions of the province's council (Sở Nội vụ, PROVINCE) on Hoa's and Nam's dossiers. */
describe('council sessions', () => {
  let t: TestApp;
  const read = async (query: string, variables: Record<string, unknown>, as?: Actor) => {
    const { body } = await t.graphql(query, variables, as);
    expect(body.errors).toBeUndefined();
    return body.data;
  };
  const ids = (data: any) => data.councilSessions.edges.map((e: { node: { id: string } }) => e.node.id);

  beforeAll(async () => {
    t = await startOrganisationApp();
    for (const [id, name] of [
      ['gv-hoa', 'Nguyễn Thị Hoa'],
      ['gv-nam', 'Trần Văn Nam'],
    ]) {
      await seedRating(t, { kind: SubjectKind.INDIVIDUAL, id, name }, ORG.school, year(2025), PerformanceRating.GOOD);
      await submitDossier(t, { id: `hs-${id}`, nominee: person(id), award: 'ADVANCED_WORKER', period: year(2025) });
      await mutate(t, APPRAISE, { dossierId: `hs-${id}` });
    }
    const convene = (id: string, heldOn: string, dossierId: string) =>
      mutate(t, CONVENE, {
        input: { id, councilUnitId: ORG.homeAffairs, heldOn, memberIds: SEVEN, dossierIds: [dossierId] },
      });
    await convene('phien-1', '2025-11-18', 'hs-gv-hoa');
    await convene('phien-2', TODAY, 'hs-gv-nam');
    let last = { position: '0' };
    for (const [i, memberId] of SEVEN.slice(0, 5).entries()) {
      const choice = i < 4 ? BallotChoice.APPROVE : BallotChoice.REJECT;
      last = await mutate(
        t,
        CAST,
        { input: { sessionId: 'phien-1', dossierId: 'hs-gv-hoa', memberId, choice } },
        member(memberId),
      );
    }
    await caughtUp(t, last.position);
  }, 60_000);
  afterAll(async () => t.stop());

  it('shows an open session: members, agenda and attendance, and no tally before the close', async () => {
    const { councilSession: s } = await read(SESSION, { id: 'phien-1' });
    expect(s).toMatchObject({ councilUnitId: ORG.homeAffairs, level: 'PROVINCE', heldOn: '2025-11-18' });
    expect(s).toMatchObject({ status: 'OPEN', memberCount: 7, membersVoted: null, closedAt: null });
    expect(s.members.map((m: { ballotsCast: number }) => m.ballotsCast)).toEqual([1, 1, 1, 1, 1, 0, 0]);
    expect(s.members[0]).toEqual({ personId: 'tv-1', name: 'Hoàng Văn Một', ballotsCast: 1, writtenBallots: 0 });
    expect(s.agenda).toEqual([
      {
        itemNo: 1,
        dossierId: 'hs-gv-hoa',
        award: 'ADVANCED_WORKER',
        nominee: { name: 'Nguyễn Thị Hoa' },
        thresholdShare: 0.5,
        tally: null,
      },
    ]);
  });

  it('shows the tally once the session is closed', async () => {
    const closed = await mutate(t, CLOSE, { sessionId: 'phien-1' });
    await caughtUp(t, closed.position);
    const { councilSession: s } = await read(SESSION, { id: 'phien-1' });
    expect(s).toMatchObject({ status: 'CLOSED', membersVoted: 5 });
    expect(s.agenda[0].tally).toEqual({ approve: 4, reject: 1, abstain: 0, members: 7, approved: true });
  });

  it('offers no ballot choice anywhere in the session types', async () => {
    const { body } = await t.graphql(`{ __schema { types { name fields { name } } } }`);
    const sessionTypes = body.data.__schema.types.filter((type: { name: string }) => type.name.startsWith('Council'));
    expect(sessionTypes.map((type: { name: string }) => type.name)).toEqual(
      expect.arrayContaining(['CouncilSession', 'CouncilSessionMember', 'CouncilAgendaItem']),
    );
    for (const type of sessionTypes)
      expect((type.fields ?? []).map((f: { name: string }) => f.name)).not.toContain('choice');
  });

  it('lists by heldOn then id, filtered by status, dates and level, in pages', async () => {
    expect(ids(await read(SESSIONS, {}))).toEqual(['phien-1', 'phien-2']);
    expect(ids(await read(SESSIONS, { filter: { status: 'OPEN' } }))).toEqual(['phien-2']);
    expect(ids(await read(SESSIONS, { filter: { heldFrom: '2025-11-19' } }))).toEqual(['phien-2']);
    expect(ids(await read(SESSIONS, { filter: { heldTo: '2025-11-19' } }))).toEqual(['phien-1']);
    expect(ids(await read(SESSIONS, { filter: { level: 'PROVINCE' } }))).toEqual(['phien-1', 'phien-2']);
    expect(ids(await read(SESSIONS, { filter: { level: 'DISTRICT' } }))).toEqual([]);
    const first = await read(SESSIONS, { first: 1 });
    expect(first.councilSessions.pageInfo.hasNextPage).toBe(true);
    const second = await read(SESSIONS, { first: 1, after: first.councilSessions.pageInfo.endCursor });
    expect(ids(second)).toEqual(['phien-2']);
    expect(second.councilSessions.pageInfo).toMatchObject({ hasNextPage: false });
  });

  it('refuses a page over 100 and a range that ends before it starts', async () => {
    const tooMany = await t.graphql(SESSIONS, { first: 500 });
    expect(tooMany.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const backwards = await t.graphql(SESSIONS, { filter: { heldFrom: '2025-11-20', heldTo: '2025-11-01' } });
    expect(backwards.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'heldFrom' });
  });

  it('shows a council member its own sessions and their agenda dossiers only', async () => {
    await mutate(t, CONVENE, {
      input: {
        id: 'phien-3',
        councilUnitId: ORG.homeAffairs,
        heldOn: TODAY,
        memberIds: ['tv-8', 'tv-9'],
        dossierIds: ['hs-gv-nam'],
      },
    });
    const settled = await mutate(t, CONVENE, {
      input: {
        id: 'phien-4',
        councilUnitId: ORG.homeAffairs,
        heldOn: TODAY,
        memberIds: ['tv-9'],
        dossierIds: ['hs-gv-nam'],
      },
    });
    await caughtUp(t, settled.position);
    expect(ids(await read(SESSIONS, {}, member('tv-8')))).toEqual(['phien-3']);
    const refused = await t.graphql(SESSION, { id: 'phien-1' }, member('tv-8'));
    expect(refused.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const other = await t.graphql(SESSIONS, { filter: { memberId: 'tv-9' } }, member('tv-8'));
    expect(other.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const queue = await read(QUEUE, {}, member('tv-8'));
    expect(queue.dossiers.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(['hs-gv-nam']);
    const unitOfficer = await t.graphql(
      SESSION,
      { id: 'phien-1' },
      { sub: 'o', role: 'UNIT_OFFICER', unitId: ORG.school },
    );
    expect(unitOfficer.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
