/**
 * Given / when / then for deciders:
 *
 *   const spec = deciderSpec(frozenDecider(dossierDecider));
 *   spec.given([submitted]).when(returnDossier).then([returned]);
 *   spec.given([]).when(returnDossier).thenThrows(NotFound, { entity: 'Dossier', id: 'hs-1' });
 *   spec.given([returned]).when(returnDossier).thenThrows('DOSSIER_NOT_AWAITING_APPRAISAL');
 *
 * `then` and `events` also fold the new events, so every emitted event is one `evolve`
 * accepts, and check that no event data holds `undefined` (events have no optional fields).
 * The state of a history without a command is `fold(decider, history)`.
 */
import { fold, type Decider, type DomainEvent } from '../../src/shared/decider';
import { DomainError, RuleViolation } from '../../src/shared/errors';

type ErrorClass = abstract new (...args: never[]) => DomainError;

export interface DeciderOutcome<Event, State> {
  /** The events must equal these exactly. */
  then(expected: Event[]): void;
  /** Returns the events (and the state after them) for finer assertions. */
  events(): Event[];
  stateAfter(): State;
  /**
   * A rule name expects a RuleViolation with that rule; a class expects that error type.
   * `extensions`, when given, must match the error's extensions partially: a rule's details,
   * an InvalidInput's `{ field }`, a NotFound's `{ entity, id }`.
   */
  thenThrows(expected: string | ErrorClass, extensions?: Record<string, unknown>): DomainError;
}

export function deciderSpec<Command, Event extends DomainEvent, State>(decider: Decider<Command, Event, State>) {
  return {
    given(history: readonly Event[]) {
      return {
        when(command: Command): DeciderOutcome<Event, State> {
          const state = fold(decider, history);
          const run = () => decider.decide(command, state);
          const runAndFold = () => {
            const emitted = run();
            expectPlainEventData(emitted);
            return { emitted, after: emitted.reduce(decider.evolve, state) };
          };
          return {
            then(expected) {
              expect(runAndFold().emitted).toEqual(expected);
            },
            events() {
              return runAndFold().emitted;
            },
            stateAfter() {
              return runAndFold().after;
            },
            thenThrows(expected, extensions) {
              let thrown: unknown;
              try {
                const emitted = run();
                throw new Error(
                  `expected an error, but the decider emitted ${JSON.stringify(emitted.map((event) => event.type))}`,
                );
              } catch (error) {
                thrown = error;
              }
              if (typeof expected === 'string') {
                expect(thrown).toBeInstanceOf(RuleViolation);
                expect((thrown as RuleViolation).rule).toBe(expected);
              } else {
                expect(thrown).toBeInstanceOf(expected);
              }
              if (extensions) expect((thrown as DomainError).extensions).toMatchObject(extensions);
              return thrown as DomainError;
            },
          };
        },
      };
    },
  };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value as object)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}

/**
 * The same decider with every command, event and state deep-frozen, so a `decide` or
 * `evolve` that mutates its input fails the test instead of corrupting a replay.
 */
export function frozenDecider<Command, Event extends DomainEvent, State>(
  decider: Decider<Command, Event, State>,
): Decider<Command, Event, State> {
  return {
    streamType: decider.streamType,
    initialState: () => deepFreeze(decider.initialState()),
    evolve: (state, event) => deepFreeze(decider.evolve(deepFreeze(state), deepFreeze(event))),
    decide: (command, state) => deepFreeze(decider.decide(deepFreeze(command), deepFreeze(state))),
  };
}

/** Fails when event data holds `undefined` anywhere: events have no optional fields. */
export function expectPlainEventData(events: readonly DomainEvent[]): void {
  const visit = (value: unknown, path: string): void => {
    if (value === undefined) throw new Error(`${path} is undefined: event data must use null, not optional fields`);
    if (Array.isArray(value)) value.forEach((item, index) => visit(item, `${path}[${index}]`));
    else if (value !== null && typeof value === 'object')
      for (const [key, inner] of Object.entries(value)) visit(inner, `${path}.${key}`);
  };
  events.forEach((event) => visit(event.data, event.type));
}
