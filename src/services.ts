import type { Pool } from 'pg';
import type { ChainVerifier } from './auditTrail/chainVerifier';
import type { ScopeFacts } from './auth/scopeFacts';
import type { CommandHandler } from './commands/commandHandler';
import type { Documents } from './documents/openDocumentStore';
import type { EventStore } from './eventStore/eventStore.port';
import type { Logger } from './infra/logger';
import type { Metrics } from './infra/metrics';
import type { PreparedStatements } from './infra/preparedQuery';
import type { SharedLogDigest } from './integrity/logDigest';
import type { ProcessManagerRunner } from './processManagers/processManagerRunner';
import type { ProjectionRunner } from './projections/projectionRunner';

/** The application's long-lived parts, made once per app (app.ts) and handed to commands, queries and resolvers. */
export interface Services {
  pool: Pool;
  store: EventStore;
  commands: CommandHandler;
  projections: ProjectionRunner;
  /** Carry decisions' consequences to other streams; `waitForReadModels` waits for them too. */
  processManagers: ProcessManagerRunner;
  logger: Logger;
  /** The app's Prometheus metrics (served on METRICS_PORT when set). */
  metrics: Metrics;
  /** What the access policy looks up about the things requests name. */
  scope: ScopeFacts;
  /** The clock, injectable for tests. */
  now: () => Date;
  /** Names of the read-model queries run prepared on this app's connections. */
  statements: PreparedStatements;
  /** Verifies the audit trail's hash chains, remembering what it verified. */
  chainVerifier: ChainVerifier;
  /** The current digest of the log, one read shared by concurrent callers. */
  logDigest: SharedLogDigest;
  /** Uploaded documents, kept outside the log by their SHA-256. */
  documents: Documents;
}
