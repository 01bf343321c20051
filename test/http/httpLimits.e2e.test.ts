import { connect, type Socket } from 'node:net';
import { startTestApp, type TestApp } from '../support/app';
import { authorization, TEST_ADMIN } from '../support/auth';
import { until } from '../support/until';

const LIMITS = { maxConnections: 3, headersTimeoutMs: 300, bodyTimeoutMs: 300, requestTimeoutMs: 5_000 };

/**
 * Sends `head` on a new connection, then `trickle` one byte every `everyMs` (a slow
 * client) until the server closes the connection; returns what the server answered
 * and how many bytes of `trickle` it took. Gives up (closes) once `trickle` is sent.
 */
function send(url: string, head: string, trickle = '', everyMs = 50): Promise<{ received: string; trickled: number }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    let received = '';
    let trickled = 0;
    socket.setEncoding('utf8');
    socket.on('data', (data: string) => (received += data));
    socket.on('error', () => undefined); // a reset after the answer
    const timer = setInterval(() => {
      if (socket.destroyed) return;
      if (trickled === trickle.length) return socket.destroy();
      socket.write(trickle[trickled++]);
    }, everyMs);
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ received, trickled });
    });
    socket.write(head);
  });
}

/** A keep-alive connection that has been answered once and stays open. */
function openConnection(url: string): Promise<Socket> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    socket.once('data', () => resolve(socket));
    socket.once('error', reject);
    socket.write('GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n');
  });
}

describe('HTTP connection limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ http: LIMITS });
  });
  afterAll(async () => t.stop());

  it('answers a body sent at a byte per tick with 408 REQUEST_TIMEOUT once its time is up, and closes the connection', async () => {
    const body = JSON.stringify({ query: `{ projections { name } }`, padding: 'x'.repeat(200) });
    const head = [
      'POST /graphql HTTP/1.1',
      'Host: localhost',
      'Content-Type: application/json',
      `Authorization: ${(await authorization(TEST_ADMIN)).authorization}`,
      `Content-Length: ${Buffer.byteLength(body)}`,
      '',
      '',
    ].join('\r\n');
    const { received, trickled } = await send(t.url, head, body);
    expect(received).toMatch(/^HTTP\/1\.1 408 /);
    expect(received).toContain('"code":"REQUEST_TIMEOUT"');
    expect(trickled).toBeLessThan(body.length);
  });

  it('answers headers sent at a byte per tick with 408 and closes the connection', async () => {
    const trickle = `X-Slow: ${'a'.repeat(200)}\r\n\r\n`;
    const { received, trickled } = await send(t.url, 'GET /health HTTP/1.1\r\nHost: localhost\r\n', trickle);
    expect(received).toMatch(/^HTTP\/1\.1 408 /);
    expect(trickled).toBeLessThan(trickle.length);
  });

  it(`closes a connection past ${LIMITS.maxConnections} open ones at once, and takes one again when a place is free`, async () => {
    const open = await Promise.all(Array.from({ length: LIMITS.maxConnections }, () => openConnection(t.url)));
    const refused = await send(t.url, 'GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n');
    expect(refused.received).toBe('');
    open[0].destroy();
    await until('a connection is taken again', async () =>
      (await send(t.url, 'GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n')).received.startsWith(
        'HTTP/1.1 200',
      ),
    );
    for (const socket of open) socket.destroy();
  });
});
