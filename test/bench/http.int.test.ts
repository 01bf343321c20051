import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GraphQLClient } from '../../bench/http';

/** The load generator's HTTP client against a plain node:http server answering in every framing it may meet. */
describe("the load generator's HTTP client", () => {
  let server: Server;
  let url: string;
  const connections = new Set<string>();
  const seen: Array<{ headers: IncomingMessage['headers']; body: string }> = [];

  beforeAll(async () => {
    server = createServer((request, response: ServerResponse) => {
      connections.add(`${request.socket.remotePort}`);
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        seen.push({ headers: request.headers, body });
        const { query } = JSON.parse(body) as { query: string };
        const answer = JSON.stringify({ data: { echo: query, text: 'Bùi Văn Minh' } });
        if (query === 'chunked') {
          response.writeHead(200, { 'content-type': 'application/json' });
          response.write(answer.slice(0, 10));
          setTimeout(() => response.end(answer.slice(10)), 5);
        } else if (query === 'close') {
          response.writeHead(200, {
            'content-type': 'application/json',
            connection: 'close',
            'content-length': Buffer.byteLength(answer),
          });
          response.end(answer);
        } else if (query === 'bad') {
          const refusal = '{"errors":[{"message":"x"}]}';
          response.writeHead(400, { 'content-type': 'application/json', 'content-length': refusal.length });
          response.end(refusal);
        } else {
          response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(answer) });
          response.end(answer);
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(() => {
    connections.clear();
    seen.length = 0;
  });

  it('sends the query, variables and headers, and reads a Content-Length body with non-ASCII text', async () => {
    const client = new GraphQLClient(url, 4);
    const response = await client.request('{ a }', { x: 1 }, { 'x-role': 'INSPECTOR' });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ data: { echo: '{ a }', text: 'Bùi Văn Minh' } });
    expect(response.ms).toBeGreaterThan(0);
    expect(JSON.parse(seen[0].body)).toEqual({ query: '{ a }', variables: { x: 1 } });
    expect(seen[0].headers).toMatchObject({ 'content-type': 'application/json', 'x-role': 'INSPECTOR' });
    client.close();
  });

  it('reads chunked bodies and other statuses', async () => {
    const client = new GraphQLClient(url, 4);
    expect((await client.request('chunked')).body.data).toEqual({ echo: 'chunked', text: 'Bùi Văn Minh' });
    const bad = await client.request('bad');
    expect([bad.status, bad.body]).toEqual([400, { errors: [{ message: 'x' }] }]);
    expect((await client.request('after')).body.data!.echo).toBe('after'); // the connection is still in step
    client.close();
  });

  it('keeps at most its socket count open and reuses them', async () => {
    const client = new GraphQLClient(url, 3);
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => client.request(`q${i}`)));
    expect(answers.map((a) => a.body.data!.echo)).toEqual(Array.from({ length: 30 }, (_, i) => `q${i}`));
    expect(connections.size).toBe(3);
    client.close();
    expect(client.openConnections).toBe(0);
  });

  it('opens a new connection after the server closes one', async () => {
    const client = new GraphQLClient(url, 1);
    expect((await client.request('close')).status).toBe(200);
    expect((await client.request('after')).body.data!.echo).toBe('after');
    expect(connections.size).toBe(2);
    client.close();
  });

  it('fails a request when the server is gone, without hanging', async () => {
    const client = new GraphQLClient('http://127.0.0.1:1/graphql', 1);
    await expect(client.request('{ a }')).rejects.toThrow();
    await expect(client.request('{ a }')).rejects.toThrow();
    client.close();
  });

  it('only targets 127.0.0.1', () => {
    expect(() => new GraphQLClient('http://example.com/graphql', 1)).toThrow('only targets 127.0.0.1');
  });
});
