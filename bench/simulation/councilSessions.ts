/**
 * Council rounds: on the session day each council convenes on its ELIGIBLE dossiers of
 * the round, members vote in secret ballots, the session closes and resolves the
 * dossiers, and the award decisions follow a few days later.
 */
import { ballotDecider } from '../../src/ballots/ballot.decider';
import { ballotSlotsOf, ballotToCount } from '../../src/ballots/sessionBallots';
import { councilSessionDecider, type ConveneCouncilSession } from '../../src/councilSessions/councilSession.decider';
import { dossierDecider } from '../../src/dossiers/dossier.decider';
import { agendaItemOf } from '../../src/councilSessions/councilSession.commands';
import { addDays, DossierStatus, SubjectKind } from '../../src/shared/domain';
import type { Actor, CouncilInfo } from '../province';
import { scheduleDecisions } from './awards';
import { attendanceOf, ballotsOf, scheduleBallots } from './ballots';
import { dayStart, MINUTE } from './calendar';
import type { RoundDossier } from './dossiers';
import type { Simulation } from './simulation';
import type { SimTransaction } from './transaction';

/** At most this many dossiers on one session's agenda; a council with more meets again the next day. */
const MAX_AGENDA = 60;

export function councilRound(sim: Simulation, round: RoundDossier[], sessionDay: string): void {
  sim.at(dayStart(sessionDay), () => {
    const byCouncil = new Map<CouncilInfo, RoundDossier[]>();
    for (const item of round) {
      const state = sim.state(dossierDecider, item.dossierId);
      if (state.status !== DossierStatus.ELIGIBLE) continue;
      const list = byCouncil.get(item.council) ?? [];
      list.push(item);
      byCouncil.set(item.council, list);
    }
    for (const [council, items] of byCouncil) {
      for (let k = 0; k * MAX_AGENDA < items.length; k++) {
        session(sim, council, items.slice(k * MAX_AGENDA, (k + 1) * MAX_AGENDA), addDays(sessionDay, k));
      }
    }
  });
}

function session(sim: Simulation, council: CouncilInfo, items: RoundDossier[], heldOn: string): void {
  const sessionId = `${sim.prefix}phien-${council.code}-${heldOn}-${sim.next('session')}`;
  // Councils meet from 08:00 (Vietnam), staggered; each votes in one secret-ballot round an hour in.
  const convenedAt =
    dayStart(heldOn) + 60 * MINUTE + (council.district === null ? 0 : (council.district + 1) * 17 * MINUTE);
  scheduleConvening(sim, council, sessionId, heldOn, items, convenedAt);
  const attendance = attendanceOf(sim, council);
  const ballots = ballotsOf(sim, council, items, attendance);
  // A session without a quorum cannot be closed: it stays open and its dossiers wait.
  const quorate = new Set(ballots.map((b) => b.memberId)).size >= attendance.needed;
  scheduleBallots(sim, council, sessionId, ballots, attendance, convenedAt + 60 * MINUTE);
  if (!quorate) return;
  scheduleClosing(sim, council.secretariat, sessionId, convenedAt + 6 * 60 * MINUTE);
  scheduleDecisions(sim, council, items, heldOn);
}

function scheduleConvening(
  sim: Simulation,
  council: CouncilInfo,
  sessionId: string,
  heldOn: string,
  items: RoundDossier[],
  convenedAt: number,
): void {
  const dossierIds = items.map((i) => i.dossierId);
  sim.at(convenedAt, () =>
    sim.run(
      convenedAt,
      council.secretariat,
      'conveneCouncilSession',
      () => ({
        input: { id: sessionId, councilUnitId: council.unitId, heldOn, memberIds: council.memberIds, dossierIds },
      }),
      (tx) => {
        const members = council.memberIds.map((personId) => {
          const person = sim.subjectOf(SubjectKind.INDIVIDUAL, personId);
          return { personId, name: person.name, unitId: person.unitId };
        });
        const agenda = dossierIds.map((dossierId) => agendaItem(tx, dossierId));
        tx.decide(councilSessionDecider, tx.load(councilSessionDecider, sessionId), {
          type: 'ConveneCouncilSession',
          data: { sessionId, councilUnitId: council.unitId, heldOn, members, agenda, now: tx.nowIso },
        });
      },
    ),
  );
}

/** A dossier on the agenda, as the convening command puts it there. */
function agendaItem(tx: SimTransaction, dossierId: string): ConveneCouncilSession['data']['agenda'][number] {
  const dossier = tx.load(dossierDecider, dossierId).state;
  if (dossier.status === 'NONE') throw new Error(`unknown dossier ${dossierId}`);
  return agendaItemOf(dossierId, dossier);
}

/** Closing tallies the votes; the dossiers still ELIGIBLE are resolved as its consequence (council_resolutions). */
function scheduleClosing(sim: Simulation, secretariat: Actor, sessionId: string, closeAt: number): void {
  sim.at(closeAt, () =>
    sim.run(
      closeAt,
      secretariat,
      'closeCouncilSession',
      () => ({ sessionId }),
      (tx) => {
        const session = tx.load(councilSessionDecider, sessionId);
        const ballots = ballotSlotsOf(session.state).flatMap(
          (slot) => ballotToCount(slot, tx.load(ballotDecider, slot.key).state) ?? [],
        );
        tx.decide(councilSessionDecider, session, {
          type: 'CloseCouncilSession',
          data: { sessionId, ballots, withdrawnDossierIds: [], now: tx.nowIso },
        });
      },
    ),
  );
}
