import type { DomainEvent } from '../shared/decider';
import type { AuthorityLevel, IsoInstant, Period } from '../shared/domain';

export interface InitiativeAuthor {
  personId: string;
  name: string;
}

/**
 * An initiative (sáng kiến) recognised by an initiative council at `level`, by the
 * decision `decisionNumber`, for the period it counts toward. Every author gets the
 * credit (eligibility checks look initiatives up by author).
 */
export interface InitiativeRecognized extends DomainEvent<
  'InitiativeRecognized',
  {
    initiativeId: string;
    title: string;
    authors: InitiativeAuthor[];
    level: AuthorityLevel;
    period: Period;
    decisionNumber: string;
    recognizedAt: IsoInstant;
  }
> {}

export type InitiativeEvent = InitiativeRecognized;
