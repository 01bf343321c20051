import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError } from 'type-graphql';
import { AccessDenied } from '../auth/policy';
import type { Logger } from '../infra/logger';
import { DomainError } from '../shared/errors';

export interface ValidationProblem {
  field: string;
  constraints: Record<string, string>;
}

function flattenValidation(errors: ArgumentValidationError['extensions']['validationErrors'], prefix = ''): ValidationProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, constraints: error.constraints }] : [];
    return [...own, ...flattenValidation(error.children ?? [], field)];
  });
}

/**
 * The one place errors become GraphQL errors. Domain errors keep their code and
 * details; validation errors say which field broke which constraint (never the
 * rejected object or a stack); anything unexpected is masked. Refusals by the access
 * policy and unexpected errors are logged here, once per response.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, logger?: Pick<Logger, 'warn' | 'error'>): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof AccessDenied) logger?.warn('request refused', { ...original.record });
  if (original instanceof DomainError) {
    return { message: original.message, locations: formatted.locations, path: formatted.path, extensions: { code: original.code, ...original.extensions } };
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
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  logger?.error('unexpected error', { error: String((original as Error)?.stack ?? original) });
  return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
