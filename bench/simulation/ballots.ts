/** Who attends a council session, how each member votes on each dossier, and the ballots cast. */
import { ballotDecider, ballotStreamKey } from '../../src/ballots/ballot.decider';
import { castBallotCommand } from '../../src/ballots/ballot.commands';
import { councilSessionDecider } from '../../src/councilSessions/councilSession.decider';
import { dossierDecider } from '../../src/dossiers/dossier.decider';
import { personDecider } from '../../src/people/person.decider';
import { BallotChoice, SubjectKind } from '../../src/shared/domain';
import type { Actor, CouncilInfo } from '../province';
import { MINUTE } from './calendar';
import type { RoundDossier } from './dossiers';
import type { Simulation } from './simulation';

export interface Attendance {
  /** Members not in the room. */
  absent: Set<string>;
  /** Absent members who vote in writing (the secretariat records their ballots). */
  written: Set<string>;
  /** Members whose votes make a quorum: two thirds. */
  needed: number;
}

interface Ballot {
  dossierId: string;
  memberId: string;
  choice: BallotChoice;
}

/** The secret-ballot round lasts ten minutes. */
const VOTE_SPAN = 10 * MINUTE;

/** Some members are absent; half of them vote in writing, more when the quorum needs them. */
export function attendanceOf(sim: Simulation, council: CouncilInfo): Attendance {
  const absent = new Set(council.memberIds.filter(() => sim.rng.chance(0.08)));
  const written = new Set([...absent].filter(() => sim.rng.chance(0.5)));
  const needed = Math.ceil((2 * council.memberIds.length) / 3);
  for (const id of absent) if (council.memberIds.length - absent.size + written.size < needed) written.add(id);
  return { absent, written, needed };
}

/**
 * Every voting member's choice on every dossier: nobody votes on their own dossier or
 * their own unit's; a few dossiers are controversial.
 */
export function ballotsOf(
  sim: Simulation,
  council: CouncilInfo,
  items: RoundDossier[],
  attendance: Attendance,
): Ballot[] {
  const ballots: Ballot[] = [];
  for (const item of items) {
    const dossier = sim.state(dossierDecider, item.dossierId);
    if (dossier.status === 'NONE') continue;
    const controversial = sim.rng.chance(0.03);
    for (const memberId of council.memberIds) {
      if (attendance.absent.has(memberId) && !attendance.written.has(memberId)) continue;
      const member = sim.province.personById.get(memberId)!;
      const memberUnit = sim.state(personDecider, memberId);
      const memberUnitId = memberUnit.status === 'NONE' ? member.unitId : memberUnit.unitId;
      if (
        (dossier.nominee.kind === SubjectKind.INDIVIDUAL && dossier.nominee.id === memberId) ||
        memberUnitId === dossier.nomineeUnitId ||
        (dossier.nominee.kind === SubjectKind.COLLECTIVE && memberUnitId === dossier.nominee.id)
      )
        continue;
      ballots.push({ dossierId: item.dossierId, memberId, choice: choiceOf(sim, controversial) });
    }
  }
  return ballots;
}

function choiceOf(sim: Simulation, controversial: boolean): BallotChoice {
  const approve = controversial ? 0.35 : 0.93;
  const r = sim.rng.next();
  if (r < approve) return BallotChoice.APPROVE;
  return r < approve + (1 - approve) / 2 ? BallotChoice.REJECT : BallotChoice.ABSTAIN;
}

/**
 * The ballots spread over the voting round from `voteFrom`, each on its own stream (the
 * session is only read); written ballots are cast by the secretariat.
 */
export function scheduleBallots(
  sim: Simulation,
  council: CouncilInfo,
  sessionId: string,
  ballots: Ballot[],
  attendance: Attendance,
  voteFrom: number,
): void {
  ballots.forEach((ballot, i) => {
    const at = voteFrom + Math.floor((VOTE_SPAN * i) / Math.max(1, ballots.length));
    const inPerson = !attendance.written.has(ballot.memberId);
    const member = sim.province.personById.get(ballot.memberId)!;
    const actor: Actor = inPerson
      ? { actorId: ballot.memberId, role: 'COUNCIL_MEMBER', unitId: member.unitId }
      : council.secretariat;
    sim.at(at, () =>
      sim.run(
        at,
        actor,
        'castBallot',
        () => ({
          input: { sessionId, dossierId: ballot.dossierId, memberId: ballot.memberId, choice: ballot.choice },
        }),
        (tx) => {
          const request = { sessionId, ...ballot };
          const key = ballotStreamKey(sessionId, ballot.dossierId, ballot.memberId);
          const session = tx.load(councilSessionDecider, sessionId).state;
          tx.decide(ballotDecider, tx.load(ballotDecider, key), castBallotCommand(tx, request, session));
        },
      ),
    );
  });
}
