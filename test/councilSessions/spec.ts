// Extras on top of the shared test/support/deciderSpec.ts for the registration, rating,
// initiative, council-session and complaint tests:
//  - `frozen(decider)` deep-freezes every command, event and state the decider sees, so a
//    decide or evolve that mutates its arguments fails the test (purity check);
//  - `thenRejects(rule, details)` / `thenFails(ErrorClass, extensions)` also match the
//    error's details (partially), which the shared `thenThrows` does not.
import { type Decider, type DomainEvent } from '../../src/shared/decider';
import { DomainError, RuleViolation } from '../../src/shared/errors';
import { deciderSpec, type DeciderOutcome } from '../support/deciderSpec';

export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value as object)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}

/** The same decider, with every input and output deep-frozen. */
export function frozen<Command, Event extends DomainEvent, State>(
  decider: Decider<Command, Event, State>,
): Decider<Command, Event, State> {
  return {
    streamType: decider.streamType,
    initialState: () => deepFreeze(decider.initialState()),
    evolve: (state, event) => deepFreeze(decider.evolve(deepFreeze(state), deepFreeze(event))),
    decide: (command, state) => deepFreeze(decider.decide(deepFreeze(command), deepFreeze(state))),
  };
}

export interface Outcome<Event, State> extends DeciderOutcome<Event, State> {
  /** Refused by the named rule; `details`, when given, must match the error's extensions partially. */
  thenRejects(rule: string, details?: Record<string, unknown>): RuleViolation;
  /** Fails with this error class; `extensions`, when given, must match partially. */
  thenFails(
    errorClass: abstract new (...args: never[]) => DomainError,
    extensions?: Record<string, unknown>,
  ): DomainError;
}

/** `deciderSpec` (shared) on the frozen decider, with the two assertions above. */
export function spec<Command, Event extends DomainEvent, State>(decider: Decider<Command, Event, State>) {
  const shared = deciderSpec(frozen(decider));
  return {
    given(history: Event[]) {
      return {
        when(command: Command): Outcome<Event, State> {
          // JSON round trip: commands and events must be plain data.
          const outcome = shared
            .given(JSON.parse(JSON.stringify(history)) as Event[])
            .when(JSON.parse(JSON.stringify(command)) as Command);
          return {
            ...outcome,
            thenRejects(rule, details) {
              const violation = outcome.thenThrows(rule) as RuleViolation;
              if (details) expect(violation.extensions).toMatchObject(details);
              return violation;
            },
            thenFails(errorClass, extensions) {
              const error = outcome.thenThrows(errorClass) as DomainError;
              if (extensions) expect(error.extensions).toMatchObject(extensions);
              return error;
            },
          };
        },
      };
    },
  };
}
