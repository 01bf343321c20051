// The app run inside the command's process, for commands that append: the same command
// handler, schema, input validation and access policy as a GraphQL request, without the
// HTTP front's per-caller rate limit (an import sends one command per row).
import { execute, parse, validate, type GraphQLError } from 'graphql';
import { startApp, type App } from '../app';
import { createTokenVerifier, type TokenSettings } from '../auth/tokens';
import { defaultInstanceId, MAX_INSTANCE_ID_BYTES, type Config } from '../config';
import type { GraphQLAnswer } from '../demo/demoYear';
import { createContext } from '../graphql/context';
import { formatError } from '../graphql/errorMapping';
import { buildAppSchema } from '../graphql/schema';
import type { Logger } from '../infra/logger';

export interface Engine {
  app: App;
  /** Runs one operation with `token` as its bearer token (and `idempotencyKey` as its Idempotency-Key). */
  run(
    query: string,
    variables: Record<string, unknown>,
    token: string,
    idempotencyKey?: string,
  ): Promise<GraphQLAnswer>;
  stop(): Promise<void>;
}

/** Names the command's process among the instances on the database (projection status, leases). */
export function cliInstanceId(): string {
  return `cli:${defaultInstanceId()}`.slice(0, MAX_INSTANCE_ID_BYTES);
}

function answerOf(errors: readonly GraphQLError[]): GraphQLAnswer {
  return {
    errors: errors.map((error) => {
      const formatted = formatError(error.toJSON(), error);
      return { message: formatted.message, extensions: formatted.extensions };
    }),
  };
}

/**
 * Starts the app on `databaseUrl` (its HTTP front on a free loopback port, unused), as
 * one more instance: it runs the read models and process managers whose leases are free.
 */
export async function startEngine(
  config: Config,
  databaseUrl: string,
  tokens: TokenSettings,
  logger: Logger,
): Promise<Engine> {
  const app = await startApp({
    config: { ...config, port: 0, instance: { ...config.instance, id: cliInstanceId() } },
    databaseUrl,
    logger,
    tokens,
    host: '127.0.0.1',
    metrics: null,
  });
  const schema = await buildAppSchema();
  const verifier = createTokenVerifier(tokens);
  return {
    app,
    run: async (query, variables, token, idempotencyKey) => {
      const authorization = `Bearer ${token}`;
      const identity = await verifier.identify(authorization);
      const headers = { authorization, ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}) };
      const document = parse(query);
      const invalid = validate(schema, document);
      if (invalid.length > 0) return answerOf(invalid);
      const contextValue = createContext(app.services, headers, identity);
      const result = await execute({ schema, document, variableValues: variables, contextValue });
      return { data: result.data as GraphQLAnswer['data'], ...(result.errors ? answerOf(result.errors) : {}) };
    },
    stop: () => app.stop(),
  };
}
