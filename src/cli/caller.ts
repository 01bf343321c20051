import { ACCESS_POLICY } from '../auth/accessPolicy';
import { createDevelopmentAuth } from '../auth/developmentTokens';
import { AccessDenied } from '../auth/policy';
import { AuthenticationError, createTokenVerifier, type TokenSettings } from '../auth/tokens';
import type { Config } from '../config';
import { ROLES, type Identity, type Role } from '../identity';
import { CliFailure, EXIT } from './io';

/** Who runs a command that appends, as the HTTP front would know them. */
export interface Caller {
  /** How tokens are verified (development mode: this run's secret). */
  settings: TokenSettings;
  token: string;
  identity: Identity;
}

export interface CallerOptions {
  token?: string;
  actor?: string;
}

async function settingsAndToken(
  config: Config,
  options: CallerOptions,
  env: NodeJS.ProcessEnv,
): Promise<{ settings: TokenSettings; token: string | undefined }> {
  const given = options.token ?? (env.TDKT_TOKEN?.trim() || undefined);
  if (config.auth.kind !== 'development') {
    if (options.actor)
      throw new CliFailure('--actor works in development mode only (no JWT_SECRET or JWT_JWKS_URL)', EXIT.usage);
    return { settings: config.auth, token: given };
  }
  // As `npm start` does: a secret for this run, one token per role signed with it.
  const development = await createDevelopmentAuth(config.auth.claims);
  if (!options.actor) return { settings: development.settings, token: given };
  if (!(ROLES as readonly string[]).includes(options.actor))
    throw new CliFailure(`--actor must be one of ${ROLES.join(', ')}`, EXIT.usage);
  return { settings: development.settings, token: development.tokens[options.actor as Role] };
}

/**
 * The caller of a command that appends: the token of `--token`, `TDKT_TOKEN`, or in
 * development mode `--actor ROLE`, verified exactly as the HTTP front verifies a bearer token.
 */
export async function resolveCaller(config: Config, options: CallerOptions, env: NodeJS.ProcessEnv): Promise<Caller> {
  const { settings, token } = await settingsAndToken(config, options, env);
  if (!token)
    throw new CliFailure(
      'this command appends to the log: give --token <jwt> or TDKT_TOKEN (or --actor ROLE in development mode)',
      EXIT.usage,
    );
  try {
    const identity = await createTokenVerifier(settings).identify(`Bearer ${token}`);
    return { settings, token, identity };
  } catch (error) {
    if (error instanceof AuthenticationError) throw new CliFailure(`UNAUTHENTICATED: ${error.message}`);
    throw error;
  }
}

/**
 * Refuses, before anything runs, a caller whose role the access policy grants none of
 * `operations` (or, with `unconditionally`, not every one of them without conditions).
 */
export function refuseUngranted(identity: Identity, operations: readonly string[], unconditionally = false): void {
  for (const operation of operations) {
    const grant = identity.role === null ? undefined : ACCESS_POLICY[operation]?.grants[identity.role];
    const conditional = grant !== undefined && (grant.refuse !== undefined || grant.refuseAnswer !== undefined);
    if (grant === undefined || (unconditionally && conditional))
      throw new AccessDenied(
        operation,
        identity,
        `${identity.role ?? 'a caller without a role'} may not run ${operation}${grant ? ' without conditions' : ''}`,
      );
  }
}

/** Every command of the API: what a seed stands for, since it writes every kind of stream. */
export const ALL_MUTATIONS: readonly string[] = Object.entries(ACCESS_POLICY)
  .filter(([, row]) => row.kind === 'mutation')
  .map(([operation]) => operation);
