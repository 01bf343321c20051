/**
 * A lean GraphQL-over-HTTP client for the load generator (keep-alive sockets, no
 * per-request allocations beyond the body). It only ever talks to 127.0.0.1.
 */
import { Agent, request } from 'node:http';
import { nowMs } from './lib';

export interface GraphQLResponse {
  status: number;
  ms: number;
  body: { data?: Record<string, any> | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
}

export class GraphQLClient {
  private readonly agent: Agent;
  private readonly host: string;
  private readonly port: number;

  constructor(url: string, sockets: number) {
    const parsed = new URL(url);
    if (parsed.hostname !== '127.0.0.1') throw new Error(`the load generator only targets 127.0.0.1, not ${parsed.hostname}`);
    this.host = parsed.hostname;
    this.port = Number(parsed.port);
    this.agent = new Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets });
  }

  request(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<GraphQLResponse> {
    const body = JSON.stringify({ query, variables });
    const start = nowMs();
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: this.host,
          port: this.port,
          path: '/graphql',
          method: 'POST',
          agent: this.agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const ms = nowMs() - start;
            try {
              resolve({ status: res.statusCode ?? 0, ms, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
            } catch (error) {
              reject(error);
            }
          });
          res.on('error', reject);
        },
      );
      req.setTimeout(60_000, () => req.destroy(new Error('request timed out')));
      req.on('error', reject);
      req.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Field names of the server's Query type (to skip queries a server does not offer). */
export async function queryFields(client: GraphQLClient): Promise<Set<string>> {
  const res = await client.request('{ __schema { queryType { fields { name } } } }');
  return new Set((res.body.data?.__schema?.queryType?.fields ?? []).map((f: { name: string }) => f.name));
}
