import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { GraphQLResolveInfo } from 'graphql';
import type { Pool } from 'pg';
import type { ScopeFacts } from '../auth/scopeFacts';
import type { CommandContext, CommandHandler } from '../commands/commandHandler';
import type { EventStore } from '../eventStore/eventStore.port';
import type { Identity } from '../identity';
import type { Logger } from '../infra/logger';
import type { ProjectionRunner } from '../projections/projectionRunner';

/** Long-lived parts of the app that resolvers reach through the context. */
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

export interface GraphQLContext {
  services: Services;
  identity: Identity;
  correlationId: string;
  idempotencyKey: string | null;
  /** The command context for the mutation field being resolved. */
  commandContext(info: GraphQLResolveInfo): CommandContext;
}

function header(headers: IncomingHttpHeaders, name: string): string | null {
  const value = headers[name];
  const text = Array.isArray(value) ? value[0] : value;
  return text && text.trim() !== '' ? text.trim() : null;
}

/** The context of one request by a caller whose token has been verified. */
export function createContext(services: Services, headers: IncomingHttpHeaders, identity: Identity): GraphQLContext {
  const correlationId = header(headers, 'x-correlation-id')?.slice(0, 100) ?? randomUUID();
  const idempotencyKey = header(headers, 'idempotency-key')?.slice(0, 200) ?? null;
  return {
    services,
    identity,
    correlationId,
    idempotencyKey,
    commandContext: (info) => ({
      identity,
      correlationId,
      idempotencyKey,
      // Several mutations in one request share the key: each gets its own slot.
      idempotencyScope: `${info.parentType.name}.${info.path.key}`,
      now: services.now,
    }),
  };
}
