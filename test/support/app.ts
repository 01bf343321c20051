import { startApp, type App, type AppOptions } from '../../src/app';
import { createTokenVerifier } from '../../src/auth/tokens';
import { buildAppSchema } from '../../src/graphql/schema';
import { startHttpServer, type HttpServer } from '../../src/server';
import { silentLogger } from '../../src/infra/logger';
import type { ProjectionDefinition } from '../../src/projections/projection';
import { createTestDatabase, type TestDatabase } from './database';
import { authorization, TEST_ADMIN, TEST_TOKEN_SETTINGS, type Actor } from './auth';
import { expectStreamsUnchanged } from './streams';
import { testAtomicity } from './storedLog';

export interface TestApp {
  app: App;
  db: TestDatabase;
  url: string;
  /** POSTs a request as `as` (an administrator unless named; null sends no token), with extra headers. */
  graphql<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    as?: Actor | null,
    headers?: Record<string, string>,
  ): Promise<{
    status: number;
    body: { data?: T; errors?: Array<{ message: string; extensions?: Record<string, any> }> };
  }>;
  stop(): Promise<void>;
}

type TestAppOptions = {
  projections?: readonly ProjectionDefinition[];
  now?: () => Date;
  mutationsPerMinute?: number;
  /** The log in EventStoreDB at this URL (read models stay in the test database). */
  eventStoreUrl?: string;
  /** Lease, progress and readiness settings (defaults: config.ts). */
  instance?: AppOptions['config']['instance'];
  /** Where uploaded documents go (default: a fresh temporary folder). */
  documents?: AppOptions['config']['documents'];
} & Partial<Pick<AppOptions, 'http' | 'logger' | 'metrics'>>;

/** The app on `databaseUrl` as tests run it: 127.0.0.1, a random port, the test tokens, silent by default. */
export function startAppOn(databaseUrl: string, options: TestAppOptions = {}): Promise<App> {
  return startApp({
    config: {
      eventStore: options.eventStoreUrl ? 'eventstoredb' : 'postgres',
      eventStoreUrl: options.eventStoreUrl ?? null,
      port: 0,
      mutationsPerMinute: options.mutationsPerMinute,
      atomicMultiStreamAppend: testAtomicity(),
      instance: options.instance,
      documents: options.documents,
    },
    databaseUrl,
    logger: options.logger ?? silentLogger,
    projections: options.projections,
    now: options.now,
    host: '127.0.0.1',
    tokens: TEST_TOKEN_SETTINGS,
    http: options.http,
    metrics: options.metrics,
  });
}

/** The whole app over HTTP on a random port, on its own database. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const app = await startAppOn(db.url, options);
  const url = app.url.replace('localhost', '127.0.0.1');
  return {
    app,
    db,
    url,
    graphql: async (query, variables, as = TEST_ADMIN, headers = {}) => {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(as ? await authorization(as) : {}), ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: (await response.json()) as any };
    },
    stop: async () => {
      await app.stop();
      await db.drop();
    },
  };
}

type ServerOptions = Parameters<typeof startHttpServer>[2];

/**
 * A second HTTP front over the test app's services (or `services` in their place): always
 * ready, verifying the test tokens, with `options` on top.
 */
export async function startSecondServer(
  t: TestApp,
  options: Partial<ServerOptions> = {},
  services = t.app.services,
): Promise<HttpServer> {
  return startHttpServer(await buildAppSchema(), services, {
    port: 0,
    host: '127.0.0.1',
    isReady: async () => ({ ready: true, details: {} }),
    tokens: createTokenVerifier(TEST_TOKEN_SETTINGS),
    ...options,
  });
}

export interface GraphQLErrorBody {
  message: string;
  extensions?: Record<string, any>;
}

/** Runs a mutation that must succeed and returns its result (the first field of `data`). */
export async function mutate(
  t: TestApp,
  query: string,
  variables: Record<string, unknown>,
  as?: Actor | null,
): Promise<any> {
  const { body } = await t.graphql(query, variables, as);
  if (body.errors?.length) throw new Error(`expected success, got ${JSON.stringify(body.errors)}`);
  return Object.values(body.data as Record<string, unknown>)[0];
}

/**
 * Sends a command that must be refused: none of `streamIds` may change, no data comes
 * back, and the error's extensions match `expected` (code, rule …). Returns the error.
 */
export async function expectRefused(
  t: TestApp,
  streamIds: string[],
  query: string,
  variables: Record<string, unknown>,
  expected: Record<string, unknown>,
  as?: Actor | null,
): Promise<GraphQLErrorBody> {
  let errors: GraphQLErrorBody[] | undefined;
  let data: unknown;
  await expectStreamsUnchanged(t.app.services.store, streamIds, async () => {
    const { body } = await t.graphql(query, variables, as);
    errors = body.errors;
    data = body.data;
  });
  expect(data ?? null).toBeNull();
  expect(errors).toHaveLength(1);
  expect(errors![0].extensions).toMatchObject(expected);
  return errors![0];
}
