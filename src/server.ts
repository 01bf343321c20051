import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import { CompiledExecutor } from './graphql/compiledExecutor';
import { createContext, type GraphQLContext } from './graphql/context';
import type { Services } from './services';
import { errorReportingPlugin, formatError } from './graphql/errorMapping';
import { graphqlMetricsPlugin } from './graphql/metricsPlugin';
import { randomUUID } from 'node:crypto';
import { mutationRateLimitPlugin } from './graphql/rateLimitPlugin';
import { answerDownload, downloadOf } from './http/downloads';
import { answerDocumentRoute, documentRouteOf } from './http/documents';
import { DEFAULT_HTTP_LIMITS, readBody, refusalOf, type HttpLimits } from './http/limits';
import type { MutationRateLimiter } from './infra/rateLimit';
import { landingPageHtml } from './graphql/landingPage';
import { AuthenticationError, type TokenVerifier } from './auth/tokens';
import type { Identity } from './identity';
import { QUERY_LIMITS, queryLimits } from './graphql/queryLimits';
import { knownOperationTypes, textInputGuard } from './graphql/requestGuards';
import { loadWebAssets, sendWebAsset, type WebAssets } from './http/webAssets';
import { answerDevelopmentTokens } from './http/developmentTokens';

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

/** Whether `text` is longer than `maxBytes` in UTF-8 (counted only when it might be). */
function exceedsBytes(text: string, maxBytes: number): boolean {
  return text.length * 3 > maxBytes && Buffer.byteLength(text) > maxBytes;
}

/**
 * Apollo Server for the schema, with every request held to the query limits and guards.
 * With a compiled executor Apollo reaches the schema through it (the gateway interface):
 * Apollo still parses, validates and runs plugins, the executor only executes.
 */
function createApollo(
  schema: GraphQLSchema,
  services: Services,
  compiledExecutor: CompiledExecutor | null,
  mutationRateLimiter: MutationRateLimiter | undefined,
): ApolloServer<GraphQLContext> {
  const limits = queryLimits((reason) => services.logger.info('query refused', { reason }));
  return new ApolloServer<GraphQLContext>({
    ...(compiledExecutor ? { gateway: compiledExecutor.gateway() } : { schema }),
    ...limits,
    // No field sets cache hints and no response is cacheable: skip the per-field cache-control bookkeeping.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ...limits.plugins,
      textInputGuard,
      errorReportingPlugin(services.logger),
      graphqlMetricsPlugin(services.metrics),
      ...(mutationRateLimiter ? [mutationRateLimitPlugin(mutationRateLimiter)] : []),
    ],
    validationRules: [...limits.validationRules, knownOperationTypes],
    formatError,
    // No client sends persisted-query hashes; without them, no query text is kept for one.
    persistedQueries: false,
    // The schema is public (schema.graphql); dashboards and the local explorer read it in production too.
    introspection: true,
    // Shutdown is ordered by main.ts (HTTP, then projections, then pools).
    stopOnTerminationSignals: false,
  });
}

export interface HttpServer {
  server: Server;
  apollo: ApolloServer<GraphQLContext>;
  /** The executor that runs repeated queries from compiled code (null when turned off). */
  compiledExecutor: CompiledExecutor | null;
  url: string;
  close(): Promise<void>;
}

export interface HttpServerOptions {
  port: number;
  host?: string;
  /** What `/health` answers; it is given HEALTH_ANSWER_TIMEOUT_MS at most. */
  isReady: () => Promise<Readiness>;
  /** Verifies every `/graphql` request's bearer token. */
  tokens: TokenVerifier;
  /** Development mode: the tokens the query console and the overview page offer. */
  landingPageTokens?: Record<string, string>;
  /** Run repeated queries through compiled code (default true); false: graphql-js runs everything. */
  compiledQueries?: boolean;
  /** Longer answers are refused (default QUERY_LIMITS.maxResponseBytes). */
  maxResponseBytes?: number;
  limits?: Partial<HttpLimits>;
  /** Counts every caller's mutations (none are counted without it). */
  mutationRateLimiter?: MutationRateLimiter;
}

/** What answering one request needs, fixed when the server starts. */
interface HttpFront {
  apollo: ApolloServer<GraphQLContext>;
  services: Services;
  options: HttpServerOptions;
  limits: HttpLimits;
  maxResponseBytes: number;
  landingPage: string;
  webAssets: WebAssets;
}

/** What `/health` reports: ready or not, a one-word status (default `ok` or `starting`), and the details. */
export interface Readiness {
  ready: boolean;
  status?: string;
  details: Record<string, unknown>;
}

/** `/health` answers within this even when the readiness check hangs (a database that does not answer). */
const HEALTH_ANSWER_TIMEOUT_MS = 5_000;

/** The readiness, or not ready with the error when the check fails or takes longer than HEALTH_ANSWER_TIMEOUT_MS. */
async function readinessWithin(isReady: HttpServerOptions['isReady']): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<Readiness>((resolve) => {
    timer = setTimeout(
      () =>
        resolve({
          ready: false,
          status: 'unavailable',
          details: { error: `the readiness check took longer than ${HEALTH_ANSWER_TIMEOUT_MS} ms` },
        }),
      HEALTH_ANSWER_TIMEOUT_MS,
    );
  });
  const checked = isReady().catch((error): Readiness => ({
    ready: false,
    status: 'unavailable',
    details: { error: String(error) },
  }));
  try {
    return await Promise.race([checked, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/** `/health/ready` (and `/health`): 200 when ready, 503 with what is not. */
async function answerHealth(response: ServerResponse, isReady: HttpServerOptions['isReady']): Promise<void> {
  const { ready, status, details } = await readinessWithin(isReady);
  sendJson(response, ready ? 200 : 503, { status: status ?? (ready ? 'ok' : 'starting'), ...details });
}

/** The caller of a `/graphql` request, or null once it has been answered 401. */
async function authenticate(
  front: HttpFront,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<Identity | null> {
  try {
    return await front.options.tokens.identify(request.headers.authorization);
  } catch (error) {
    if (!(error instanceof AuthenticationError)) throw error;
    front.services.logger.info('request refused: not authenticated', { reason: error.message });
    response.setHeader('www-authenticate', 'Bearer');
    sendJson(response, 401, {
      errors: [{ message: `not authenticated: ${error.message}`, extensions: { code: 'UNAUTHENTICATED' } }],
    });
    return null;
  }
}

/**
 * A POST's body parsed as JSON (`{}` when empty; none for a GET), or null once the
 * request has been answered: too large or too slow (see http/limits.ts), or not JSON.
 */
async function readJsonBody(
  request: IncomingMessage,
  response: ServerResponse,
  limits: HttpLimits,
): Promise<{ body: unknown } | null> {
  if (request.method !== 'POST') return { body: undefined };
  let raw: string;
  try {
    raw = await readBody(request, limits);
  } catch (error) {
    const refusal = refusalOf(error);
    if (!refusal) throw error;
    // The rest of the body is not read: the connection cannot carry another request.
    response.setHeader('connection', 'close');
    sendJson(response, refusal.status, { errors: [{ message: refusal.message, extensions: { code: refusal.code } }] });
    return null;
  }
  try {
    return { body: raw === '' ? {} : JSON.parse(raw) };
  } catch {
    sendJson(response, 400, {
      errors: [{ message: 'request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }],
    });
    return null;
  }
}

/** Runs a `/graphql` request through Apollo and writes its answer, unless the answer is too large. */
async function answerGraphql(
  front: HttpFront,
  request: IncomingMessage,
  response: ServerResponse,
  { url, body, identity }: { url: URL; body: unknown; identity: Identity },
): Promise<void> {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const method = (request.method ?? 'GET').toUpperCase();
  const result = await front.apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method, headers, search: url.search, body },
    context: async () => createContext(front.services, request.headers, identity),
  });
  if (result.body.kind === 'complete' && exceedsBytes(result.body.string, front.maxResponseBytes)) {
    front.services.logger.info('answer refused: too large', { bytes: Buffer.byteLength(result.body.string) });
    return sendJson(response, 413, {
      errors: [
        {
          message: `the answer exceeds ${front.maxResponseBytes} bytes: ask for fewer fields, aliases or entries`,
          extensions: { code: 'RESPONSE_TOO_LARGE' },
        },
      ],
    });
  }
  for (const [key, value] of result.headers) response.setHeader(key, value);
  response.statusCode = result.status ?? 200;
  if (result.body.kind === 'complete') {
    response.end(result.body.string);
    return;
  }
  for await (const chunk of result.body.asyncIterator) response.write(chunk);
  response.end();
}

/**
 * Routes one request: `/health/live`, `/health/ready` (or `/health`), the overview page at `/`
 * and its assets, the query console (`/console`), `/dev/tokens` (development mode), downloads
 * (`/reports/…`, `/exports/…`), documents (`/documents…`) and `/graphql` (authenticated), else 404.
 */
async function handleRequest(front: HttpFront, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const wantsHtml = request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
  const webAsset =
    request.method === 'GET' || request.method === 'HEAD' ? front.webAssets.get(url.pathname) : undefined;
  if (request.method === 'GET' && (url.pathname === '/health' || url.pathname === '/health/ready'))
    return answerHealth(response, front.options.isReady);
  // Liveness: the process answers, whatever the database or the read models do.
  if (request.method === 'GET' && url.pathname === '/health/live') return sendJson(response, 200, { status: 'ok' });
  if (webAsset) return sendWebAsset(webAsset, request, response);
  if (url.pathname === '/console' || (url.pathname === '/graphql' && wantsHtml)) {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(front.landingPage);
    return;
  }
  if (url.pathname === '/dev/tokens')
    return answerDevelopmentTokens(request, response, front.options.landingPageTokens);
  const download = downloadOf(request.method, url);
  if (download) {
    const caller = await authenticate(front, request, response);
    return caller ? answerDownload(front.services, caller, response, download) : undefined;
  }
  const documentRoute = documentRouteOf(request.method, url);
  if (documentRoute) {
    const caller = await authenticate(front, request, response);
    return caller ? answerDocumentRoute(front.services, caller, request, response, documentRoute) : undefined;
  }
  if (url.pathname !== '/graphql') return sendJson(response, 404, { error: 'not found' });
  const identity = await authenticate(front, request, response);
  if (!identity) return;
  const read = await readJsonBody(request, response, front.limits);
  if (!read) return;
  await answerGraphql(front, request, response, { url, body: read.body, identity });
}

/** A caller's `X-Request-Id` when it is a plain token of at most 100 characters, else a new one. */
function requestIdOf(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
}

/**
 * The front as one request sees it: its logger carries the request's id, which the answer
 * echoes in `X-Request-Id`; a debug line records the request's path, status and duration.
 */
function frontForRequest(front: HttpFront, request: IncomingMessage, response: ServerResponse): HttpFront {
  const requestId = requestIdOf(request);
  response.setHeader('x-request-id', requestId);
  const logger = front.services.logger.child({ requestId });
  const started = performance.now();
  response.once('finish', () => {
    // The path only: a GET's query string may carry what the caller typed.
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const ms = Math.round(performance.now() - started);
    logger.debug('request', { method: request.method, path, status: response.statusCode, ms });
  });
  return { ...front, services: { ...front.services, logger } };
}

/** The Node server, with the request time limits; a request that fails unexpectedly is answered 500. */
function createNodeServer(shared: HttpFront): Server {
  const { limits } = shared;
  const timeouts = {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    // How often Node checks those two: its default, 30 s, would let a slow sender stay twice as long.
    connectionsCheckingInterval: Math.min(1_000, limits.headersTimeoutMs),
  };
  const server = createServer(timeouts, (request, response) => {
    const front = frontForRequest(shared, request, response);
    handleRequest(front, request, response).catch((error) => {
      front.services.logger.error('request failed', { error: String(error) });
      if (!response.headersSent)
        sendJson(response, 500, {
          errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
        });
      else response.destroy();
    });
  });
  server.maxConnections = limits.maxConnections;
  return server;
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
}

/** Stop taking requests, let the ones in flight finish (10 s at most), then drop idle keep-alives. */
async function closeGracefully(server: Server, apollo: ApolloServer<GraphQLContext>): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
  server.closeAllConnections();
  await apollo.stop();
}

/**
 * The HTTP front: `/graphql` (Apollo Server, POST and GET), `/health`, the overview page
 * at `/` and the query console at `/console`. Bodies over 1 MiB are refused with 413 before parsing, bodies and
 * headers that arrive too slowly with 408 (see http/limits.ts), and answers over 5 MiB
 * with 413 instead of being sent (QUERY_LIMITS).
 */
export async function startHttpServer(
  schema: GraphQLSchema,
  services: Services,
  options: HttpServerOptions,
): Promise<HttpServer> {
  const compiledExecutor = options.compiledQueries === false ? null : new CompiledExecutor(schema);
  const apollo = createApollo(schema, services, compiledExecutor, options.mutationRateLimiter);
  await apollo.start();
  const server = createNodeServer({
    apollo,
    services,
    options,
    limits: { ...DEFAULT_HTTP_LIMITS, ...options.limits },
    maxResponseBytes: options.maxResponseBytes ?? QUERY_LIMITS.maxResponseBytes,
    landingPage: landingPageHtml(options.landingPageTokens),
    webAssets: loadWebAssets(),
  });
  await listen(server, options.port, options.host ?? '0.0.0.0');
  const { port } = server.address() as AddressInfo;
  return {
    server,
    apollo,
    compiledExecutor,
    url: `http://localhost:${port}`,
    close: () => closeGracefully(server, apollo),
  };
}
