import type { Pool } from 'pg';
import type { ScopeFacts } from './auth/scopeFacts';
import type { CommandHandler } from './commands/commandHandler';
import type { EventStore } from './eventStore/eventStore.port';
import type { Logger } from './infra/logger';
import type { ProjectionRunner } from './projections/projectionRunner';

/** The application's long-lived parts, made once per app (app.ts) and handed to commands, queries and resolvers. */
export interface Services {
  pool: Pool;
  store: EventStore;
  commands: CommandHandler;
  projections: ProjectionRunner;
  logger: Logger;
  /** What the access policy looks up about the things requests name. */
  scope: ScopeFacts;
  /** The clock, injectable for tests. */
  now: () => Date;
}
