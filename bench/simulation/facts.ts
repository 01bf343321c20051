/**
 * The facts command handlers look up in read models (awards held, initiatives, cluster
 * ranks, pending complaints, decisions on record), kept as the projections would keep them.
 */
import { ratingDecider, ratingStreamKey } from '../../src/ratings/rating.decider';
import { registrationDecider, registrationStreamKey } from '../../src/registrations/registration.decider';
import {
  consecutivePeriods,
  type EligibilityFacts,
  type HeldAwardFact,
  type InitiativeFact,
  type RatingFact,
  type RegistrationFact,
} from '../../src/rules/eligibility';
import { RULE_SETS } from '../../src/rules/ruleSets';
import { AwardKind, periodKey, SubjectKind, subjectKey, type Period, type SubjectRef } from '../../src/shared/domain';
import type { StreamStates } from './transaction';

export interface HeldAward extends HeldAwardFact {
  awardId: string;
  /** The nominee's unit and the period: the key of the unit's award counts. */
  unitKey: string;
}

interface UnitAwardCounts {
  advancedWorkers: number;
  grassrootsFighters: number;
}

/** A decision already on record: later awards under its number must match it. */
export interface DecisionOnRecord {
  decidedOn: string;
  signerName: string;
}

/** How many periods back the handler reads ratings (as src/dossiers/eligibilityFacts.ts does). */
const RATING_PERIODS = Math.max(
  1,
  ...RULE_SETS.map((set) => set.provincialCertificateForIndividuals?.consecutiveExcellentPeriods ?? 1),
);

export class ReadModelFacts {
  private readonly awardsBySubject = new Map<string, HeldAward[]>();
  private readonly awardById = new Map<string, HeldAward>();
  private readonly awardsByYear = new Map<number, string[]>();
  private readonly unitAwardCounts = new Map<string, UnitAwardCounts>();
  private readonly initiativesByAuthor = new Map<string, InitiativeFact[]>();
  private readonly clusterRanks = new Map<string, number>();
  private readonly pendingComplaints = new Map<string, number>();
  private readonly decisions = new Map<string, DecisionOnRecord>();

  holds(kind: SubjectKind, id: string, award: AwardKind, period: Period, includeThematic = true): boolean {
    return (this.awardsBySubject.get(`${kind}:${id}`) ?? []).some(
      (a) =>
        a.award === award &&
        a.period.kind === period.kind &&
        a.period.year === period.year &&
        !a.revoked &&
        (includeThematic || !a.fromThematicMovement),
    );
  }

  /** Awards of the same kind for the same period the subject holds, unrevoked. */
  heldSameKindSamePeriod(subject: SubjectRef, award: AwardKind, period: Period): number {
    return (this.awardsBySubject.get(subjectKey(subject)) ?? []).filter(
      (a) => a.award === award && a.period.kind === period.kind && a.period.year === period.year && !a.revoked,
    ).length;
  }

  recordAward(subject: SubjectRef, held: HeldAward): void {
    const key = subjectKey(subject);
    this.awardsBySubject.set(key, [...(this.awardsBySubject.get(key) ?? []), held]);
    this.awardById.set(held.awardId, held);
    this.countUnitAward(held, 1);
    const yearList = this.awardsByYear.get(held.period.year) ?? [];
    yearList.push(held.awardId);
    this.awardsByYear.set(held.period.year, yearList);
  }

  /** Whether the award was granted and not revoked. */
  awardStands(awardId: string): boolean {
    return this.awardById.get(awardId)?.revoked === false;
  }

  revokeAward(awardId: string): void {
    const held = this.awardById.get(awardId)!;
    held.revoked = true;
    this.countUnitAward(held, -1);
  }

  /** The ids of the awards granted for periods of `year`, in the order they were granted. */
  awardsOfYear(year: number): string[] | undefined {
    return this.awardsByYear.get(year);
  }

  advancedWorkersOf(unitId: string, period: Period): number {
    return this.unitAwardCounts.get(`${unitId}|${periodKey(period)}`)?.advancedWorkers ?? 0;
  }

  private countUnitAward(award: HeldAward, delta: number): void {
    if (award.award !== AwardKind.ADVANCED_WORKER && award.award !== AwardKind.GRASSROOTS_EMULATION_FIGHTER) return;
    const counts = this.unitAwardCounts.get(award.unitKey) ?? { advancedWorkers: 0, grassrootsFighters: 0 };
    if (award.award === AwardKind.ADVANCED_WORKER) counts.advancedWorkers += delta;
    else counts.grassrootsFighters += delta;
    this.unitAwardCounts.set(award.unitKey, counts);
  }

  recordInitiative(personId: string, initiative: InitiativeFact): void {
    const list = this.initiativesByAuthor.get(personId) ?? [];
    list.push(initiative);
    this.initiativesByAuthor.set(personId, list);
  }

  /** A unit's rank in a finalized ranking of the year; its best when it is in several clusters. */
  recordClusterRank(unitId: string, year: number, rank: number): void {
    const key = `${unitId}:${year}`;
    this.clusterRanks.set(key, Math.min(this.clusterRanks.get(key) ?? Infinity, rank));
  }

  clusterRankOf(unitId: string, year: number): number | undefined {
    return this.clusterRanks.get(`${unitId}:${year}`);
  }

  /** Complaints and denunciations about a subject (by its subject key) still open. */
  adjustPending(key: string, delta: number): void {
    const next = (this.pendingComplaints.get(key) ?? 0) + delta;
    if (next <= 0) this.pendingComplaints.delete(key);
    else this.pendingComplaints.set(key, next);
  }

  decisionOnRecord(key: string): DecisionOnRecord | null {
    return this.decisions.get(key) ?? null;
  }

  recordDecision(key: string, decision: DecisionOnRecord): void {
    this.decisions.set(key, decision);
  }

  /** The facts the appraisal handler assembles (as src/dossiers/eligibilityFacts.ts does). */
  eligibilityFacts(
    streams: StreamStates,
    subject: SubjectRef,
    subjectUnitId: string,
    award: AwardKind,
    period: Period,
  ): EligibilityFacts {
    const key = subjectKey(subject);
    const individual = subject.kind === SubjectKind.INDIVIDUAL;
    return {
      ratings: ratingsOf(streams, subject, period),
      registrations: registrationsOf(streams, subject, award, period),
      awardsHeld: (this.awardsBySubject.get(key) ?? []).map((a) => ({
        award: a.award,
        period: a.period,
        revoked: a.revoked,
        fromThematicMovement: a.fromThematicMovement,
      })),
      initiatives: individual ? [...(this.initiativesByAuthor.get(subject.id) ?? [])] : [],
      finalizedClusterRank: individual ? null : (this.clusterRanks.get(`${subject.id}:${period.year}`) ?? null),
      pendingComplaints: this.pendingComplaints.get(key) ?? 0,
      proposingUnitAwardCounts: {
        ...(this.unitAwardCounts.get(`${subjectUnitId}|${periodKey(period)}`) ?? {
          advancedWorkers: 0,
          grassrootsFighters: 0,
        }),
      },
    };
  }
}

function ratingsOf(streams: StreamStates, subject: SubjectRef, period: Period): RatingFact[] {
  const ratings: RatingFact[] = [];
  for (const ratedPeriod of consecutivePeriods(period, RATING_PERIODS)) {
    const rating = streams.state(ratingDecider, ratingStreamKey(subject, ratedPeriod));
    if (rating.status === 'RATED') ratings.push({ period: rating.period, rating: rating.rating });
  }
  return ratings;
}

function registrationsOf(
  streams: StreamStates,
  subject: SubjectRef,
  award: AwardKind,
  period: Period,
): RegistrationFact[] {
  const registrations: RegistrationFact[] = [];
  const registration = streams.state(registrationDecider, registrationStreamKey(subject, award, period));
  if (registration.status === 'REGISTERED')
    registrations.push({ award: registration.award, period: registration.period });
  return registrations;
}
