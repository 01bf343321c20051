import { authorization, TEST_ADMIN } from '../support/auth';
import { Expected } from '../../src/eventStore/eventStore.port';
import { testEvent, uniqueStream } from '../support/events';
import { startTestApp, type TestApp } from '../support/app';

describe('GraphQL server over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.stop());

  it('answers /health with 200 once the store and projections are ready', async () => {
    const response = await fetch(`${t.url}/health`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as any;
    expect(body).toMatchObject({ status: 'ok', eventStore: 'postgres' });
    expect(body.projections.map((p: { name: string }) => p.name)).toContain('audit_trail');
  });

  it('serves a local query console where a query can be typed and run', async () => {
    for (const [path, accept] of [
      ['/console', '*/*'],
      ['/graphql', 'text/html'],
    ]) {
      const response = await fetch(`${t.url}${path}`, { headers: { accept } });
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain('<textarea id="query"');
      expect(html).toContain("fetch('/graphql'");
      expect(html).not.toMatch(/https?:\/\/(?!localhost)/); // nothing loaded from elsewhere
    }
  });

  it('lists projections with checkpoint, lag and state, and reads its own writes', async () => {
    const appended = await t.app.services.store.append(uniqueStream(), [testEvent('Something')], Expected.noStream);
    const caughtUp = await t.graphql(`query($p: String!) { projectionsCaughtUp(position: $p, timeoutMs: 5000) }`, {
      p: appended.position,
    });
    expect(caughtUp.body).toEqual({ data: { projectionsCaughtUp: true } });
    const { body } = await t.graphql('{ projections { name checkpoint lag state } }');
    const audit = body.data.projections.find((p: { name: string }) => p.name === 'audit_trail');
    expect(audit).toEqual({ name: 'audit_trail', checkpoint: expect.any(String), lag: 0, state: 'running' });
    expect(BigInt(audit.checkpoint) >= BigInt(appended.position)).toBe(true);
  });

  it('answers a position not reached yet with false after the timeout', async () => {
    const { body } = await t.graphql('{ projectionsCaughtUp(position: "99999999999999999", timeoutMs: 50) }');
    expect(body).toEqual({ data: { projectionsCaughtUp: false } });
  });

  it('refuses bad input with BAD_USER_INPUT', async () => {
    const { body } = await t.graphql('{ projectionsCaughtUp(position: "not-a-position") }');
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'position' });
    const typo = await t.graphql('{ projectionz { name } }');
    expect(typo.body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses request bodies over 1 MiB with HTTP 413', async () => {
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await authorization(TEST_ADMIN)) },
      body: JSON.stringify({ query: '{ projections { name } }', variables: { padding: 'x'.repeat(1024 * 1024) } }),
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as any).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('takes at most 1,000 connections and cuts off slow senders after seconds', () => {
    expect(t.app.server.maxConnections).toBe(1_000);
    expect(t.app.server.headersTimeout).toBe(10_000);
    expect(t.app.server.requestTimeout).toBe(30_000);
  });

  it('answers unknown paths with 404', async () => {
    expect((await fetch(`${t.url}/nope`)).status).toBe(404);
  });
});
