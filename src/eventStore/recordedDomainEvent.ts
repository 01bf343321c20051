/**
 * The log's events with their domain types. The store keeps an event's data as JSON
 * and hands it back as an open record; only deciders append (through the command
 * handler), so an event's data has the shape its `type` names in the stream type's
 * `*.events.ts`. These helpers are the one place that says so.
 */
import type { AwardEvent } from '../awards/award.events';
import type { CertificateEvent } from '../certificates/certificate.events';
import type { BallotEvent } from '../ballots/ballot.events';
import type { ClusterEvent } from '../clusters/cluster.events';
import type { ClusterYearEvent } from '../clusters/clusterYear.events';
import type { ComplaintEvent } from '../complaints/complaint.events';
import type { CouncilSessionEvent } from '../councilSessions/councilSession.events';
import type { DecisionEvent } from '../decisions/decision.events';
import type { DossierEvent } from '../dossiers/dossier.events';
import type { HouseholdEvent } from '../households/household.events';
import type { InitiativeEvent } from '../initiatives/initiative.events';
import type { MovementEvent } from '../movements/movement.events';
import type { PersonEvent } from '../people/person.events';
import type { PlanEvent } from '../plans/plan.events';
import type { ProposalEvent } from '../proposals/proposal.events';
import type { PublicationEvent } from '../publications/publication.events';
import type { RatingEvent } from '../ratings/rating.events';
import type { RegistrationEvent } from '../registrations/registration.events';
import type { Decider, DomainEvent } from '../shared/decider';
import type { UnitEvent } from '../units/unit.events';
import type { WorkforceReportEvent } from '../workforceReports/workforceReport.events';
import type { RecordedEvent } from './eventStore.port';

/** Every event a decider appends, over all stream types. */
export type AnyDomainEvent =
  | AwardEvent
  | CertificateEvent
  | BallotEvent
  | ClusterEvent
  | ClusterYearEvent
  | ComplaintEvent
  | CouncilSessionEvent
  | DecisionEvent
  | DossierEvent
  | HouseholdEvent
  | InitiativeEvent
  | MovementEvent
  | PersonEvent
  | PlanEvent
  | ProposalEvent
  | PublicationEvent
  | RatingEvent
  | RegistrationEvent
  | UnitEvent
  | WorkforceReportEvent;

/**
 * A domain event as the store hands it back: a recorded event whose `type` and `data`
 * are that event's (its data stays an open JSON record besides).
 */
export type Recorded<E extends DomainEvent> = E extends DomainEvent
  ? RecordedEvent & { type: E['type']; data: E['data'] }
  : never;

/** A recorded event of any stream type: `switch (event.type)` narrows its `data`. */
export type RecordedDomainEvent = Recorded<AnyDomainEvent>;

/** The recorded events of the given types. */
export type RecordedOfType<T extends RecordedDomainEvent['type']> = Extract<RecordedDomainEvent, { type: T }>;

/** Events read from the log (a stream or the global log), typed by their `type`. */
export function asRecordedDomainEvents(events: RecordedEvent[]): RecordedDomainEvent[] {
  return events as RecordedDomainEvent[];
}

/** A stream's events as its decider folds them: a stream holds only what its decider decided. */
export function asDeciderEvents<C, E extends DomainEvent, S>(_decider: Decider<C, E, S>, events: RecordedEvent[]): E[] {
  return asRecordedDomainEvents(events) as DomainEvent[] as E[];
}

/** The events of one type, in log order. */
export function eventsOfType<T extends RecordedDomainEvent['type']>(
  events: readonly RecordedDomainEvent[],
  type: T,
): Array<RecordedOfType<T>> {
  return events.filter((event): event is RecordedOfType<T> => event.type === type);
}
