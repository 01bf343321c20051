/**
 * Typed errors raised by deciders, handlers and the event store. One place
 * (`src/graphql/errorMapping.ts`) maps them to GraphQL `extensions.code`.
 */
export abstract class DomainError extends Error {
  abstract readonly code:
    | 'BAD_USER_INPUT'
    | 'RULE_VIOLATION'
    | 'CONFLICT'
    | 'NOT_FOUND'
    | 'UNAUTHENTICATED'
    | 'FORBIDDEN'
    | 'SERVICE_BUSY'
    | 'PROJECTION_FAILED'
    | 'PROCESS_MANAGER_FAILED'
    | 'STREAM_DELETED'
    | 'NOT_LEASE_HOLDER';
  readonly extensions: Record<string, unknown> = {};
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A domain rule forbids the command; `rule` names it (e.g. `COUNCIL_QUORUM`). */
export class RuleViolation extends DomainError {
  readonly code = 'RULE_VIOLATION' as const;
  constructor(
    readonly rule: string,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(message);
    Object.assign(this.extensions, { rule, ...details });
  }
}

/** The command's input is malformed in a way only the domain can tell. */
export class InvalidInput extends DomainError {
  readonly code = 'BAD_USER_INPUT' as const;
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    if (field) this.extensions.field = field;
  }
}

/** A referenced entity does not exist (or the stream for the command is empty). */
export class NotFound extends DomainError {
  readonly code = 'NOT_FOUND' as const;
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`${entity} ${id} not found`);
    Object.assign(this.extensions, { entity, id });
  }
}

/** The stream is not at the version the append expected. */
export class VersionConflict extends DomainError {
  readonly code = 'CONFLICT' as const;
  constructor(
    readonly streamId: string,
    readonly expected: string,
    readonly actual: number,
  ) {
    super(`stream ${streamId} is at version ${actual}, expected ${expected}`);
    Object.assign(this.extensions, { streamId, expected, actual });
  }
}

/** The stream was deleted in the event store: it takes no more events and reads as gone. */
export class StreamDeleted extends DomainError {
  readonly code = 'STREAM_DELETED' as const;
  constructor(readonly streamId: string) {
    super(`stream ${streamId} was deleted in the event store`);
    this.extensions.streamId = streamId;
  }
}

/** Another command with the same idempotency key is still running or used other input. */
export class IdempotencyConflict extends DomainError {
  readonly code = 'CONFLICT' as const;
  constructor(message: string) {
    super(message);
  }
}

export class Forbidden extends DomainError {
  readonly code = 'FORBIDDEN' as const;
}

/** The read models a decision depends on did not catch up in time: safe to retry. */
export class ReadModelsBehind extends DomainError {
  readonly code = 'CONFLICT' as const;
  constructor(names: readonly string[]) {
    super(`read models ${names.join(', ')} are still catching up with the event log; retry the command`);
    Object.assign(this.extensions, { retryable: true, projections: [...names] });
  }
}

/** The process already does as much of this work as it takes at once: safe to retry later. */
export class ServiceBusy extends DomainError {
  readonly code = 'SERVICE_BUSY' as const;
  constructor(message: string) {
    super(message);
    this.extensions.retryable = true;
  }
}

/** What a failed read model reports: the event its handler could not apply. */
export interface FailedProjection {
  name: string;
  error: string | null;
  failedPosition: string | null;
}

/**
 * A read model asked for stopped at an event its handler cannot apply, before the
 * position waited for: it will not get there until an operator fixes it and rebuilds it.
 */
export class ProjectionFailed extends DomainError {
  readonly code = 'PROJECTION_FAILED' as const;
  constructor(failed: readonly FailedProjection[]) {
    const names = failed.map((f) => f.name).join(', ');
    super(`read model ${names} failed and does not apply the log any further: ${failed[0]?.error ?? 'unknown error'}`);
    this.extensions.projections = failed.map(({ name, error, failedPosition }) => ({ name, error, failedPosition }));
  }
}

/**
 * A process manager stopped at an event before the position asked about: the consequences
 * of that event (and of any later one it carries) will not appear until an operator
 * repairs it. Waiting longer would not help.
 */
export class ConsequencesFailed extends DomainError {
  readonly code = 'PROCESS_MANAGER_FAILED' as const;
  constructor(processManager: string, position: string, error: string) {
    super(`process manager ${processManager} stopped at the event at ${position}: ${error}`);
    Object.assign(this.extensions, { processManager, position, error });
  }
}

/** The consequences of what was committed before a command are still being carried: safe to retry. */
export class ConsequencesPending extends DomainError {
  readonly code = 'CONFLICT' as const;
  constructor() {
    super('the consequences of earlier decisions are still being carried to their streams; retry the command');
    this.extensions.retryable = true;
  }
}

/**
 * Work only the holder of a lease does (rebuilding a read model) was asked of an instance
 * that does not hold it: `holder` names the instance that does, if any.
 */
export class NotLeaseHolder extends DomainError {
  readonly code = 'NOT_LEASE_HOLDER' as const;
  constructor(what: string, holder: string | null) {
    super(`${what} runs on the instance holding its lease (${holder ?? 'none holds it now'}); ask that instance`);
    Object.assign(this.extensions, { holder });
  }
}
