/**
 * A decider is the pure heart of one stream type: `decide` turns a command and the
 * current state into new events, `evolve` folds an event into the state. Neither reads
 * the clock, generates ids or touches I/O: time, ids and outside facts come in with
 * the command, so the same inputs always give the same events.
 */
export interface DomainEvent<Type extends string = string, Data extends object = object> {
  type: Type;
  data: Data;
}

export interface Decider<Command, Event extends DomainEvent, State> {
  /** Stream category: streams are named `<streamType>-<id>`. */
  streamType: string;
  initialState: () => State;
  evolve: (state: State, event: Event) => State;
  decide: (command: Command, state: State) => Event[];
}

export function streamIdOf(streamType: string, id: string): string {
  return `${streamType}-${id}`;
}

/** Folds events into state with a decider's `evolve`. */
export function fold<Event extends DomainEvent, State>(
  decider: Pick<Decider<unknown, Event, State>, 'initialState' | 'evolve'>,
  events: readonly Event[],
): State {
  return events.reduce(decider.evolve, decider.initialState());
}

/** For exhaustive `switch` statements: fails to compile when a case is missing. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}
