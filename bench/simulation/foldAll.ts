/** A check for tests: every generated stream folds through the real deciders. */
import { awardDecider } from '../../src/awards/award.decider';
import { ballotDecider } from '../../src/ballots/ballot.decider';
import { clusterDecider } from '../../src/clusters/cluster.decider';
import { clusterYearDecider } from '../../src/clusters/clusterYear.decider';
import { complaintDecider } from '../../src/complaints/complaint.decider';
import { councilSessionDecider } from '../../src/councilSessions/councilSession.decider';
import { dossierDecider } from '../../src/dossiers/dossier.decider';
import { initiativeDecider } from '../../src/initiatives/initiative.decider';
import { movementDecider } from '../../src/movements/movement.decider';
import { personDecider } from '../../src/people/person.decider';
import { planDecider } from '../../src/plans/plan.decider';
import { ratingDecider } from '../../src/ratings/rating.decider';
import { registrationDecider } from '../../src/registrations/registration.decider';
import { fold, type Decider, type DomainEvent } from '../../src/shared/decider';
import { unitDecider } from '../../src/units/unit.decider';
import type { GeneratedEvent } from './types';

/** A decider's folding part, over states and events of any stream type. */
type AnyFold = Pick<Decider<unknown, DomainEvent, unknown>, 'initialState' | 'evolve'>;

const FOLDS: ReadonlyMap<string, AnyFold> = new Map(
  [
    unitDecider,
    personDecider,
    clusterDecider,
    clusterYearDecider,
    movementDecider,
    planDecider,
    registrationDecider,
    ratingDecider,
    initiativeDecider,
    dossierDecider,
    councilSessionDecider,
    ballotDecider,
    awardDecider,
    complaintDecider,
  ].map((d) => [d.streamType, d as unknown as AnyFold]),
);

/** Folds every stream of `events` through the real deciders' `evolve`; throws on a gap in a stream's versions. */
export function foldAll(events: Iterable<GeneratedEvent>): Map<string, unknown> {
  const byStream = new Map<string, GeneratedEvent[]>();
  for (const e of events) {
    const list = byStream.get(e.streamId) ?? [];
    if (e.streamVersion !== list.length + 1)
      throw new Error(`${e.streamId}: version ${e.streamVersion} after ${list.length}`);
    list.push(e);
    byStream.set(e.streamId, list);
  }
  const states = new Map<string, unknown>();
  for (const [streamId, list] of byStream) {
    const decider = FOLDS.get(streamId.slice(0, streamId.indexOf('-')));
    if (!decider) throw new Error(`no decider for stream ${streamId}`);
    states.set(streamId, fold(decider, list));
  }
  return states;
}
