import { Expected } from '../../src/eventStore/eventStore.port';
import { createLogger } from '../../src/infra/logger';
import { VersionConflict } from '../../src/shared/errors';
import { mutate, startTestApp, type TestApp } from '../support/app';
import { authorization, TEST_ADMIN } from '../support/auth';
import { testEvent, uniqueStream } from '../support/events';
import { REGISTER_PERSON, REGISTER_UNIT } from '../support/reference';
import { caughtUp } from '../support/until';

/** Personal values that must reach neither a metric nor a log line. */
const SECRET_NAME = 'Trần Thị Riêng Tư';
const SECRET_UNIT = 'Phòng Bí Mật';

/** One sample of the scraped text: `name{labels} value`, the labels in the order given. */
function sample(text: string, name: string, labels: Record<string, string>): number | null {
  const wanted = Object.entries(labels)
    .map(([key, value]) => `${key}="${value}"`)
    .join(',');
  const line = text.split('\n').find((l) => l.startsWith(`${name}{${wanted}}`) || l.startsWith(`${name}{${wanted},`));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : null;
}

describe('logs and metrics of the normal path', () => {
  const lines: string[] = [];
  let t: TestApp;
  let token: string;

  const logged = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  const scrape = async (): Promise<string> => {
    const response = await fetch(t.app.metricsUrl!);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    return response.text();
  };
  const post = (query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) =>
    fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
      body: JSON.stringify({ query, variables }),
    });

  beforeAll(async () => {
    t = await startTestApp({
      logger: createLogger('debug', (line) => lines.push(line)),
      metrics: { port: 0, host: '127.0.0.1' },
    });
    token = (await authorization(TEST_ADMIN)).authorization.slice('Bearer '.length);
    await mutate(t, REGISTER_UNIT, {
      input: { id: 'u-obs', name: SECRET_UNIT, kind: 'PEOPLES_COMMITTEE', level: 'DISTRICT' },
    });
  });
  afterAll(async () => t.stop());

  it('serves the metrics on their own port, not on the API port', async () => {
    expect(new URL(t.app.metricsUrl!).port).not.toBe(new URL(t.url).port);
    expect((await fetch(`${t.url}/metrics`)).status).toBe(404);
  });

  it('counts commands by name and outcome, GraphQL requests by operation kind, and appends', async () => {
    const before = await scrape();
    const person = { id: 'p-obs', fullName: SECRET_NAME, unitId: 'u-obs', directWorker: false };
    const registered = await mutate(t, REGISTER_PERSON, { input: person });
    const again = (await (await post(REGISTER_PERSON, { input: person })).json()) as any;
    expect(again.errors[0].extensions.code).toBe('RULE_VIOLATION');
    const query = (await (await post('{ clusters { id } }', {})).json()) as any;
    expect(query.errors).toBeUndefined();
    await caughtUp(t, registered.position);

    const after = await scrape();
    const moved = (name: string, labels: Record<string, string>) =>
      (sample(after, name, labels) ?? 0) - (sample(before, name, labels) ?? 0);
    expect(moved('tdkt_commands_total', { command: 'registerPerson', outcome: 'ok' })).toBe(1);
    expect(moved('tdkt_commands_total', { command: 'registerPerson', outcome: 'refused' })).toBe(1);
    expect(moved('tdkt_graphql_request_duration_seconds_count', { operation: 'mutation', outcome: 'ok' })).toBe(1);
    expect(moved('tdkt_graphql_request_duration_seconds_count', { operation: 'mutation', outcome: 'error' })).toBe(1);
    expect(moved('tdkt_graphql_request_duration_seconds_count', { operation: 'query', outcome: 'ok' })).toBe(1);
    expect(moved('tdkt_event_store_append_duration_seconds_count', { outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(after).toContain('tdkt_graphql_request_duration_seconds_bucket{le="0.001",operation="query",outcome="ok"}');
    // Caught up: every read model runs and has nothing of the log left to read.
    for (const name of ['registry', 'dossiers', 'awards']) {
      expect(sample(after, 'tdkt_projection_state', { name, state: 'running' })).toBe(1);
      expect(sample(after, 'tdkt_projection_state', { name, state: 'failed' })).toBe(0);
      expect(sample(after, 'tdkt_projection_lag_events', { name })).toBe(0);
    }
    // Every command has ended: none decides or waits.
    expect(sample(after, 'tdkt_commands_in_progress', { state: 'deciding' })).toBe(0);
    expect(sample(after, 'tdkt_commands_in_progress', { state: 'waiting' })).toBe(0);
    // The pools: the requests' served the commands, and no statement waits for a connection now.
    expect(sample(after, 'tdkt_db_pool_connections', { pool: 'requests', state: 'open' })).toBeGreaterThan(0);
    for (const pool of ['requests', 'projections', 'health'])
      expect(sample(after, 'tdkt_db_pool_connections', { pool, state: 'waiting' })).toBe(0);
    expect(after).toMatch(/^tdkt_process_manager_state\{name="[^"]+",state="running"\} 1$/m);
    expect(after).not.toContain(SECRET_NAME);
    expect(after).not.toContain(SECRET_UNIT);
    expect(after).not.toContain('p-obs');
  });

  it('counts an append refused for its expected version as a conflict', async () => {
    const before = sample(await scrape(), 'tdkt_event_store_append_conflicts_total', {}) ?? 0;
    const stream = uniqueStream('obs');
    await expect(t.app.services.store.append(stream, [testEvent('Noted')], Expected.version(3))).rejects.toBeInstanceOf(
      VersionConflict,
    );
    const after = await scrape();
    expect(Number(after.match(/^tdkt_event_store_append_conflicts_total (\d+)$/m)?.[1])).toBe(before + 1);
    expect(sample(after, 'tdkt_event_store_append_duration_seconds_count', { outcome: 'conflict' })).toBe(1);
    expect(await t.app.services.store.readStream(stream)).toEqual([]);
  });

  it("echoes the caller's X-Request-Id and carries it, with the correlation id, on the request's log lines", async () => {
    const person = { id: 'p-obs-2', fullName: SECRET_NAME, unitId: 'u-obs', directWorker: false };
    const response = await post(
      REGISTER_PERSON,
      { input: person },
      { 'x-request-id': 'req-obs-1', 'x-correlation-id': 'corr-obs-1' },
    );
    expect(response.headers.get('x-request-id')).toBe('req-obs-1');
    expect(((await response.json()) as any).errors).toBeUndefined();

    const ofRequest = logged().filter((entry) => entry.requestId === 'req-obs-1');
    expect(ofRequest).toContainEqual(
      expect.objectContaining({ level: 'debug', message: 'request', method: 'POST', path: '/graphql', status: 200 }),
    );
    expect(ofRequest).toContainEqual(
      expect.objectContaining({
        message: 'command',
        command: 'registerPerson',
        outcome: 'ok',
        correlationId: 'corr-obs-1',
      }),
    );
    const log = lines.join('\n');
    expect(log).not.toContain(SECRET_NAME);
    expect(log).not.toContain(token);
  });

  it('gives a request without a usable X-Request-Id one of its own', async () => {
    const response = await post('{ clusters { id } }', {}, { 'x-request-id': 'not a plain token\u00e9' });
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    await response.json();
    expect(logged()).toContainEqual(expect.objectContaining({ requestId, message: 'request', status: 200 }));
  });

  it('gives a refused request its id too', async () => {
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-obs-401', authorization: 'Bearer nope' },
      body: JSON.stringify({ query: '{ clusters { id } }' }),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('x-request-id')).toBe('req-obs-401');
    const ofRequest = logged().filter((entry) => entry.requestId === 'req-obs-401');
    expect(ofRequest.map((entry) => entry.message)).toEqual(['request refused: not authenticated', 'request']);
    expect(lines.join('\n')).not.toContain('Bearer nope');
  });
});
