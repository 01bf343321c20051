import type { IncomingMessage, ServerResponse } from 'node:http';

/** Names a browser on this machine uses for it: a page of another site that got its name pointed here has another. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

function hostNameOf(request: IncomingMessage): string {
  try {
    return new URL(`http://${request.headers.host ?? ''}`).hostname;
  } catch {
    return '';
  }
}

/**
 * `/dev/tokens`: this run's development token of each role, for the overview page's
 * picker, only in development mode (`tokens` given; production never makes them, see
 * config.ts) and only to a request addressed to the loopback host by name. Outside
 * development mode it answers 204: there is nothing to list, and the page asks every time.
 */
export function answerDevelopmentTokens(
  request: IncomingMessage,
  response: ServerResponse,
  tokens: Record<string, string> | undefined,
): void {
  const headers = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
  if (!tokens && request.method === 'GET') {
    response.writeHead(204, headers);
    response.end();
    return;
  }
  const found = tokens && request.method === 'GET' && LOOPBACK_HOSTS.has(hostNameOf(request));
  const text = JSON.stringify(found ? { tokens } : { error: 'not found' });
  response.writeHead(found ? 200 : 404, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}
