import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import { CompiledQueries } from './graphql/compiledQueries';
import { createContext, type GraphQLContext, type Services } from './graphql/context';
import { depthLimit } from './graphql/depthLimit';
import { formatError } from './graphql/errorMapping';
import { landingPageHtml } from './graphql/landingPage';
import { AuthenticationError, type TokenVerifier } from './auth/tokens';
import type { Identity } from './identity';

export const MAX_BODY_BYTES = 1024 * 1024;
const MAX_QUERY_DEPTH = 12;

class BodyTooLarge extends Error {}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) return reject(new BodyTooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        request.removeAllListeners('data');
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** A POST body the compiled path may answer: one operation as JSON, no protocol extensions. */
interface PlainQueryBody {
  query: string;
  operationName: string | null;
  variables: Record<string, unknown> | null;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function plainQueryBody(request: IncomingMessage, body: unknown): PlainQueryBody | null {
  const contentType = request.headers['content-type'] ?? '';
  if (!/^application\/json\s*(;|$)/i.test(contentType)) return null;
  // Other response media types (graphql-response+json, multipart) are negotiated by Apollo.
  const accept = request.headers.accept;
  if (accept !== undefined && !/application\/json|\*\/\*/i.test(accept)) return null;
  if (accept !== undefined && /graphql-response|multipart/i.test(accept)) return null;
  if (!isPlainObject(body) || typeof body.query !== 'string' || body.extensions !== undefined) return null;
  const { operationName = null, variables = null } = body;
  if (operationName !== null && typeof operationName !== 'string') return null;
  if (variables !== null && !isPlainObject(variables)) return null;
  return { query: body.query, operationName, variables };
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

export interface HttpServer {
  server: Server;
  apollo: ApolloServer<GraphQLContext>;
  /** The compiled queries the server answers from (null when turned off). */
  compiledQueries: CompiledQueries | null;
  url: string;
  close(): Promise<void>;
}

/**
 * The HTTP front: `/graphql` (Apollo Server, POST and GET), `/health`, and the local
 * landing page at `/`. Bodies over 1 MiB are refused with 413 before parsing.
 */
export async function startHttpServer(
  schema: GraphQLSchema,
  services: Services,
  options: {
    port: number;
    host?: string;
    isReady: () => Promise<{ ready: boolean; details: Record<string, unknown> }>;
    /** Verifies every `/graphql` request's bearer token. */
    tokens: TokenVerifier;
    /** Development mode: the tokens the landing page offers. */
    landingPageTokens?: Record<string, string>;
    /** Answer repeated, valid queries through compiled code (default true); false sends everything through Apollo. */
    compiledQueries?: boolean;
  },
): Promise<HttpServer> {
  const validationRules = [depthLimit(MAX_QUERY_DEPTH)];
  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    // No field sets cache hints and no response is cacheable: skip the per-field cache-control bookkeeping.
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled()],
    formatError: (formatted, error) => formatError(formatted, error, services.logger),
    validationRules,
    includeStacktraceInErrorResponses: false,
    // The schema is public (schema.graphql); dashboards and the local explorer read it in production too.
    introspection: true,
    // Shutdown is ordered by main.ts (HTTP, then projections, then pools).
    stopOnTerminationSignals: false,
  });
  await apollo.start();
  const compiled = options.compiledQueries === false ? null : new CompiledQueries(schema, validationRules);

  /**
   * Answers a plain query through its compiled form when the answer is clean data. Anything
   * else (not compiled, errors, a throw) returns false and Apollo answers the request
   * from scratch, so errors are shaped, coded and logged in one place. Only queries are
   * compiled, so running one twice changes nothing.
   */
  const answerCompiled = async (request: IncomingMessage, response: ServerResponse, body: PlainQueryBody, identity: Identity): Promise<boolean> => {
    const query = compiled!.get(body.query, body.operationName);
    if (!query) return false;
    let result;
    try {
      result = await query.query(undefined, createContext(services, request.headers, identity), body.variables);
    } catch {
      return false;
    }
    if (result.errors?.length || result.data === undefined) return false;
    // Byte for byte what Apollo sends for the same result, encoded once into a buffer of its own
    // (no second string with the newline, no copy inside the response stream).
    const json = JSON.stringify({ data: result.data });
    const length = Buffer.byteLength(json);
    const bytes = Buffer.allocUnsafe(length + 1);
    bytes.write(json, 0, length, 'utf8');
    bytes[length] = 0x0a;
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': bytes.length });
    response.end(bytes);
    return true;
  };

  /** The caller of a `/graphql` request, or null once it has been answered 401. */
  const authenticate = async (request: IncomingMessage, response: ServerResponse): Promise<Identity | null> => {
    try {
      return await options.tokens.identify(request.headers.authorization);
    } catch (error) {
      if (!(error instanceof AuthenticationError)) throw error;
      services.logger.info('request refused: not authenticated', { reason: error.message });
      response.setHeader('www-authenticate', 'Bearer');
      sendJson(response, 401, { errors: [{ message: `not authenticated: ${error.message}`, extensions: { code: 'UNAUTHENTICATED' } }] });
      return null;
    }
  };

  const landingPage = landingPageHtml(options.landingPageTokens);
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const wantsHtml = request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
    if (url.pathname === '/health' && request.method === 'GET') {
      const { ready, details } = await options.isReady().catch((error) => ({ ready: false, details: { error: String(error) } }));
      return sendJson(response, ready ? 200 : 503, { status: ready ? 'ok' : 'starting', ...details });
    }
    if (url.pathname === '/' || (url.pathname === '/graphql' && wantsHtml)) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return response.end(landingPage);
    }
    if (url.pathname !== '/graphql') return sendJson(response, 404, { error: 'not found' });
    const identity = await authenticate(request, response);
    if (!identity) return;

    let body: unknown;
    if (request.method === 'POST') {
      let raw: string;
      try {
        raw = await readBody(request);
      } catch (error) {
        if (error instanceof BodyTooLarge) {
          response.setHeader('connection', 'close');
          return sendJson(response, 413, { errors: [{ message: `request body exceeds ${MAX_BODY_BYTES} bytes`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
        }
        throw error;
      }
      try {
        body = raw === '' ? {} : JSON.parse(raw);
      } catch {
        return sendJson(response, 400, { errors: [{ message: 'request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
      }
      const plain = compiled && plainQueryBody(request, body);
      if (plain && (await answerCompiled(request, response, plain, identity))) return;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: (request.method ?? 'GET').toUpperCase(), headers, search: url.search, body },
      context: async () => createContext(services, request.headers, identity),
    });
    for (const [key, value] of result.headers) response.setHeader(key, value);
    response.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') return response.end(result.body.string);
    for await (const chunk of result.body.asyncIterator) response.write(chunk);
    response.end();
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error) => {
      services.logger.error('request failed', { error: String(error) });
      if (!response.headersSent) sendJson(response, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      else response.destroy();
    });
  });
  server.requestTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    server,
    apollo,
    compiledQueries: compiled,
    url: `http://localhost:${port}`,
    close: async () => {
      // Stop taking requests, let the ones in flight finish, then drop idle keep-alives.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
      server.closeAllConnections();
      await apollo.stop();
    },
  };
}
