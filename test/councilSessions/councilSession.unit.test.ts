import { AwardKind, BallotChoice, DossierStatus, SubjectKind } from '../../src/shared/domain';
import { InvalidInput, NotFound } from '../../src/shared/errors';
import { ballotStreamIdOf } from '../../src/ballots/ballot.decider';
import type { CouncilMember, CouncilSessionConvened } from '../../src/councilSessions/councilSession.events';
import {
  conflictOfInterest,
  councilSessionDecider,
  quorumNeeded,
  tallyBallots,
  type BallotToCount,
  type CloseCouncilSession,
  type ConveneCouncilSession,
} from '../../src/councilSessions/councilSession.decider';
import { NO_PUBLICATION_REQUIRED } from '../../src/councilSessions/councilSession.publication';
import { deciderSpec, frozenDecider } from '../support/deciderSpec';

const spec = deciderSpec(frozenDecider(councilSessionDecider));
const NOW = '2023-12-15T02:00:00.000Z';
const LATER = '2023-12-15T09:00:00.000Z';

/** Members m-1 … m-n, each in their own unit mu-1 … mu-n. */
function members(n: number): CouncilMember[] {
  return Array.from({ length: n }, (_, i) => ({
    personId: `m-${i + 1}`,
    name: `Thành viên ${i + 1}`,
    unitId: `mu-${i + 1}`,
  }));
}

type AgendaInput = ConveneCouncilSession['data']['agenda'][number];

const fighter: AgendaInput = {
  dossierId: 'd-1',
  award: AwardKind.PROVINCIAL_EMULATION_FIGHTER,
  nominee: { kind: SubjectKind.INDIVIDUAL, id: 'p-100', name: 'Phạm Văn Cường' },
  nomineeUnitId: 'u-100',
  dossierStatus: DossierStatus.ELIGIBLE,
  publication: NO_PUBLICATION_REQUIRED,
  thresholdShare: 0.9,
  thresholdInclusive: true,
};
const collective: AgendaInput = {
  dossierId: 'd-2',
  award: AwardKind.EXCELLENT_COLLECTIVE,
  nominee: { kind: SubjectKind.COLLECTIVE, id: 'u-200', name: 'Trường Tiểu học Hòa Bình' },
  nomineeUnitId: 'u-200',
  dossierStatus: DossierStatus.ELIGIBLE,
  publication: NO_PUBLICATION_REQUIRED,
  thresholdShare: 0.5,
  thresholdInclusive: false,
};

function convene(overrides: Partial<ConveneCouncilSession['data']> = {}): ConveneCouncilSession {
  return {
    type: 'ConveneCouncilSession',
    data: {
      sessionId: 's-1',
      councilUnitId: 'u-province',
      heldOn: '2023-12-15',
      members: members(9),
      agenda: [fighter, collective],
      now: NOW,
      ...overrides,
    },
  };
}

function convened(
  memberList: CouncilMember[] = members(9),
  agenda: AgendaInput[] = [fighter, collective],
): CouncilSessionConvened {
  return {
    type: 'CouncilSessionConvened',
    data: {
      sessionId: 's-1',
      councilUnitId: 'u-province',
      heldOn: '2023-12-15',
      members: memberList,
      agenda: agenda.map(({ dossierStatus: _status, publication: _publication, ...item }) => item),
      convenedAt: NOW,
    },
  };
}

/** The ballot of `memberId` on `dossierId` as the close reads it from its stream. */
function ballot(memberId: string, choice: BallotChoice, dossierId = 'd-1'): BallotToCount {
  return { dossierId, memberId, ballotStreamId: ballotStreamIdOf('s-1', dossierId, memberId), choice };
}

/** Ballots from members m-1 … m-n in order: `approve` APPROVE, then `reject` REJECT, then `abstain` ABSTAIN. */
function ballots(dossierId: string, approve: number, reject = 0, abstain = 0): BallotToCount[] {
  const choices = [
    ...Array<BallotChoice>(approve).fill(BallotChoice.APPROVE),
    ...Array<BallotChoice>(reject).fill(BallotChoice.REJECT),
    ...Array<BallotChoice>(abstain).fill(BallotChoice.ABSTAIN),
  ];
  return choices.map((choice, i) => ballot(`m-${i + 1}`, choice, dossierId));
}

/** Closing with the ballots found on their streams. */
function close(found: BallotToCount[] = [], withdrawnDossierIds: string[] = []): CloseCouncilSession {
  return { type: 'CloseCouncilSession', data: { sessionId: 's-1', ballots: found, withdrawnDossierIds, now: LATER } };
}

function closedTallies(history: CouncilSessionConvened[], found: BallotToCount[]) {
  const [event] = spec.given(history).when(close(found)).events();
  if (event.type !== 'CouncilSessionClosed') throw new Error(`expected CouncilSessionClosed, got ${event.type}`);
  return Object.fromEntries(event.data.tallies.map((t) => [t.dossierId, t.tally]));
}

describe('ConveneCouncilSession', () => {
  it('given nothing, when convened with members and an agenda of ELIGIBLE dossiers, then CouncilSessionConvened', () => {
    spec.given([]).when(convene()).then([convened()]);
  });

  it('opens the session with no ballots', () => {
    expect(spec.given([]).when(convene()).stateAfter()).toMatchObject({
      status: 'OPEN',
      closedAt: null,
    });
  });

  it('given a session, when convened again, then ALREADY_EXISTS', () => {
    spec.given([convened()]).when(convene()).thenThrows('ALREADY_EXISTS', { sessionId: 's-1' });
  });

  it.each(Object.values(DossierStatus).filter((s) => s !== DossierStatus.ELIGIBLE))(
    'refuses a %s dossier on the agenda: DOSSIER_NOT_ELIGIBLE',
    (status) => {
      spec
        .given([])
        .when(convene({ agenda: [fighter, { ...collective, dossierStatus: status }] }))
        .thenThrows('DOSSIER_NOT_ELIGIBLE', { dossierId: 'd-2', status });
    },
  );

  it('accepts a single member and a single dossier (the minimum)', () => {
    expect(
      spec
        .given([])
        .when(convene({ members: members(1), agenda: [fighter] }))
        .events(),
    ).toHaveLength(1);
  });

  it('refuses no members, a member twice, an empty agenda, a dossier twice', () => {
    spec
      .given([])
      .when(convene({ members: [] }))
      .thenThrows(InvalidInput, { field: 'memberIds' });
    spec
      .given([])
      .when(convene({ members: [...members(3), { ...members(3)[1], unitId: 'other' }] }))
      .thenThrows(InvalidInput, { field: 'memberIds' });
    spec
      .given([])
      .when(convene({ agenda: [] }))
      .thenThrows(InvalidInput, { field: 'dossierIds' });
    spec
      .given([])
      .when(convene({ agenda: [fighter, collective, { ...fighter }] }))
      .thenThrows(InvalidInput, { field: 'dossierIds' });
  });

  it('refuses a threshold share outside [0, 1] and a malformed date', () => {
    spec
      .given([])
      .when(convene({ agenda: [{ ...fighter, thresholdShare: 1.1 }] }))
      .thenThrows(InvalidInput, { field: 'agenda[0].thresholdShare' });
    spec
      .given([])
      .when(convene({ agenda: [fighter, { ...collective, thresholdShare: -0.1 }] }))
      .thenThrows(InvalidInput, { field: 'agenda[1].thresholdShare' });
    spec
      .given([])
      .when(convene({ heldOn: '2023-02-30' }))
      .thenThrows(InvalidInput, { field: 'heldOn' });
  });
});

describe('CloseCouncilSession', () => {
  /** Each agenda dossier with ballots from the first `n` members. */
  const onBoth = (n: number) => [...ballots('d-1', n), ...ballots('d-2', n)];
  const fighterOnly = (roster: CouncilMember[] = members(9)) => convened(roster, [fighter]);
  const collectiveOnly = (roster: CouncilMember[] = members(9)) => convened(roster, [collective]);

  describe('quorum: on every dossier, ballots from at least 2/3 of the members who may vote on it', () => {
    it.each([
      [1, 1],
      [2, 2],
      [3, 2],
      [4, 3],
      [8, 6],
      [9, 6],
      [10, 7],
      [12, 8],
      [15, 10],
    ])('%i members need %i', (memberCount, needed) => {
      expect(quorumNeeded(memberCount)).toBe(needed);
    });

    it('given 6 of 9 members voted on each dossier (exactly 2/3), then the session closes', () => {
      const [event] = spec
        .given([convened()])
        .when(close(onBoth(6)))
        .events();
      expect(event).toMatchObject({
        type: 'CouncilSessionClosed',
        data: { sessionId: 's-1', closedAt: LATER, members: 9, membersVoted: 6 },
      });
    });

    it('given one dossier short of its quorum, then COUNCIL_QUORUM naming it, whatever the other has', () => {
      const error = spec
        .given([convened()])
        .when(close([...ballots('d-1', 9), ...ballots('d-2', 5)]))
        .thenThrows('COUNCIL_QUORUM', { dossierId: 'd-2', cast: 5, members: 9, barred: 0, needed: 6 });
      expect(error.message).toContain(
        'dossier d-2 (Trường Tiểu học Hòa Bình, EXCELLENT_COLLECTIVE) has 5 of 9 ballots',
      );
      expect(error.message).not.toContain('dossier d-1');
    });

    it('given 10 members, 7 voters close and 6 do not', () => {
      spec
        .given([fighterOnly(members(10))])
        .when(close(ballots('d-1', 7)))
        .events();
      spec
        .given([fighterOnly(members(10))])
        .when(close(ballots('d-1', 6)))
        .thenThrows('COUNCIL_QUORUM', { cast: 6, members: 10, needed: 7 });
    });

    it('counts each dossier on its own: six members split over two dossiers are no quorum', () => {
      const split = [
        ...ballots('d-1', 3),
        ballot('m-4', BallotChoice.APPROVE, 'd-2'),
        ballot('m-5', BallotChoice.REJECT, 'd-2'),
        ballot('m-6', BallotChoice.ABSTAIN, 'd-2'),
      ];
      const error = spec.given([convened()]).when(close(split)).thenThrows('COUNCIL_QUORUM', { dossierId: 'd-1' });
      expect(error.message).toContain('dossier d-1');
      expect(error.message).toContain('dossier d-2');
    });

    it('leaves members barred from a dossier out of its quorum', () => {
      // 10 members, 2 of them in the nominee's unit: 8 may vote, 6 of them are a quorum.
      const roster = members(10).map((m, i) => (i >= 8 ? { ...m, unitId: fighter.nomineeUnitId } : m));
      spec
        .given([fighterOnly(roster)])
        .when(close(ballots('d-1', 6)))
        .events();
      spec
        .given([fighterOnly(roster)])
        .when(close(ballots('d-1', 5)))
        .thenThrows('COUNCIL_QUORUM', { dossierId: 'd-1', cast: 5, members: 8, barred: 2, needed: 6 });
    });

    it('refuses to close while no member may vote on a dossier at all', () => {
      const everyoneInTheUnit = members(3).map((m) => ({ ...m, unitId: collective.nomineeUnitId }));
      spec
        .given([collectiveOnly(everyoneInTheUnit)])
        .when(close())
        .thenThrows('COUNCIL_QUORUM', { dossierId: 'd-2', cast: 0, members: 0, barred: 3, needed: 1 });
    });

    it('needs no quorum on a dossier withdrawn since the session convened', () => {
      spec
        .given([convened()])
        .when(close(ballots('d-1', 6), ['d-2']))
        .events();
      spec
        .given([convened()])
        .when(close(ballots('d-2', 6), ['d-2']))
        .thenThrows('COUNCIL_QUORUM', { dossierId: 'd-1' });
    });

    it('given no ballots, then COUNCIL_QUORUM', () => {
      spec
        .given([convened()])
        .when(close())
        .thenThrows('COUNCIL_QUORUM', { dossierId: 'd-1', cast: 0, members: 9, needed: 6 });
    });
  });

  describe('tallies over all members who may vote on the dossier', () => {
    it('0.9 inclusive: 8 of 9 approvals reject, 9 of 9 approve', () => {
      expect(closedTallies([fighterOnly()], ballots('d-1', 8, 1))['d-1']).toEqual({
        approve: 8,
        reject: 1,
        abstain: 0,
        members: 9,
        barred: 0,
        thresholdShare: 0.9,
        thresholdInclusive: true,
        approved: false,
      });
      expect(closedTallies([fighterOnly()], ballots('d-1', 9))['d-1']).toMatchObject({
        approve: 9,
        members: 9,
        approved: true,
      });
    });

    it('0.9 inclusive over 10 members: exactly 9 approve (= 0.9), 8 do not', () => {
      expect(closedTallies([fighterOnly(members(10))], ballots('d-1', 9, 1))['d-1'].approved).toBe(true);
      expect(closedTallies([fighterOnly(members(10))], ballots('d-1', 8, 2))['d-1'].approved).toBe(false);
    });

    it('0.5 exclusive: 5 of 10 approvals reject, 6 of 10 approve', () => {
      expect(closedTallies([collectiveOnly(members(10))], ballots('d-2', 5, 5))['d-2']).toEqual({
        approve: 5,
        reject: 5,
        abstain: 0,
        members: 10,
        barred: 0,
        thresholdShare: 0.5,
        thresholdInclusive: false,
        approved: false,
      });
      expect(closedTallies([collectiveOnly(members(10))], ballots('d-2', 6, 4))['d-2']).toMatchObject({
        approve: 6,
        approved: true,
      });
    });

    it('abstentions and absent members count as members but not as approvals', () => {
      // 9 members: 4 approve, 3 abstain, 2 absent → 4/9 ≤ 0.5 → rejected
      expect(closedTallies([collectiveOnly()], ballots('d-2', 4, 0, 3))['d-2']).toEqual({
        approve: 4,
        reject: 0,
        abstain: 3,
        members: 9,
        barred: 0,
        thresholdShare: 0.5,
        thresholdInclusive: false,
        approved: false,
      });
      // 9 members: 5 approve, 4 abstain → 5/9 > 0.5 → approved
      expect(closedTallies([collectiveOnly()], ballots('d-2', 5, 0, 4))['d-2']).toMatchObject({
        approve: 5,
        abstain: 4,
        approved: true,
      });
    });

    it('tallies every agenda dossier in agenda order', () => {
      const tallies = closedTallies([convened()], [...ballots('d-1', 6), ...ballots('d-2', 0, 6)]);
      expect(Object.keys(tallies)).toEqual(['d-1', 'd-2']);
      expect(tallies['d-2']).toMatchObject({ approve: 0, reject: 6, members: 9, approved: false });
    });

    it('leaves barred members out of the denominator, so 90% stays reachable', () => {
      // 10 members, 2 in the nominee's unit: 8 may vote; 8 of 8 approve, 7 of 8 (87.5%) do not.
      const roster = members(10).map((m, i) => (i >= 8 ? { ...m, unitId: fighter.nomineeUnitId } : m));
      expect(closedTallies([fighterOnly(roster)], ballots('d-1', 8))['d-1']).toMatchObject({
        approve: 8,
        members: 8,
        barred: 2,
        approved: true,
      });
      expect(closedTallies([fighterOnly(roster)], ballots('d-1', 7, 1))['d-1']).toMatchObject({
        members: 8,
        barred: 2,
        approved: false,
      });
    });

    it('bars the individual nominee from its own dossier', () => {
      // 4 members, one is the nominee: 3 approvals of the 3 who may vote → approved.
      const roster: CouncilMember[] = [{ personId: 'p-100', name: 'Phạm Văn Cường', unitId: 'u-x' }, ...members(3)];
      expect(closedTallies([fighterOnly(roster)], ballots('d-1', 3))['d-1']).toMatchObject({
        approve: 3,
        members: 3,
        barred: 1,
        approved: true,
      });
    });
  });

  it('marks the session closed', () => {
    expect(
      spec
        .given([convened()])
        .when(close(onBoth(6)))
        .stateAfter(),
    ).toMatchObject({
      status: 'CLOSED',
      closedAt: LATER,
    });
  });

  it('given a closed session, when closed again, then SESSION_CLOSED', () => {
    const [closed] = spec
      .given([convened()])
      .when(close(onBoth(6)))
      .events();
    spec
      .given([convened(), closed])
      .when(close(onBoth(9)))
      .thenThrows('SESSION_CLOSED', { sessionId: 's-1', closedAt: LATER });
  });

  describe('the ballots it counted', () => {
    it('lists every ballot in the tallies by dossier, member and stream, in agenda and member order, never a choice', () => {
      const found = [
        ballot('m-3', BallotChoice.REJECT, 'd-2'),
        ...ballots('d-1', 5, 1),
        ballot('m-1', BallotChoice.ABSTAIN, 'd-2'),
        ...['m-6', 'm-2', 'm-5', 'm-4'].map((memberId) => ballot(memberId, BallotChoice.APPROVE, 'd-2')),
      ];
      const [event] = spec.given([convened()]).when(close(found)).events();
      if (event.type !== 'CouncilSessionClosed') throw new Error(`expected CouncilSessionClosed, got ${event.type}`);
      expect(event.data.countedBallots).toEqual(
        [
          ...['m-1', 'm-2', 'm-3', 'm-4', 'm-5', 'm-6'].map((memberId) => ['d-1', memberId]),
          ...['m-1', 'm-2', 'm-3', 'm-4', 'm-5', 'm-6'].map((memberId) => ['d-2', memberId]),
        ].map(([dossierId, memberId]) => ({
          dossierId,
          memberId,
          ballotStreamId: `ballot-s-1~${dossierId}~${memberId}`,
        })),
      );
      expect(JSON.stringify(event.data.countedBallots)).not.toMatch(/APPROVE|REJECT|ABSTAIN/);
      expect(event.data.tallies.map((t) => t.tally.approve + t.tally.reject + t.tally.abstain)).toEqual([6, 6]);
    });

    it('refuses a ballot of a dossier off the agenda or of a non-member, and two ballots of one pair', () => {
      spec
        .given([convened()])
        .when(close([...ballots('d-1', 6), ballot('m-1', BallotChoice.APPROVE, 'd-9')]))
        .thenThrows(InvalidInput, { field: 'ballots' });
      spec
        .given([convened()])
        .when(close([...ballots('d-1', 6), ballot('m-10', BallotChoice.APPROVE)]))
        .thenThrows(InvalidInput, { field: 'ballots' });
      spec
        .given([convened()])
        .when(close([...ballots('d-1', 6), ballot('m-1', BallotChoice.REJECT)]))
        .thenThrows(InvalidInput, { field: 'ballots' });
    });
  });

  it('given no session, then NotFound', () => {
    spec.given([]).when(close()).thenThrows(NotFound, { entity: 'CouncilSession', id: 's-1' });
  });
});

describe('conflictOfInterest', () => {
  const schoolMember: CouncilMember = { personId: 'm-school', name: 'Võ Thị Em', unitId: 'u-200' };
  const outsider: CouncilMember = { personId: 'm-out', name: 'Hoàng Văn Giang', unitId: 'u-300' };

  it('judges the collective by the nominee id too, when the nominee unit differs', () => {
    const item = { ...collective, nomineeUnitId: 'u-parent' };
    expect(conflictOfInterest(schoolMember, item)).toBe('NOMINEE_UNIT');
    expect(conflictOfInterest({ ...outsider, unitId: 'u-parent' }, item)).toBe('NOMINEE_UNIT');
    expect(conflictOfInterest(outsider, item)).toBeNull();
  });

  it('does not treat a member whose person id equals a collective nominee id as the nominee', () => {
    expect(
      conflictOfInterest({ personId: 'u-200', name: 'x', unitId: 'u-300' }, { ...collective, nomineeUnitId: 'u-200' }),
    ).toBeNull();
  });
});

describe('tallyBallots', () => {
  const approve = (n: number) => Array<BallotChoice>(n).fill(BallotChoice.APPROVE);

  it.each([
    [8, 9, 0.9, true, false],
    [9, 9, 0.9, true, true],
    [5, 10, 0.5, false, false],
    [6, 10, 0.5, false, true],
    [5, 10, 0.5, true, true],
    [7, 10, 0.7, true, true],
    [7, 10, 0.7, false, false],
    [2, 3, 2 / 3, true, true],
    [0, 1, 0, true, true],
    [0, 1, 0, false, false],
    [1, 1, 1, true, true],
    [1, 1, 1, false, false],
  ])(
    '%i approvals of %i members against %d (inclusive %s): approved %s',
    (approvals, memberCount, share, inclusive, expected) => {
      expect(tallyBallots(approve(approvals), memberCount, share, inclusive).approved).toBe(expected);
    },
  );

  it('counts each choice', () => {
    expect(
      tallyBallots(
        [BallotChoice.APPROVE, BallotChoice.REJECT, BallotChoice.ABSTAIN, BallotChoice.APPROVE, BallotChoice.ABSTAIN],
        7,
        0.5,
        false,
      ),
    ).toEqual({
      approve: 2,
      reject: 1,
      abstain: 2,
      members: 7,
      barred: 0,
      thresholdShare: 0.5,
      thresholdInclusive: false,
      approved: false,
    });
  });

  it('records the barred members beside the denominator', () => {
    expect(tallyBallots(approve(7), 8, 0.9, true, 2)).toMatchObject({ members: 8, barred: 2, approved: false });
    expect(tallyBallots(approve(8), 8, 0.9, true, 2)).toMatchObject({ members: 8, barred: 2, approved: true });
  });
});
