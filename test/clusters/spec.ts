/**
 * A thin layer over the shared `test/support/deciderSpec.ts`, used by the unit, person,
 * cluster, movement and plan tests. It adds:
 * - `given()` with no events, and `given(events).state()`;
 * - `then` / `events` also check that no event data holds `undefined` (no optional fields);
 * - `thenRejects(ErrorClass, key?, details?)`: for a RuleViolation `key` is the rule name,
 *   for an InvalidInput the field, for a NotFound `Entity:id`; `details` must match the
 *   error's extensions.
 */
import type { Decider, DomainEvent } from '../../src/shared/decider';
import { InvalidInput, NotFound, RuleViolation, type DomainError } from '../../src/shared/errors';
import { deciderSpec as sharedDeciderSpec } from '../support/deciderSpec';

type ErrorClass = typeof RuleViolation | typeof NotFound | typeof InvalidInput;

/** Fails when an event's data contains `undefined` anywhere (events have no optional fields). */
export function expectNoUndefined(value: unknown, path = 'data'): void {
  if (value === undefined) throw new Error(`${path} is undefined: events must not have optional fields`);
  if (Array.isArray(value)) value.forEach((v, i) => expectNoUndefined(v, `${path}[${i}]`));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) expectNoUndefined(v, `${path}.${k}`);
  }
}

export function deciderSpec<C, E extends DomainEvent, S>(decider: Decider<C, E, S>) {
  const shared = sharedDeciderSpec(decider);
  return {
    given(events: readonly E[] = []) {
      const history = [...events];
      return {
        /** The state folded from the given events. */
        state: (): S => history.reduce(decider.evolve, decider.initialState()),
        when(command: C) {
          const outcome = shared.given(history).when(command);
          return {
            /** Asserts the exact events and returns them. */
            then(expected: readonly E[]): E[] {
              outcome.then([...expected]);
              const produced = outcome.events();
              produced.forEach((e) => expectNoUndefined(e.data, e.type));
              return produced;
            },
            /** The events produced (for partial assertions). */
            events(): E[] {
              const produced = outcome.events();
              produced.forEach((e) => expectNoUndefined(e.data, e.type));
              return produced;
            },
            /** The state after the produced events are folded in. */
            state(): S {
              return outcome.stateAfter();
            },
            thenRejects(errorClass: ErrorClass, key?: string, details?: Record<string, unknown>): DomainError {
              const error = (
                errorClass === RuleViolation && key !== undefined
                  ? outcome.thenThrows(key)
                  : outcome.thenThrows(errorClass)
              ) as DomainError;
              expect(error).toBeInstanceOf(errorClass);
              if (key !== undefined) {
                if (error instanceof InvalidInput) expect(error.field).toBe(key);
                else if (error instanceof NotFound) expect(`${error.entity}:${error.id}`).toBe(key);
              }
              if (details) expect(error.extensions).toMatchObject(details);
              return error;
            },
          };
        },
      };
    },
  };
}
