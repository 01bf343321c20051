import { ballotDecider, ballotStreamKey } from '../../src/ballots/ballot.decider';
import { castBallot, castBallotCommand, type BallotRequest } from '../../src/ballots/ballot.commands';
import { readSessionBallots } from '../../src/ballots/sessionBallots';
import type { CommandContext } from '../../src/commands/commandHandler';
import { storeLoader } from '../../src/commands/stateLoader';
import { closeCouncilSession, closeWith } from '../../src/councilSessions/councilSession.commands';
import { councilSessionDecider } from '../../src/councilSessions/councilSession.decider';
import { PerformanceRating, SubjectKind } from '../../src/shared/domain';
import type { TestApp } from '../support/app';
import type { Actor } from '../support/auth';
import {
  ADMIN,
  CAST,
  CONVENE,
  MEMBERS,
  ORG,
  SECRETARIAT,
  TEACHERS,
  TODAY,
  appraise,
  expectRefused,
  mutate,
  person,
  seedRating,
  startOrganisationApp,
  submitDossier,
  year,
} from '../support/awarding';
import { streamEvents } from '../support/streams';
import { caughtUp } from '../support/until';

const SESSION = 'phien-bo-phieu';
const NOMINEES = ['gv-hoa', 'gv-nam', 'gv-ba', 'gv-tu'];
const BALLOTS = `query($s: ID!) { councilBallots(sessionId: $s) {
  sessionId dossierId memberId memberName writtenBallot castAt position counted late } }`;

const asMember = (memberId: string): Actor => ({ sub: memberId, role: 'COUNCIL_MEMBER' });
const ballotStream = (dossierId: string, memberId: string) => `ballot-${SESSION}~${dossierId}~${memberId}`;

interface BallotRow {
  dossierId: string;
  memberId: string;
  memberName: string;
  writtenBallot: boolean;
  position: string;
  counted: boolean | null;
  late: boolean;
}

describe('ballots, each on its own stream: one per member and dossier, late ones stored but not counted', () => {
  let t: TestApp;
  let dossiers: string[];
  const context = (actorId: string, role: 'COUNCIL_MEMBER' | 'SECRETARIAT'): CommandContext => ({
    identity: { actorId, role, unitId: role === 'SECRETARIAT' ? ORG.province : null },
    correlationId: `test-${actorId}`,
    idempotencyKey: null,
    now: t.app.services.now,
  });
  const request = (dossierId: string, memberId: string, choice = 'APPROVE') => ({
    input: { sessionId: SESSION, dossierId, memberId, choice },
  });
  const cast = (dossierId: string, memberId: string, choice = 'APPROVE') =>
    t.graphql(CAST, request(dossierId, memberId, choice), asMember(memberId));
  const ballotsShown = async (as: Actor = SECRETARIAT): Promise<BallotRow[]> => {
    await caughtUp(t, await t.app.services.store.lastCommittedPosition());
    const { body } = await t.graphql(BALLOTS, { s: SESSION }, as);
    expect(body.errors).toBeUndefined();
    return body.data.councilBallots;
  };

  beforeAll(async () => {
    t = await startOrganisationApp();
    dossiers = [];
    for (const nominee of NOMINEES) {
      const name = TEACHERS[nominee].fullName;
      await seedRating(
        t,
        { kind: SubjectKind.INDIVIDUAL, id: nominee, name },
        ORG.school,
        year(2025),
        PerformanceRating.GOOD,
      );
      const id = await submitDossier(t, {
        id: `ldtt-${nominee}`,
        nominee: person(nominee),
        award: 'ADVANCED_WORKER',
        period: year(2025),
      });
      expect((await appraise(t, id)).eligible).toBe(true);
      dossiers.push(id);
    }
    await mutate(t, CONVENE, {
      input: { id: SESSION, councilUnitId: ORG.homeAffairs, heldOn: TODAY, memberIds: MEMBERS, dossierIds: dossiers },
    });
  }, 60_000);
  afterAll(async () => t.stop());

  /** Every (dossier, member) pair but those the later tests cast themselves. */
  const heldBack = () => [
    [dossiers[2], 'tv-9'], // never cast: refused once the session is closed
    [dossiers[3], 'tv-7'], // cast twice at once
    [dossiers[3], 'tv-8'], // cast between the close's read of the ballots and its append
    [dossiers[3], 'tv-9'], // cast on the session as it read before the close, appended after it
  ];

  it('takes 32 ballots of different members at once, each on its own new stream, without an error', async () => {
    const held = new Set(heldBack().map((pair) => pair.join(' ')));
    const pairs = dossiers.flatMap((d) => MEMBERS.map((m) => [d, m])).filter((pair) => !held.has(pair.join(' ')));
    expect(pairs).toHaveLength(32);
    const answers = await Promise.all(pairs.map(([d, m]) => cast(d, m)));
    for (const [i, { body }] of answers.entries()) {
      expect(body.errors).toBeUndefined();
      expect(body.data.castBallot).toMatchObject({
        id: ballotStreamKey(SESSION, pairs[i][0], pairs[i][1]),
        streamId: ballotStream(pairs[i][0], pairs[i][1]),
        version: 1,
        eventTypes: ['BallotCast'],
      });
    }
    expect((await streamEvents(t, `council_session-${SESSION}`)).map((e) => e.type)).toEqual([
      'CouncilSessionConvened',
    ]);
    const shown = await ballotsShown();
    expect(shown).toHaveLength(32);
    for (const row of shown) expect(row).toMatchObject({ counted: null, late: false, writtenBallot: false });
  });

  it('refuses a second ballot of a member on a dossier, its stream unchanged and the first choice secret', async () => {
    const error = await expectRefused(
      t,
      [ballotStream(dossiers[0], 'tv-1'), `council_session-${SESSION}`],
      CAST,
      request(dossiers[0], 'tv-1', 'REJECT'),
      { code: 'RULE_VIOLATION', rule: 'ALREADY_VOTED', dossierId: dossiers[0], memberId: 'tv-1' },
      asMember('tv-1'),
    );
    expect(JSON.stringify(error)).not.toMatch(/APPROVE/);
    const [first] = await streamEvents(t, ballotStream(dossiers[0], 'tv-1'));
    expect(first.data.choice).toBe('APPROVE');
  });

  it('keeps one of two ballots of a member racing on a dossier, and refuses the other ALREADY_VOTED', async () => {
    const answers = await Promise.all([cast(dossiers[3], 'tv-7'), cast(dossiers[3], 'tv-7')]);
    const refused = answers.filter(({ body }) => body.errors !== undefined);
    expect(refused).toHaveLength(1);
    expect(refused[0].body.errors![0].extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'ALREADY_VOTED' });
    expect(await streamEvents(t, ballotStream(dossiers[3], 'tv-7'))).toHaveLength(1);
  });

  it('counts the ballots its close read; one committed after that read, and one after the close, are late', async () => {
    const { services } = t.app;
    const member = (memberId: string): BallotRequest => ({
      sessionId: SESSION,
      dossierId: dossiers[3],
      memberId,
      choice: 'REJECT' as BallotRequest['choice'],
    });
    // tv-9's ballot reads the session open, then waits for the close to commit before it is appended.
    const afterClose = await services.commands
      .on(ballotDecider, ballotStreamKey(SESSION, dossiers[3], 'tv-9'))
      .decide(context('tv-9', 'COUNCIL_MEMBER'), 'castBallot', member('tv-9'), async (tx) => {
        const open = (await tx.load(councilSessionDecider, SESSION)).state;
        expect(open.status).toBe('OPEN');
        // The close reads the ballot streams; tv-8's ballot commits before the close is appended.
        await services.commands.execute(
          context('secretariat-1', 'SECRETARIAT'),
          'closeCouncilSession',
          { sessionId: SESSION },
          async (closing) => {
            const session = await closing.load(councilSessionDecider, SESSION);
            const ballots = await readSessionBallots(storeLoader(services.store), session.state);
            await castBallot(services, context('tv-8', 'COUNCIL_MEMBER'), member('tv-8'));
            closing.decide(councilSessionDecider, session, closeWith(session, ballots, closing.nowIso));
          },
        );
        return castBallotCommand(tx, member('tv-9'), open);
      });
    expect(afterClose).toMatchObject({ streamId: ballotStream(dossiers[3], 'tv-9'), version: 1 });

    const session = await streamEvents(t, `council_session-${SESSION}`);
    expect(session.map((e) => e.type)).toEqual(['CouncilSessionConvened', 'CouncilSessionClosed']);
    const closed = session[1].data;
    expect(closed.countedBallots).toHaveLength(33);
    const counted = new Set(closed.countedBallots.map((b: { ballotStreamId: string }) => b.ballotStreamId));
    expect(counted.has(ballotStream(dossiers[3], 'tv-7'))).toBe(true);
    expect(counted.has(ballotStream(dossiers[3], 'tv-8'))).toBe(false);
    expect(counted.has(ballotStream(dossiers[3], 'tv-9'))).toBe(false);
    // Stored ballots: tv-8's committed before the close, tv-9's after it; neither is in the tally.
    const [tv8] = await streamEvents(t, ballotStream(dossiers[3], 'tv-8'));
    const [tv9] = await streamEvents(t, ballotStream(dossiers[3], 'tv-9'));
    expect(BigInt(tv8.position)).toBeLessThan(BigInt(session[1].position));
    expect(BigInt(tv9.position)).toBeGreaterThan(BigInt(session[1].position));
    const tally = closed.tallies.find((x: { dossierId: string }) => x.dossierId === dossiers[3]).tally;
    expect(tally).toMatchObject({ approve: 7, reject: 0, abstain: 0, members: 9, approved: true });
    expect(closed.tallies.map((x: { tally: { approve: number } }) => x.tally.approve)).toEqual([9, 9, 8, 7]);
  });

  it('shows the late ballots as late and every other one as counted, with no choice', async () => {
    const shown = await ballotsShown();
    expect(shown).toHaveLength(35);
    const late = shown.filter((row) => row.late).map((row) => [row.dossierId, row.memberId]);
    expect(late).toEqual([
      [dossiers[3], 'tv-8'],
      [dossiers[3], 'tv-9'],
    ]);
    for (const row of shown) expect(row.counted).toBe(!row.late);
    expect(shown.find((row) => row.memberId === 'tv-1')).toMatchObject({ memberName: 'Hoàng Văn Một' });
    expect(JSON.stringify(shown)).not.toMatch(/APPROVE|REJECT|ABSTAIN/);
    const positions = shown.map((row) => BigInt(row.position));
    expect(positions).toEqual([...positions].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('refuses a ballot once the session reads closed, and its stream stays absent', async () => {
    await expectRefused(
      t,
      [ballotStream(dossiers[2], 'tv-9'), `council_session-${SESSION}`],
      CAST,
      request(dossiers[2], 'tv-9'),
      { code: 'RULE_VIOLATION', rule: 'SESSION_CLOSED', sessionId: SESSION },
      asMember('tv-9'),
    );
    expect(await streamEvents(t, ballotStream(dossiers[2], 'tv-9'))).toEqual([]);
    await expect(
      closeCouncilSession(t.app.services, context('secretariat-1', 'SECRETARIAT'), { sessionId: SESSION }),
    ).rejects.toMatchObject({ rule: 'SESSION_CLOSED' });
  });

  it("lets the session's members, the secretariat, inspectors and administrators read the ballots, no one else", async () => {
    for (const reader of [asMember('tv-5'), { sub: 'thanh-tra-1', role: 'INSPECTOR' } as Actor, ADMIN])
      expect(await ballotsShown(reader)).toHaveLength(35);
    const outsider = await t.graphql(BALLOTS, { s: SESSION }, asMember('tv-khac'));
    expect(outsider.body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    const officer = await t.graphql(
      BALLOTS,
      { s: SESSION },
      { sub: 'officer-1', role: 'UNIT_OFFICER', unitId: 'truong' },
    );
    expect(officer.body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    const choice = await t.graphql(`query($s: ID!) { councilBallots(sessionId: $s) { choice } }`, { s: SESSION });
    expect(choice.body.errors?.[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });
});
