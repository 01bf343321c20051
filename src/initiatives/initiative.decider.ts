import { assertNever, type Decider } from '../shared/decider';
import { AuthorityLevel, MAX_YEAR, MIN_YEAR, PeriodKind, type IsoInstant, type Period } from '../shared/domain';
import { InvalidInput, RuleViolation } from '../shared/errors';
import type { InitiativeAuthor, InitiativeEvent, InitiativeRecognized } from './initiative.events';

const INITIATIVE_STREAM_TYPE = 'initiative';

export type InitiativeState =
  | { status: 'NONE' }
  | {
      status: 'RECOGNIZED';
      initiativeId: string;
      title: string;
      authors: InitiativeAuthor[];
      level: AuthorityLevel;
      period: Period;
      decisionNumber: string;
      recognizedAt: IsoInstant;
    };

export interface RecognizeInitiative {
  type: 'RecognizeInitiative';
  data: {
    initiativeId: string;
    title: string;
    /** In the order given; names looked up by the handler. */
    authors: InitiativeAuthor[];
    level: AuthorityLevel;
    period: Period;
    decisionNumber: string;
    now: IsoInstant;
  };
}

export type InitiativeCommand = RecognizeInitiative;

function initialInitiativeState(): InitiativeState {
  return { status: 'NONE' };
}

function evolveInitiative(state: InitiativeState, event: InitiativeEvent): InitiativeState {
  switch (event.type) {
    case 'InitiativeRecognized':
      return { status: 'RECOGNIZED', ...event.data };
    default:
      return assertNever(event.type, 'initiative event');
  }
}

function decideInitiative(command: InitiativeCommand, state: InitiativeState): InitiativeEvent[] {
  switch (command.type) {
    case 'RecognizeInitiative':
      return recognizeInitiative(command.data, state);
    default:
      return assertNever(command.type, 'initiative command');
  }
}

function recognizeInitiative(data: RecognizeInitiative['data'], state: InitiativeState): InitiativeRecognized[] {
  if (state.status !== 'NONE') {
    throw new RuleViolation('ALREADY_EXISTS', `initiative ${state.initiativeId} is already recognized`, {
      initiativeId: state.initiativeId,
    });
  }
  if (data.title.trim() === '') throw new InvalidInput('an initiative needs a title', 'title');
  if (data.decisionNumber.trim() === '')
    throw new InvalidInput('an initiative needs the number of its recognition decision', 'decisionNumber');
  if (!Object.values(AuthorityLevel).includes(data.level))
    throw new InvalidInput(`unknown level ${String(data.level)}`, 'level');
  validatePeriod(data.period);
  if (data.authors.length === 0) throw new InvalidInput('an initiative needs at least one author', 'authorIds');
  const seen = new Set<string>();
  for (const author of data.authors) {
    if (seen.has(author.personId))
      throw new InvalidInput(`author ${author.personId} is listed more than once`, 'authorIds');
    seen.add(author.personId);
  }
  return [
    {
      type: 'InitiativeRecognized',
      data: {
        initiativeId: data.initiativeId,
        title: data.title,
        authors: data.authors.map((a) => ({ personId: a.personId, name: a.name })),
        level: data.level,
        period: { kind: data.period.kind, year: data.period.year },
        decisionNumber: data.decisionNumber,
        recognizedAt: data.now,
      },
    },
  ];
}

function validatePeriod(period: Period): void {
  if (!Object.values(PeriodKind).includes(period.kind))
    throw new InvalidInput(`unknown period kind ${String(period.kind)}`, 'period.kind');
  if (!Number.isInteger(period.year) || period.year < MIN_YEAR || period.year > MAX_YEAR) {
    throw new InvalidInput(`period year must be a whole number from ${MIN_YEAR} to ${MAX_YEAR}`, 'period.year');
  }
}

export const initiativeDecider: Decider<InitiativeCommand, InitiativeEvent, InitiativeState> = {
  streamType: INITIATIVE_STREAM_TYPE,
  initialState: initialInitiativeState,
  evolve: evolveInitiative,
  decide: decideInitiative,
};
