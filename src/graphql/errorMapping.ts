import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError } from 'type-graphql';
import { AccessDenied } from '../auth/policy';
import type { Logger } from '../infra/logger';
import { isDatabaseUnreachable } from '../infra/transientErrors';
import { DomainError, ServiceBusy } from '../shared/errors';
import type { GraphQLContext } from './context';

/** Seconds a client is asked to wait before it retries a request the database could not serve. */
const OUTAGE_RETRY_AFTER_SECONDS = 5;

/** Seconds a client is asked to wait before it retries a request refused as busy. */
const BUSY_RETRY_AFTER_SECONDS = 1;

/** A database that does not exist (dropped under the app) or a pool the app has ended: no request can be served. */
const GONE_SQLSTATE = '3D000';
const POOL_ENDED = /^Cannot use a pool after calling end/;

/**
 * Whether `error` (or what caused it) says the database cannot serve requests now,
 * rather than that a request is wrong.
 */
function isStoreOutage(error: unknown, depth = 0): boolean {
  if (isDatabaseUnreachable(error)) return true;
  if (!(error instanceof Error) || depth > 3) return false;
  if ((error as { code?: unknown }).code === GONE_SQLSTATE || POOL_ENDED.test(error.message)) return true;
  // Apollo wraps what a plugin throws (the rate limiter's statement) as the originalError of a GraphQLError.
  const inner = (error as { originalError?: unknown }).originalError ?? error.cause;
  return isStoreOutage(inner, depth + 1);
}

export interface ValidationProblem {
  field: string;
  constraints: Record<string, string>;
}

function flattenValidation(
  errors: ArgumentValidationError['extensions']['validationErrors'],
  prefix = '',
): ValidationProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, constraints: error.constraints }] : [];
    return [...own, ...flattenValidation(error.children ?? [], field)];
  });
}

/** An error no code describes: masked for the client, logged with the request's correlation id. */
function isUnexpected(error: GraphQLError): boolean {
  const original = unwrapResolverError(error);
  if (original instanceof DomainError || original instanceof ArgumentValidationError || isStoreOutage(original))
    return false;
  const code = error.extensions?.code;
  return typeof code !== 'string' || code === 'INTERNAL_SERVER_ERROR';
}

/**
 * The one place errors become GraphQL errors. Domain errors keep their code and
 * details; validation errors say which field broke which constraint (never the
 * rejected object or a stack); a database that cannot be reached is SERVICE_UNAVAILABLE;
 * anything unexpected is masked (errorReportingPlugin logs it, and the access policy's
 * refusals, and adds the correlation id).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof DomainError) {
    return {
      message: original.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: original.code, ...original.extensions },
    };
  }
  if (original instanceof ArgumentValidationError) {
    const problems = flattenValidation(original.extensions.validationErrors);
    const summary = problems.map((p) => `${p.field}: ${Object.values(p.constraints).join(', ')}`).join('; ');
    return {
      message: `Invalid input: ${summary}`,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'BAD_USER_INPUT', validationErrors: problems },
    };
  }
  if (isStoreOutage(original)) {
    const extensions = { code: 'SERVICE_UNAVAILABLE', retryable: true };
    return {
      message: 'the database cannot be reached; retry later',
      locations: formatted.locations,
      path: formatted.path,
      extensions,
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

/**
 * Reports what went wrong in a request: an unexpected error is logged with the request's
 * correlation id (never its body or headers) and the client gets that id in the error's
 * extensions, so an operator can find the log line; a database that cannot be reached,
 * or a process too busy to take the request (SERVICE_BUSY), makes the answer HTTP 503
 * with Retry-After.
 */
export function errorReportingPlugin(logger: Logger): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, response }) {
          // The request's logger carries its request and correlation ids.
          const log = contextValue.services?.logger ?? logger.child({ correlationId: contextValue.correlationId });
          const outage = errors.find((error) => isStoreOutage(unwrapResolverError(error)));
          if (outage) {
            log.warn('database unavailable', { error: String(unwrapResolverError(outage)) });
            response.http.status = 503;
            response.http.headers.set('retry-after', String(OUTAGE_RETRY_AFTER_SECONDS));
          } else if (errors.some((error) => unwrapResolverError(error) instanceof ServiceBusy)) {
            response.http.status = 503;
            response.http.headers.set('retry-after', String(BUSY_RETRY_AFTER_SECONDS));
          }
          // Refusals by the access policy: who asked for what, never a token or a name.
          for (const error of errors) {
            const original = unwrapResolverError(error);
            if (original instanceof AccessDenied) log.warn('request refused', { ...original.record });
          }
          for (const error of errors.filter(isUnexpected)) {
            const original = unwrapResolverError(error) as Error;
            log.error('unexpected error', { error: String(original?.stack ?? original) });
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          const { correlationId } = contextValue;
          const errors = response.body.singleResult.errors.map((error) =>
            error.extensions?.code === 'INTERNAL_SERVER_ERROR'
              ? { ...error, extensions: { ...error.extensions, correlationId } }
              : error,
          );
          response.body.singleResult = { ...response.body.singleResult, errors };
        },
      };
    },
  };
}
