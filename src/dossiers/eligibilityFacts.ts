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
import { awaitFreshReadModels } from '../commands/freshFacts';
import type { StateLoader } from '../commands/stateLoader';
import { ratingDecider, ratingStreamKey } from '../ratings/rating.decider';
import { registrationDecider, registrationStreamKey } from '../registrations/registration.decider';
import {
  consecutivePeriods,
  type EligibilityFacts,
  type RatingFact,
  type RegistrationFact,
} from '../rules/eligibility';
import { RULE_SETS } from '../rules/ruleSets';
import type { Services } from '../services';
import { SubjectKind, type AwardKind, type Period, type SubjectRef } from '../shared/domain';

/** The read models eligibility facts come from: wait for these before reading them. */
const ELIGIBILITY_READ_MODELS: readonly string[] = [
  AWARDS_PROJECTION,
  INITIATIVES_PROJECTION,
  COMPLAINTS_PROJECTION,
  CLUSTER_SCORING_PROJECTION,
];

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
  services: Pick<Services, 'pool' | 'store' | 'projections' | 'processManagers'>,
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
      subject.kind === SubjectKind.COLLECTIVE
        ? getFinalizedClusterRank(db, subject.id, period.year)
        : Promise.resolve(null),
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
