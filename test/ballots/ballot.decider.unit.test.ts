import {
  ballotDecider,
  ballotStreamIdOf,
  ballotStreamKey,
  type BallotSessionFacts,
  type CastBallot,
} from '../../src/ballots/ballot.decider';
import type { BallotCast } from '../../src/ballots/ballot.events';
import { ballotSessionFactsOf } from '../../src/ballots/ballot.facts';
import type { AgendaItem, CouncilMember } from '../../src/councilSessions/councilSession.events';
import { councilSessionDecider } from '../../src/councilSessions/councilSession.decider';
import { fold } from '../../src/shared/decider';
import { AwardKind, BallotChoice, SubjectKind } from '../../src/shared/domain';
import { InvalidInput, NotFound } from '../../src/shared/errors';
import { deciderSpec, frozenDecider } from '../support/deciderSpec';

const spec = deciderSpec(frozenDecider(ballotDecider));
const NOW = '2023-12-15T02:00:00.000Z';
const CLOSED_AT = '2023-12-15T09:00:00.000Z';

const fighter: AgendaItem = {
  dossierId: 'd-1',
  award: AwardKind.PROVINCIAL_EMULATION_FIGHTER,
  nominee: { kind: SubjectKind.INDIVIDUAL, id: 'p-100', name: 'Phạm Văn Cường' },
  nomineeUnitId: 'u-100',
  thresholdShare: 0.9,
  thresholdInclusive: true,
};
const collective: AgendaItem = {
  dossierId: 'd-2',
  award: AwardKind.EXCELLENT_COLLECTIVE,
  nominee: { kind: SubjectKind.COLLECTIVE, id: 'u-200', name: 'Trường Tiểu học Hòa Bình' },
  nomineeUnitId: 'u-200',
  thresholdShare: 0.5,
  thresholdInclusive: false,
};
const memberOne: CouncilMember = { personId: 'm-1', name: 'Thành viên 1', unitId: 'mu-1' };

function openOn(item: AgendaItem | null = fighter, member: CouncilMember | null = memberOne): BallotSessionFacts {
  return { status: 'OPEN', closedAt: null, item, member };
}

function cast(overrides: Partial<CastBallot['data']> = {}): CastBallot {
  return {
    type: 'CastBallot',
    data: {
      sessionId: 's-1',
      dossierId: 'd-1',
      memberId: 'm-1',
      choice: BallotChoice.APPROVE,
      castBy: 'm-1',
      writtenBallot: false,
      session: openOn(),
      now: NOW,
      ...overrides,
    },
  };
}

function ballotCast(overrides: Partial<BallotCast['data']> = {}): BallotCast {
  return {
    type: 'BallotCast',
    data: {
      sessionId: 's-1',
      dossierId: 'd-1',
      memberId: 'm-1',
      memberName: 'Thành viên 1',
      choice: BallotChoice.APPROVE,
      castBy: 'm-1',
      writtenBallot: false,
      castAt: NOW,
      ...overrides,
    },
  };
}

describe('the ballot stream id', () => {
  it('joins the session, dossier and member ids with a character no id holds', () => {
    expect(ballotStreamKey('s-1', 'd-1', 'm-1')).toBe('s-1~d-1~m-1');
    expect(ballotStreamIdOf('phien:2025.1', 'hs_7', 'tv-1')).toBe('ballot-phien:2025.1~hs_7~tv-1');
  });

  it('keeps distinct triples apart even when their ids hold every separator ids may hold', () => {
    const triples = [
      ['a-b', 'c', 'd'],
      ['a', 'b-c', 'd'],
      ['a:b', 'c', 'd'],
      ['a', 'b:c', 'd'],
      ['a.b', 'c', 'd'],
      ['a', 'b.c', 'd'],
    ] as const;
    const keys = new Set(triples.map(([s, d, m]) => ballotStreamKey(s, d, m)));
    expect(keys.size).toBe(triples.length);
  });

  it('refuses an id outside the id alphabet, so no key is ambiguous', () => {
    expect(() => ballotStreamKey('s~1', 'd-1', 'm-1')).toThrow(InvalidInput);
    expect(() => ballotStreamKey('s-1', '', 'm-1')).toThrow(InvalidInput);
  });
});

describe('CastBallot', () => {
  it('given no ballot, when a member votes on an agenda dossier of an open session, then BallotCast with the choice', () => {
    spec.given([]).when(cast()).then([ballotCast()]);
  });

  it('records the written ballot of an absent member cast by the secretariat', () => {
    spec
      .given([])
      .when(cast({ choice: BallotChoice.REJECT, castBy: 'secretary-1', writtenBallot: true }))
      .then([ballotCast({ choice: BallotChoice.REJECT, castBy: 'secretary-1', writtenBallot: true })]);
  });

  it('refuses an in-person ballot cast by someone other than the member: NOT_OWN_BALLOT', () => {
    spec
      .given([])
      .when(cast({ castBy: 'm-3' }))
      .thenThrows('NOT_OWN_BALLOT', { memberId: 'm-1', castBy: 'm-3' });
  });

  it('given no session, then NotFound', () => {
    spec
      .given([])
      .when(cast({ session: null }))
      .thenThrows(NotFound, { entity: 'CouncilSession', id: 's-1' });
  });

  it('given a closed session, then SESSION_CLOSED', () => {
    spec
      .given([])
      .when(cast({ session: { ...openOn(), status: 'CLOSED', closedAt: CLOSED_AT } }))
      .thenThrows('SESSION_CLOSED', { sessionId: 's-1', closedAt: CLOSED_AT });
  });

  it('refuses a dossier that is not on the agenda: NOT_ON_AGENDA', () => {
    spec
      .given([])
      .when(cast({ dossierId: 'd-9', session: openOn(null) }))
      .thenThrows('NOT_ON_AGENDA', { dossierId: 'd-9' });
  });

  it('refuses a voter who is not a member: NOT_A_MEMBER', () => {
    spec
      .given([])
      .when(cast({ memberId: 'm-10', castBy: 'm-10', session: openOn(fighter, null) }))
      .thenThrows('NOT_A_MEMBER', { memberId: 'm-10' });
  });

  it('refuses facts about another dossier or member than the ballot names', () => {
    spec
      .given([])
      .when(cast({ dossierId: 'd-2' }))
      .thenThrows('NOT_ON_AGENDA', { dossierId: 'd-2' });
    spec
      .given([])
      .when(cast({ memberId: 'm-2', castBy: 'm-2' }))
      .thenThrows('NOT_A_MEMBER', { memberId: 'm-2' });
  });

  it('refuses an unknown choice', () => {
    spec
      .given([])
      .when(cast({ choice: 'MAYBE' as BallotChoice }))
      .thenThrows(InvalidInput, { field: 'choice' });
  });

  it('refuses a second ballot by the same member on the same dossier: ALREADY_VOTED, without revealing the choice', () => {
    const violation = spec
      .given([ballotCast({ choice: BallotChoice.REJECT })])
      .when(cast())
      .thenThrows('ALREADY_VOTED', { dossierId: 'd-1', memberId: 'm-1' });
    expect(JSON.stringify({ message: violation.message, extensions: violation.extensions })).not.toMatch(
      /REJECT|APPROVE|ABSTAIN/,
    );
  });

  it('keeps the choice in the state, for the close to count', () => {
    expect(
      spec
        .given([])
        .when(cast({ choice: BallotChoice.ABSTAIN }))
        .stateAfter(),
    ).toEqual({
      status: 'CAST',
      sessionId: 's-1',
      dossierId: 'd-1',
      memberId: 'm-1',
      choice: BallotChoice.ABSTAIN,
      castAt: NOW,
    });
  });

  describe('conflict of interest', () => {
    const nomineeMember: CouncilMember = { personId: 'p-100', name: 'Phạm Văn Cường', unitId: 'u-council' };
    const colleague: CouncilMember = { personId: 'm-colleague', name: 'Đặng Văn Dũng', unitId: 'u-100' };
    const schoolMember: CouncilMember = { personId: 'm-school', name: 'Võ Thị Em', unitId: 'u-200' };
    const outsider: CouncilMember = { personId: 'm-out', name: 'Hoàng Văn Giang', unitId: 'u-300' };
    const vote = (member: CouncilMember, item: AgendaItem) =>
      cast({
        dossierId: item.dossierId,
        memberId: member.personId,
        castBy: member.personId,
        session: openOn(item, member),
      });

    it('refuses the nominee voting on their own dossier', () => {
      spec
        .given([])
        .when(vote(nomineeMember, fighter))
        .thenThrows('CONFLICT_OF_INTEREST', { dossierId: 'd-1', memberId: 'p-100', reason: 'NOMINEE' });
    });

    it("refuses a member of the nominee's unit", () => {
      spec
        .given([])
        .when(vote(colleague, fighter))
        .thenThrows('CONFLICT_OF_INTEREST', { dossierId: 'd-1', memberId: 'm-colleague', reason: 'NOMINEE_UNIT' });
    });

    it('refuses a member of the nominated collective', () => {
      spec
        .given([])
        .when(vote(schoolMember, collective))
        .thenThrows('CONFLICT_OF_INTEREST', { dossierId: 'd-2', reason: 'NOMINEE_UNIT' });
    });

    it('lets the same members vote on the dossiers they have no stake in, and an outsider on all', () => {
      const allowed: Array<[CouncilMember, AgendaItem]> = [
        [nomineeMember, collective],
        [colleague, collective],
        [schoolMember, fighter],
        [outsider, fighter],
        [outsider, collective],
      ];
      for (const [member, item] of allowed) expect(spec.given([]).when(vote(member, item)).events()).toHaveLength(1);
    });
  });
});

describe('the facts a ballot reads from its session', () => {
  const convened = {
    type: 'CouncilSessionConvened' as const,
    data: {
      sessionId: 's-1',
      councilUnitId: 'u-province',
      heldOn: '2023-12-15',
      members: [memberOne],
      agenda: [fighter, collective],
      convenedAt: NOW,
    },
  };

  it('picks the agenda item and the member, null where the session has none', () => {
    const session = fold(councilSessionDecider, [convened]);
    expect(ballotSessionFactsOf(session, 'd-2', 'm-1')).toEqual(openOn(collective, memberOne));
    expect(ballotSessionFactsOf(session, 'd-9', 'm-9')).toEqual(openOn(null, null));
    expect(ballotSessionFactsOf(fold(councilSessionDecider, []), 'd-1', 'm-1')).toBeNull();
  });
});
