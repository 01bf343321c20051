/**
 * Who may run which operation: one row per query and mutation (policy.mutations.ts,
 * policy.queries.ts), each naming the roles that may run it and the condition, if any.
 * A role without a grant in a row is refused with FORBIDDEN before anything runs, so
 * nothing is appended; a condition that fails refuses the same way.
 */
import type { Identity, Role } from '../identity';
import type { IsoDate } from '../shared/domain';
import { Forbidden } from '../shared/errors';
import type { ScopeFacts } from './scopeFacts';

/** An operation's arguments as the GraphQL schema coerced them (before validation). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- arguments differ per operation
export type OperationArgs = Readonly<Record<string, any>>;

/** An operation's answer, whose shape is the operation's own. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers differ per operation
export type OperationAnswer = any;

/** One request as the policy judges it. */
export interface AccessRequest {
  operation: string;
  identity: Identity;
  args: OperationArgs;
  facts: ScopeFacts;
  today: IsoDate;
}

/** Why a request is refused (shown to the caller), or null when it may go on. */
export type Refusal = string | null;

/** A role's permission on one operation: always, or under conditions. */
export interface Grant {
  /** The condition as the access table (docs/access.md) states it; '' for "always". */
  rule: string;
  /** Refuses from the request alone, before the operation runs. */
  refuse?: (request: AccessRequest) => Promise<Refusal>;
  /** The arguments the operation runs with: a page narrowed afterwards reads more, a list is pinned to a reach. */
  prepare?: (args: OperationArgs, request: AccessRequest) => OperationArgs;
  /** Refuses from the answer, for things only the answer places (a dossier's units). */
  refuseAnswer?: (answer: OperationAnswer, request: AccessRequest) => Promise<Refusal>;
  /** Drops from the answer what lies outside the caller's reach. */
  narrow?: (answer: OperationAnswer, request: AccessRequest) => Promise<unknown>;
}

export interface OperationPolicy {
  kind: 'query' | 'mutation';
  /** The heading the access table (docs/access.md) lists it under. */
  group: string;
  grants: Partial<Record<Role, Grant>>;
  /** Replaces denouncers' names in the answer, for every role that may not see them. */
  withholdDenouncers?: (answer: OperationAnswer) => unknown;
}

export type AccessPolicy = Readonly<Record<string, OperationPolicy>>;

export const ALWAYS: Grant = { rule: '' };

/** The only roles that see a denouncer's identity (Law on Denunciations 2018). */
export const DENOUNCER_READERS: readonly Role[] = ['ADMIN', 'COMPLAINT_OFFICER'];

/** A row: `grants`, and ADMIN, which may run everything. */
export function row(
  kind: OperationPolicy['kind'],
  group: string,
  grants: OperationPolicy['grants'],
  extra: Pick<OperationPolicy, 'withholdDenouncers'> = {},
): OperationPolicy {
  return { kind, group, grants: { ADMIN: ALWAYS, ...grants }, ...extra };
}

/** The same grant for several roles. */
export function grantTo(roles: readonly Role[], grant: Grant = ALWAYS): Partial<Record<Role, Grant>> {
  return Object.fromEntries(roles.map((role) => [role, grant]));
}

/** A grant whose checks run in order; the first refusal counts. */
export function when(rule: string, ...checks: Array<(request: AccessRequest) => Promise<Refusal> | Refusal>): Grant {
  return {
    rule,
    refuse: async (request) => {
      for (const check of checks) {
        const refusal = await check(request);
        if (refusal !== null) return refusal;
      }
      return null;
    },
  };
}

/** Who was refused what and why: what the application log records (never a token or a name). */
export interface RefusalRecord {
  operation: string;
  actorId: string | null;
  role: Role | null;
  unitId: string | null;
  reason: string;
}

export class AccessDenied extends Forbidden {
  readonly record: RefusalRecord;

  constructor(operation: string, identity: Identity, reason: string) {
    super(reason);
    this.record = { operation, actorId: identity.actorId, role: identity.role, unitId: identity.unitId, reason };
  }
}
