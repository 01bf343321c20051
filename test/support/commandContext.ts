import { randomUUID } from 'node:crypto';
import type { CommandContext } from '../../src/commands/commandHandler';
import type { Decider } from '../../src/shared/decider';

/** A district secretariat's command at a fixed time, with no Idempotency-Key unless given. */
export function commandContext(overrides: Partial<CommandContext> = {}): CommandContext {
  return {
    identity: { actorId: 'officer-1', role: 'SECRETARIAT', unitId: 'unit-9' },
    correlationId: randomUUID(),
    idempotencyKey: null,
    now: () => new Date('2024-03-01T08:00:00Z'),
    ...overrides,
  };
}

export type TickEvent = { type: 'Ticked'; data: { count: number } };

/** A counter stream: each Tick appends the next count. */
export const tickDecider: Decider<{ type: 'Tick' }, TickEvent, { count: number }> = {
  streamType: 'tick',
  initialState: () => ({ count: 0 }),
  evolve: (_, event) => ({ count: event.data.count }),
  decide: (_, state) => [{ type: 'Ticked', data: { count: state.count + 1 } }],
};
