import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { GraphQLResolveInfo } from 'graphql';
import type { PolicyServices } from '../auth/enforcement';
import { AccessCheckReads } from '../commands/accessCheckReads';
import type { CommandContext } from '../commands/commandHandler';
import type { Identity } from '../identity';
import { budgetedPool, ConnectionBudget, withinBudget } from '../infra/connectionBudget';
import type { Services } from '../services';

export interface GraphQLContext {
  services: Services;
  identity: Identity;
  correlationId: string;
  idempotencyKey: string | null;
  /** The command context for the mutation field being resolved. */
  commandContext(info: GraphQLResolveInfo): CommandContext;
  /** What the access check of the mutation field being resolved reads with, keeping its reads for the command. */
  mutationPolicyServices(info: GraphQLResolveInfo): PolicyServices;
}

function header(headers: IncomingHttpHeaders, name: string): string | null {
  const value = headers[name];
  const text = Array.isArray(value) ? value[0] : value;
  return text && text.trim() !== '' ? text.trim() : null;
}

/** Store methods that take a database connection (one at a time each). */
const STORE_CALLS: ReadonlySet<PropertyKey> = new Set([
  'append',
  'appendToStreams',
  'readStream',
  'readAll',
  'headPosition',
  'lastCommittedPosition',
  'countEventsAfter',
]);
const PROJECTION_CALLS: ReadonlySet<PropertyKey> = new Set(['lag']);

/**
 * The services as one request sees them: every connection it takes, through the pool,
 * the store or the projections' lag, counts against one budget (infra/connectionBudget.ts).
 * Mutations run one after the other and each command reads a bounded set of streams, so
 * the command handler keeps the shared store.
 */
function budgetedServices(services: Services, budget = new ConnectionBudget()): Services {
  return {
    ...services,
    pool: budgetedPool(services.pool, budget),
    store: withinBudget(services.store, budget, STORE_CALLS),
    projections: withinBudget(services.projections, budget, PROJECTION_CALLS),
  };
}

/** The context of one request by a caller whose token has been verified. */
export function createContext(shared: Services, headers: IncomingHttpHeaders, identity: Identity): GraphQLContext {
  const correlationId = header(headers, 'x-correlation-id')?.slice(0, 100) ?? randomUUID();
  // Every line logged for the request carries its correlation id (and the HTTP front's request id).
  const services = { ...budgetedServices(shared), logger: shared.logger.child({ correlationId }) };
  // Whole: the command handler refuses one that is too long rather than cutting it.
  const idempotencyKey = header(headers, 'idempotency-key');
  // A mutation field's access check and its command share the streams the check read.
  const readsByField = new Map<string | number, AccessCheckReads>();
  const accessCheckReads = (info: GraphQLResolveInfo) => {
    let reads = readsByField.get(info.path.key);
    if (reads === undefined) readsByField.set(info.path.key, (reads = new AccessCheckReads()));
    return reads;
  };
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
      logger: services.logger,
      accessCheckReads: accessCheckReads(info),
    }),
    mutationPolicyServices: (info) => ({
      scope: services.scope.keepingReadsIn(accessCheckReads(info)),
      now: services.now,
    }),
  };
}
