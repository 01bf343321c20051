/**
 * Assembles the facts the rule engine needs about one nominee: ratings and
 * registrations from their streams (deterministic stream keys), awards, initiatives,
 * complaints and cluster ranks from read models, after waiting for those to catch up
 * with the log so no decision rests on stale facts.
 */
import { countUnitAwardsForPeriod, getAwardsHeldBySubject } from '../../projections/awards/awards.queries';
import { AWARDS_PROJECTION } from '../../projections/awards/awards.projection';
import { CLUSTER_SCORING_PROJECTION } from '../../projections/clusterScoring/clusterScoring.projection';
import { getFinalizedClusterRank } from '../../projections/clusterScoring/clusterScoring.queries';
import { COMPLAINTS_PROJECTION } from '../../projections/complaints/complaints.projection';
import { countPendingComplaintsAbout } from '../../projections/complaints/complaints.queries';
import { INITIATIVES_PROJECTION } from '../../projections/initiatives/initiatives.projection';
import { getInitiativesByAuthor } from '../../projections/initiatives/initiatives.queries';
import type { CommandTransaction } from '../commands/commandHandler';
import { awaitFreshReadModels } from '../commands/freshFacts';
import type { EventStore } from '../eventStore/eventStore.port';
import type { Services } from '../services';
import { personDecider } from '../people/person.decider';
import { ratingDecider, ratingStreamKey } from '../ratings/rating.decider';
import { registrationDecider, registrationStreamKey } from '../registrations/registration.decider';
import {
  consecutivePeriods,
  type EligibilityFacts,
  type RatingFact,
  type RegistrationFact,
} from '../rules/eligibility';
import { RULE_SETS } from '../rules/ruleSets';
import { fold, streamIdOf, type Decider, type DomainEvent } from '../shared/decider';
import { SubjectKind, type AwardKind, type Period, type SubjectRef } from '../shared/domain';
import { NotFound } from '../shared/errors';
import { unitDecider } from '../units/unit.decider';

/** The read models eligibility facts come from: wait for these before reading them. */
export const ELIGIBILITY_READ_MODELS: readonly string[] = [
  AWARDS_PROJECTION,
  INITIATIVES_PROJECTION,
  COMPLAINTS_PROJECTION,
  CLUSTER_SCORING_PROJECTION,
];

/** Loads a stream's current state: inside a command with `tx.load`, in a query from the store. */
export type StateLoader = <C, E extends DomainEvent, S>(decider: Decider<C, E, S>, id: string) => Promise<S>;

export function txLoader(tx: CommandTransaction): StateLoader {
  return async (decider, id) => (await tx.load(decider, id)).state;
}

export function storeLoader(store: EventStore): StateLoader {
  return async <C, E extends DomainEvent, S>(decider: Decider<C, E, S>, id: string) =>
    fold(decider, (await store.readStream(streamIdOf(decider.streamType, id))) as unknown as E[]);
}

/** A nominee as the registers know it today. */
export interface KnownSubject {
  kind: SubjectKind;
  id: string;
  name: string;
  /** The person's unit, or the collective itself. */
  unitId: string;
  /** From the person's record; false for a collective. */
  directWorker: boolean;
  female: boolean;
}

/** Looks the subject up in its person or unit stream, or answers NOT_FOUND. */
export async function lookUpSubject(load: StateLoader, subject: SubjectRef): Promise<KnownSubject> {
  if (subject.kind === SubjectKind.INDIVIDUAL) {
    const person = await load(personDecider, subject.id);
    if (person.status === 'NONE') throw new NotFound('Person', subject.id);
    return {
      kind: subject.kind,
      id: subject.id,
      name: person.fullName,
      unitId: person.unitId,
      directWorker: person.directWorker,
      female: person.female,
    };
  }
  const unit = await load(unitDecider, subject.id);
  if (unit.status === 'NONE') throw new NotFound('Unit', subject.id);
  return {
    kind: subject.kind,
    id: subject.id,
    name: unit.name,
    unitId: unit.unitId,
    directWorker: false,
    female: false,
  };
}

/**
 * How many periods back (this one included) the rules can look at ratings: the longest
 * "EXCELLENT in N consecutive periods" of any rule set.
 */
const RATING_PERIODS = Math.max(
  1,
  ...RULE_SETS.map((set) => set.provincialCertificateForIndividuals?.consecutiveExcellentPeriods ?? 1),
);

export interface FactsRequest {
  subject: SubjectRef;
  /** The person's unit, or the collective itself: the unit whose award ratio the 2013 cap checks. */
  subjectUnitId: string;
  award: AwardKind;
  period: Period;
}

export async function assembleEligibilityFacts(
  services: Pick<Services, 'pool' | 'store' | 'projections'>,
  load: StateLoader,
  request: FactsRequest,
): Promise<EligibilityFacts> {
  const { subject, subjectUnitId, award, period } = request;
  const ratings: RatingFact[] = [];
  for (const ratedPeriod of consecutivePeriods(period, RATING_PERIODS)) {
    const rating = await load(ratingDecider, ratingStreamKey(subject, ratedPeriod));
    if (rating.status === 'RATED') ratings.push({ period: rating.period, rating: rating.rating });
  }
  const registrations: RegistrationFact[] = [];
  const registration = await load(registrationDecider, registrationStreamKey(subject, award, period));
  if (registration.status === 'REGISTERED')
    registrations.push({ award: registration.award, period: registration.period });

  await awaitFreshReadModels(services, ELIGIBILITY_READ_MODELS);
  const db = services.pool;
  const individual = subject.kind === SubjectKind.INDIVIDUAL;
  const [awardsHeld, initiatives, finalizedClusterRank, pendingComplaints, proposingUnitAwardCounts] =
    await Promise.all([
      getAwardsHeldBySubject(db, subject),
      individual ? getInitiativesByAuthor(db, subject.id) : Promise.resolve([]),
      individual ? Promise.resolve(null) : getFinalizedClusterRank(db, subject.id, period.year),
      countPendingComplaintsAbout(db, subject),
      countUnitAwardsForPeriod(db, subjectUnitId, period),
    ]);
  return {
    ratings,
    registrations,
    awardsHeld: awardsHeld.map(({ award: kind, period: heldFor, revoked, fromThematicMovement }) => ({
      award: kind,
      period: heldFor,
      revoked,
      fromThematicMovement,
    })),
    initiatives: initiatives.map(({ level, period: recognizedFor }) => ({ level, period: recognizedFor })),
    finalizedClusterRank,
    pendingComplaints,
    proposingUnitAwardCounts,
  };
}
