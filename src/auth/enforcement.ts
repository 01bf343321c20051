import type { Identity } from '../identity';
import {
  AccessDenied,
  DENOUNCER_READERS,
  type AccessRequest,
  type Grant,
  type OperationArgs,
  type OperationPolicy,
  type OperationAnswer,
} from './policy';
import type { ScopeFacts } from './scopeFacts';

/** Runs the operation itself with the given arguments. */
export type RunOperation = (args: OperationArgs) => unknown;

/** What the policy reads besides the request: the app's scope facts and clock. */
export interface PolicyServices {
  scope: ScopeFacts;
  now: () => Date;
}

export type Enforcer = (
  identity: Identity,
  args: OperationArgs,
  services: PolicyServices,
  run: RunOperation,
) => unknown;

/**
 * Enforces one operation's row. A role that may always run it costs one lookup: the
 * operation runs directly, no request is built, nothing is awaited (beyond masking
 * denouncers' names in the answer, for the roles that may not see them).
 */
export function enforcerOf(operation: string, policy: OperationPolicy): Enforcer {
  return (identity, args, services, run) => {
    const grant = identity.role === null ? undefined : policy.grants[identity.role];
    if (grant === undefined)
      throw new AccessDenied(
        operation,
        identity,
        `${identity.role ?? 'a caller without a role'} may not run ${operation}`,
      );
    const withhold =
      policy.withholdDenouncers !== undefined && !DENOUNCER_READERS.includes(identity.role!)
        ? policy.withholdDenouncers
        : undefined;
    if (grant.refuse === undefined && grant.refuseAnswer === undefined && grant.narrow === undefined) {
      return withhold === undefined ? run(args) : Promise.resolve(run(args)).then(withhold);
    }
    const request: AccessRequest = {
      operation,
      identity,
      args,
      facts: services.scope,
      today: services.now().toISOString().slice(0, 10),
    };
    return enforceGrant(grant, request, run, withhold);
  };
}

async function enforceGrant(
  grant: Grant,
  request: AccessRequest,
  run: RunOperation,
  withhold: ((answer: OperationAnswer) => unknown) | undefined,
): Promise<unknown> {
  const refusal = grant.refuse ? await grant.refuse(request) : null;
  if (refusal !== null) throw new AccessDenied(request.operation, request.identity, refusal);
  let answer = await run(grant.prepare ? grant.prepare(request.args, request) : request.args);
  const answerRefusal = grant.refuseAnswer && answer !== null ? await grant.refuseAnswer(answer, request) : null;
  if (answerRefusal !== null) throw new AccessDenied(request.operation, request.identity, answerRefusal);
  if (grant.narrow) answer = await grant.narrow(answer, request);
  return withhold ? withhold(answer) : answer;
}
