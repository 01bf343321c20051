/** The generator's figures: events by type and category, commands, streams, and the calendar they span. */
import type { Province } from '../province';
import { inLastSixWeeks } from './calendar';
import type { Step } from './types';

/** Event types by the categories in which a province's yearly volume is counted. */
export const EVENT_CATEGORY: Record<string, string> = {
  UnitRegistered: 'registry',
  PersonRegistered: 'registry',
  MovementLaunched: 'movements, plans, cluster set-up',
  PlanIssued: 'movements, plans, cluster set-up',
  PlanTaskReported: 'movements, plans, cluster set-up',
  ClusterFormed: 'movements, plans, cluster set-up',
  ClusterLeadershipAssigned: 'movements, plans, cluster set-up',
  ClusterCriteriaSet: 'movements, plans, cluster set-up',
  ClusterRankingFinalized: 'movements, plans, cluster set-up',
  TitleRegistered: 'registrations',
  PerformanceRated: 'ratings and initiatives',
  InitiativeRecognized: 'ratings and initiatives',
  ClusterScoreRecorded: 'cluster scores',
  DossierSubmitted: 'dossier events',
  DossierReturned: 'dossier events',
  DossierResubmitted: 'dossier events',
  DossierWithdrawn: 'dossier events',
  DossierAppraised: 'dossier events',
  DossierResolved: 'dossier events',
  DossierGranted: 'dossier events',
  CouncilSessionConvened: 'council sessions',
  CouncilSessionClosed: 'council sessions',
  BallotCast: 'ballots',
  AwardGranted: 'awards',
  AwardRevoked: 'awards',
  ComplaintFiled: 'complaints',
  ComplaintAccepted: 'complaints',
  ComplaintDismissed: 'complaints',
  ComplaintResolved: 'complaints',
};

export interface GeneratorStats {
  events: number;
  commands: number;
  streams: number;
  byType: Record<string, number>;
  byCategory: Record<string, number>;
  /** Share of events recorded in the last six weeks (Nov 20 – Dec 31) of a year. */
  lastSixWeeksShare: number;
  firstRecordedAt: string | null;
  lastRecordedAt: string | null;
  scale: number;
  people: number;
  units: number;
  clusters: number;
}

/** Counts each step's events into the stats as the steps come out. */
export class StatsTally {
  readonly stats: GeneratorStats;
  private lastSixWeeks = 0;

  constructor(scale: number, province: Province) {
    this.stats = {
      events: 0,
      commands: 0,
      streams: 0,
      byType: {},
      byCategory: {},
      lastSixWeeksShare: 0,
      firstRecordedAt: null,
      lastRecordedAt: null,
      scale,
      people: province.people.length,
      units: province.units.length,
      clusters: province.clusters.length,
    };
  }

  count(step: Step, streams: number): void {
    const s = this.stats;
    s.commands++;
    for (const e of step.events) {
      s.events++;
      s.byType[e.type] = (s.byType[e.type] ?? 0) + 1;
      const category = EVENT_CATEGORY[e.type] ?? 'other';
      s.byCategory[category] = (s.byCategory[category] ?? 0) + 1;
      if (inLastSixWeeks(step.at)) this.lastSixWeeks++;
    }
    const iso = new Date(step.at).toISOString();
    s.firstRecordedAt ??= iso;
    s.lastRecordedAt = iso;
    s.lastSixWeeksShare = s.events === 0 ? 0 : this.lastSixWeeks / s.events;
    s.streams = streams;
  }
}
