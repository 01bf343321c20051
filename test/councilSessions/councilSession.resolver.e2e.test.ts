import type { Actor } from '../support/auth';
import { AuthorityLevel, AwardKind, BallotChoice, PerformanceRating, SubjectKind } from '../../src/shared/domain';
import type { TestApp } from '../support/app';
import {
  CAST,
  CLOSE,
  CONVENE,
  MEMBERS,
  ORG,
  SECRETARIAT,
  TODAY,
  UNIT_OFFICER,
  WITHDRAW,
  appraise,
  expectRefused,
  mutate,
  person,
  seedEarlierAward,
  seedInitiative,
  seedRating,
  startOrganisationApp,
  submitDossier,
  year,
} from '../support/awarding';
import { lastPosition, streamEvents } from '../support/streams';
import { caughtUp } from '../support/until';

const asMember = (memberId: string): Actor => ({ sub: memberId, role: 'COUNCIL_MEMBER' });
const ballotStream = (sessionId: string, dossierId: string, memberId: string) =>
  `ballot-${sessionId}~${dossierId}~${memberId}`;

describe('council sessions over GraphQL: convene, secret ballots, close with tallies over all members', () => {
  let t: TestApp;
  const hoa = { kind: SubjectKind.INDIVIDUAL, id: 'gv-hoa', name: 'Nguyễn Thị Hoa' };
  const nam = { kind: SubjectKind.INDIVIDUAL, id: 'gv-nam', name: 'Trần Văn Nam' };
  const ba = { kind: SubjectKind.INDIVIDUAL, id: 'gv-ba', name: 'Lê Văn Ba' };
  const an = { kind: SubjectKind.INDIVIDUAL, id: 'cb-an', name: 'Đỗ Văn An' };
  const district = { id: ORG.district, level: AuthorityLevel.DISTRICT };
  let pefHoa: string;
  let pefNam: string;
  let awBa: string;
  let awAn: string;

  beforeAll(async () => {
    t = await startOrganisationApp();
    // Provincial emulation fighter 2024: grassroots fighter 2022–2024 and a province-level initiative.
    for (const nominee of [hoa, nam]) {
      for (const y of [2022, 2023, 2024]) {
        await seedEarlierAward(
          t,
          `cstdcs-${nominee.id}-${y}`,
          nominee,
          ORG.school,
          AwardKind.GRASSROOTS_EMULATION_FIGHTER,
          year(y),
          district,
        );
      }
    }
    await seedInitiative(
      t,
      'sk-tinh-2023',
      [
        { personId: 'gv-hoa', name: hoa.name },
        { personId: 'gv-nam', name: nam.name },
      ],
      AuthorityLevel.PROVINCE,
      year(2023),
    );
    await seedRating(t, ba, ORG.school, year(2025), PerformanceRating.EXCELLENT);
    await seedRating(t, an, ORG.education, year(2025), PerformanceRating.GOOD);

    pefHoa = await submitDossier(t, {
      id: 'pef-hoa',
      nominee: person('gv-hoa'),
      award: 'PROVINCIAL_EMULATION_FIGHTER',
      period: year(2024),
    });
    pefNam = await submitDossier(t, {
      id: 'pef-nam',
      nominee: person('gv-nam'),
      award: 'PROVINCIAL_EMULATION_FIGHTER',
      period: year(2024),
    });
    awBa = await submitDossier(t, {
      id: 'aw-ba',
      nominee: person('gv-ba'),
      award: 'ADVANCED_WORKER',
      period: year(2025),
    });
    awAn = await submitDossier(t, {
      id: 'aw-an',
      proposingUnitId: ORG.education,
      nominee: person('cb-an'),
      award: 'ADVANCED_WORKER',
      period: year(2025),
    });
  });
  afterAll(async () => t.stop());

  it('puts only ELIGIBLE dossiers on the agenda, with members from the register', async () => {
    const input = {
      id: 's-1',
      councilUnitId: ORG.homeAffairs,
      heldOn: TODAY,
      memberIds: MEMBERS,
      dossierIds: [pefHoa, pefNam],
    };
    await expectRefused(
      t,
      ['council_session-s-1'],
      CONVENE,
      { input },
      { code: 'RULE_VIOLATION', rule: 'DOSSIER_NOT_ELIGIBLE', dossierId: pefHoa, status: 'SUBMITTED' },
    );
    for (const id of [pefHoa, pefNam, awBa, awAn]) {
      const appraisal = await appraise(t, id);
      expect(appraisal).toMatchObject({ eligible: true, ruleSetId: 'tdkt-2025' });
    }
    const pefChecks = (
      await appraise(
        t,
        await submitDossier(t, { nominee: person('gv-tu'), award: 'PROVINCIAL_EMULATION_FIGHTER', period: year(2024) }),
      )
    ).checks;
    expect(pefChecks.find((c) => c.rule === 'CONSECUTIVE_GRASSROOTS_FIGHTER')?.passed).toBe(false);

    await expectRefused(
      t,
      ['council_session-s-1'],
      CONVENE,
      { input: { ...input, memberIds: [...MEMBERS.slice(1), 'khong-co'] } },
      { code: 'NOT_FOUND', entity: 'Person', id: 'khong-co' },
    );
    await expectRefused(
      t,
      ['council_session-s-1'],
      CONVENE,
      { input: { ...input, dossierIds: [pefHoa, 'khong-co'] } },
      { code: 'NOT_FOUND', entity: 'Dossier', id: 'khong-co' },
    );
    await expectRefused(
      t,
      ['council_session-s-1'],
      CONVENE,
      { input: { ...input, councilUnitId: 'khong-co' } },
      { code: 'NOT_FOUND', entity: 'Unit' },
    );
    await expectRefused(
      t,
      ['council_session-s-1'],
      CONVENE,
      { input: { ...input, memberIds: [MEMBERS[0], MEMBERS[0]] } },
      { code: 'BAD_USER_INPUT' },
    );
    await expectRefused(
      t,
      ['council_session-s-1'],
      CONVENE,
      { input: { ...input, memberIds: [] } },
      { code: 'BAD_USER_INPUT' },
    );
    await expectRefused(
      t,
      ['council_session-s-1'],
      CONVENE,
      { input: { ...input, heldOn: '20-11-2025' } },
      { code: 'BAD_USER_INPUT' },
    );

    const result = await mutate(t, CONVENE, { input });
    expect(result).toMatchObject({
      id: 's-1',
      streamId: 'council_session-s-1',
      version: 1,
      eventTypes: ['CouncilSessionConvened'],
    });
    const [convened] = await streamEvents(t, 'council_session-s-1');
    expect(convened.data.members).toHaveLength(9);
    expect(convened.data.members[0]).toEqual({ personId: 'tv-1', name: 'Hoàng Văn Một', unitId: ORG.homeAffairs });
    // The provincial fighter threshold of the dossier's rule set: 90% of all members, inclusive.
    expect(convened.data.agenda[0]).toEqual({
      dossierId: pefHoa,
      award: 'PROVINCIAL_EMULATION_FIGHTER',
      nominee: hoa,
      nomineeUnitId: ORG.school,
      thresholdShare: 0.9,
      thresholdInclusive: true,
    });
  });

  it('refuses a member with a conflict of interest, a second ballot, and a ballot cast for someone else unless the secretariat records it', async () => {
    // Members from the nominee's school, one of them the nominee herself.
    await mutate(t, CONVENE, {
      input: {
        id: 's-2',
        councilUnitId: ORG.homeAffairs,
        heldOn: TODAY,
        memberIds: ['tv-1', 'tv-2', 'gv-ba', 'gv-tu'],
        dossierIds: [awBa, awAn],
      },
    });
    const ballot = (memberId: string, dossierId = awBa, choice = 'APPROVE') => ({
      input: { sessionId: 's-2', dossierId, memberId, choice },
    });
    // A refused ballot changes neither the session nor any ballot stream it names.
    const streams = [
      'council_session-s-2',
      ...['gv-ba', 'gv-tu', 'tv-1', 'tv-2', 'tv-9'].map((m) => ballotStream('s-2', awBa, m)),
      ballotStream('s-2', pefHoa, 'tv-1'),
    ];
    await expectRefused(
      t,
      streams,
      CAST,
      ballot('gv-ba'),
      { code: 'RULE_VIOLATION', rule: 'CONFLICT_OF_INTEREST', reason: 'NOMINEE', memberId: 'gv-ba' },
      asMember('gv-ba'),
    );
    await expectRefused(
      t,
      streams,
      CAST,
      ballot('gv-tu'),
      { code: 'RULE_VIOLATION', rule: 'CONFLICT_OF_INTEREST', reason: 'NOMINEE_UNIT' },
      asMember('gv-tu'),
    );

    const first = await mutate(t, CAST, ballot('tv-1'), asMember('tv-1'));
    expect(first).toMatchObject({
      id: `s-2~${awBa}~tv-1`,
      streamId: ballotStream('s-2', awBa, 'tv-1'),
      version: 1,
      eventTypes: ['BallotCast'],
    });
    expect((await streamEvents(t, 'council_session-s-2')).map((e) => e.type)).toEqual(['CouncilSessionConvened']);
    const error = await expectRefused(
      t,
      streams,
      CAST,
      ballot('tv-1', awBa, 'REJECT'),
      { code: 'RULE_VIOLATION', rule: 'ALREADY_VOTED', memberId: 'tv-1' },
      asMember('tv-1'),
    );
    expect(JSON.stringify(error)).not.toMatch(/APPROVE/); // the earlier choice stays secret

    await expectRefused(t, streams, CAST, ballot('tv-2'), { code: 'FORBIDDEN' }, asMember('tv-1'));
    await expectRefused(t, streams, CAST, ballot('tv-2'), { code: 'FORBIDDEN' }, UNIT_OFFICER);
    await expectRefused(t, streams, CAST, ballot('tv-2'), { code: 'UNAUTHENTICATED' }, null);
    await mutate(t, CAST, ballot('tv-2'), SECRETARIAT);
    const [written] = await streamEvents(t, ballotStream('s-2', awBa, 'tv-2'));
    expect(written.data).toMatchObject({
      memberId: 'tv-2',
      castBy: 'secretariat-1',
      writtenBallot: true,
      choice: 'APPROVE',
    });
    expect((await streamEvents(t, ballotStream('s-2', awBa, 'tv-1'))).map((e) => e.data)).toEqual([
      expect.objectContaining({ memberId: 'tv-1', castBy: 'tv-1', writtenBallot: false }),
    ]);

    await expectRefused(
      t,
      streams,
      CAST,
      ballot('tv-9'),
      { code: 'RULE_VIOLATION', rule: 'NOT_A_MEMBER' },
      asMember('tv-9'),
    );
    await expectRefused(
      t,
      streams,
      CAST,
      ballot('tv-1', pefHoa),
      { code: 'RULE_VIOLATION', rule: 'NOT_ON_AGENDA' },
      asMember('tv-1'),
    );
    await expectRefused(t, streams, CAST, ballot('tv-1', awBa, 'MAYBE'), { code: 'BAD_USER_INPUT' }, asMember('tv-1'));
    await expectRefused(
      t,
      ['council_session-nope', ballotStream('nope', awBa, 'tv-1')],
      CAST,
      { input: { sessionId: 'nope', dossierId: awBa, memberId: 'tv-1', choice: 'APPROVE' } },
      { code: 'NOT_FOUND', entity: 'CouncilSession', id: 'nope' },
      asMember('tv-1'),
    );
  });

  it('needs a quorum of 2/3 of the members who may vote on each dossier; a withdrawn agenda dossier needs none and keeps its state', async () => {
    const streams = ['council_session-s-2', `dossier-${awBa}`, `dossier-${awAn}`];
    // Ba's dossier has ballots from both members who may vote on it; An's has none of 4.
    const refusal = await expectRefused(
      t,
      streams,
      CLOSE,
      { sessionId: 's-2' },
      { code: 'RULE_VIOLATION', rule: 'COUNCIL_QUORUM', dossierId: awAn, cast: 0, members: 4, barred: 0, needed: 3 },
    );
    expect(refusal.message).toContain(`dossier ${awAn}`);
    expect(refusal.message).not.toContain(`dossier ${awBa}`);
    // Members barred from one dossier still vote on the others.
    await mutate(
      t,
      CAST,
      { input: { sessionId: 's-2', dossierId: awAn, memberId: 'gv-ba', choice: 'APPROVE' } },
      asMember('gv-ba'),
    );
    // The proposing department withdraws its dossier.
    await mutate(
      t,
      WITHDRAW,
      { dossierId: awAn, reason: 'Chuyển công tác' },
      { sub: 'officer-so', role: 'UNIT_OFFICER', unitId: ORG.education },
    );

    const closed = await mutate(t, CLOSE, { sessionId: 's-2' });
    expect(closed).toMatchObject({
      id: 's-2',
      streamId: 'council_session-s-2',
      eventTypes: ['CouncilSessionClosed'],
    });
    await caughtUp(t, closed.position);
    const closing = (await streamEvents(t, 'council_session-s-2')).at(-1)!;
    expect(closing.data).toMatchObject({ members: 4, membersVoted: 3 });
    expect(closing.data.countedBallots).toEqual([
      { dossierId: awBa, memberId: 'tv-1', ballotStreamId: ballotStream('s-2', awBa, 'tv-1') },
      { dossierId: awBa, memberId: 'tv-2', ballotStreamId: ballotStream('s-2', awBa, 'tv-2') },
      { dossierId: awAn, memberId: 'gv-ba', ballotStreamId: ballotStream('s-2', awAn, 'gv-ba') },
    ]);
    // The two members of Ba's school are barred from her dossier and left out of its denominator:
    // 2 approvals of the 2 members who may vote on it is more than half.
    const [baTally] = closing.data.tallies;
    expect(baTally).toEqual({
      dossierId: awBa,
      tally: {
        approve: 2,
        reject: 0,
        abstain: 0,
        members: 2,
        barred: 2,
        thresholdShare: 0.5,
        thresholdInclusive: false,
        approved: true,
      },
    });
    expect((await streamEvents(t, `dossier-${awBa}`)).at(-1)!.data).toMatchObject({
      sessionId: 's-2',
      approved: true,
      tally: baTally.tally,
    });
    expect((await streamEvents(t, `dossier-${awAn}`)).map((e) => e.type)).toEqual([
      'DossierSubmitted',
      'DossierAppraised',
      'DossierWithdrawn',
    ]);
  });

  it('tallies against 90% of all nine members: 8 approvals reject a provincial emulation fighter, 9 approve; the close resolves every dossier as its consequence', async () => {
    const choose = (dossierId: string, memberId: string) =>
      dossierId === pefHoa && memberId === 'tv-9' ? BallotChoice.REJECT : BallotChoice.APPROVE;
    const cast = (dossierId: string, memberId: string) =>
      mutate(
        t,
        CAST,
        { input: { sessionId: 's-1', dossierId, memberId, choice: choose(dossierId, memberId) } },
        asMember(memberId),
      );
    for (const memberId of MEMBERS.slice(0, 5)) await cast(pefHoa, memberId);
    const streams = ['council_session-s-1', `dossier-${pefHoa}`, `dossier-${pefNam}`];
    await expectRefused(
      t,
      streams,
      CLOSE,
      { sessionId: 's-1' },
      { code: 'RULE_VIOLATION', rule: 'COUNCIL_QUORUM', cast: 5, members: 9, needed: 6 },
    );
    for (const memberId of MEMBERS.slice(5)) await cast(pefHoa, memberId);
    // Ballots arriving at once: each lands on its own stream.
    const together = await Promise.all(MEMBERS.map((memberId) => cast(pefNam, memberId)));
    expect(together.map((r) => r.version)).toEqual(MEMBERS.map(() => 1));

    const closed = await mutate(t, CLOSE, { sessionId: 's-1' });
    expect(closed.eventTypes).toEqual(['CouncilSessionClosed']);
    expect(closed.position).toBe(await lastPosition(t, ['council_session-s-1']));
    const session = await streamEvents(t, 'council_session-s-1');
    expect(session.map((e) => e.type)).toEqual(['CouncilSessionConvened', 'CouncilSessionClosed']);
    expect(session[1].data.countedBallots).toHaveLength(18);
    await caughtUp(t, closed.position);

    const hoaResolved = (await streamEvents(t, `dossier-${pefHoa}`)).at(-1)!;
    expect(hoaResolved.type).toBe('DossierResolved');
    expect(hoaResolved.data).toMatchObject({
      approved: false,
      tally: {
        approve: 8,
        reject: 1,
        abstain: 0,
        members: 9,
        thresholdShare: 0.9,
        thresholdInclusive: true,
        approved: false,
      },
    });
    expect(hoaResolved.metadata).toMatchObject({ ruleSetId: 'tdkt-2025', causationId: 'council_session-s-1@2' });
    const namResolved = (await streamEvents(t, `dossier-${pefNam}`)).at(-1)!;
    expect(namResolved.data).toMatchObject({ approved: true, tally: { approve: 9, members: 9, approved: true } });

    await expectRefused(t, streams, CLOSE, { sessionId: 's-1' }, { code: 'RULE_VIOLATION', rule: 'SESSION_CLOSED' });
    await expectRefused(
      t,
      streams,
      CAST,
      { input: { sessionId: 's-1', dossierId: pefNam, memberId: 'tv-1', choice: 'REJECT' } },
      { code: 'RULE_VIOLATION', rule: 'SESSION_CLOSED' },
      asMember('tv-1'),
    );
    await expectRefused(t, ['council_session-nope'], CLOSE, { sessionId: 'nope' }, { code: 'NOT_FOUND' });
    // A resolved dossier cannot go before another council.
    await expectRefused(
      t,
      ['council_session-s-3'],
      CONVENE,
      { input: { id: 's-3', councilUnitId: ORG.homeAffairs, heldOn: TODAY, memberIds: MEMBERS, dossierIds: [pefNam] } },
      {
        code: 'RULE_VIOLATION',
        rule: 'DOSSIER_NOT_ELIGIBLE',
        status: 'APPROVED',
      },
    );
  });
});
