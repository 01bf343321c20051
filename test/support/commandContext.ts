import { randomUUID } from 'node:crypto';
import { CommandHandler, type CommandContext } from '../../src/commands/commandHandler';
import { IdempotencyStore, migrateCommandResults } from '../../src/commands/idempotency';
import type { Decider } from '../../src/shared/decider';
import { createTestLog, type TestLog } from './storedLog';

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

export type CommandLog = TestLog & { handler: CommandHandler };

/** A log of its own with a command handler on it, the idempotency keys' table migrated. */
export async function createCommandLog(): Promise<CommandLog> {
  const log = await createTestLog();
  await migrateCommandResults(log.db.pool);
  return { ...log, handler: new CommandHandler(log.store, new IdempotencyStore(log.db.pool, { waitMs: 2_000 })) };
}
