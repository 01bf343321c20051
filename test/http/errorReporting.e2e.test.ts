import { Pool } from 'pg';
import { createLogger } from '../../src/infra/logger';
import { startTestApp, type TestApp } from '../support/app';
import { authorization, TEST_ADMIN } from '../support/auth';
import { REGISTER_PERSON } from '../support/reference';

/** A name that must never reach the log, whatever happens to the request that carries it. */
const SECRET_NAME = 'Nguyễn Thị Bí Mật';

describe('errors a request runs into', () => {
  const lines: string[] = [];
  let t: TestApp;
  let token: string;

  const post = async (query: string, variables: Record<string, unknown>, correlationId: string) => {
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'x-correlation-id': correlationId,
      },
      body: JSON.stringify({ query, variables }),
    });
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      body: (await response.json()) as any,
    };
  };
  const logged = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  const expectNothingPersonalLogged = () => {
    const log = lines.join('\n');
    expect(log).not.toContain(SECRET_NAME);
    expect(log).not.toContain(token);
  };

  beforeAll(async () => {
    t = await startTestApp({ logger: createLogger('debug', (line) => lines.push(line)) });
    token = (await authorization(TEST_ADMIN)).authorization.slice('Bearer '.length);
  });
  afterAll(async () => t.stop());

  it('masks an unexpected error as INTERNAL_SERVER_ERROR with the correlation id, which the log line carries too', async () => {
    // A read model whose view is missing: the statement fails in a way no code describes.
    await t.db.pool.query('DROP VIEW registry.subjects');
    const { status, body } = await post(
      'query($text: String!) { searchSubjects(text: $text) { unitName } }',
      { text: SECRET_NAME },
      'corr-internal-1',
    );
    expect(status).toBe(200);
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: 'Internal server error',
        extensions: { code: 'INTERNAL_SERVER_ERROR', correlationId: 'corr-internal-1' },
      }),
    ]);
    const entry = logged().find((line) => line.correlationId === 'corr-internal-1');
    expect(entry).toMatchObject({ level: 'error', message: 'unexpected error' });
    expect(String(entry!.error)).toContain('registry.subjects');
    expectNothingPersonalLogged();
  });

  // Last: the database is gone afterwards.
  it('answers 503 SERVICE_UNAVAILABLE with Retry-After while the database cannot be reached', async () => {
    const url = new URL(t.db.url);
    const admin = new Pool({ connectionString: process.env.TEST_DATABASE_URL, max: 1 });
    await admin.query(`DROP DATABASE ${url.pathname.slice(1)} WITH (FORCE)`);
    await admin.end();

    const query = await post('{ clusters { id } }', {}, 'corr-outage-1');
    expect(query.status).toBe(503);
    expect(query.retryAfter).toBe('5');
    expect(query.body.errors[0].extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryable: true });

    const input = { id: 'p-secret', fullName: SECRET_NAME, unitId: 'u-1', directWorker: false };
    const mutation = await post(REGISTER_PERSON, { input }, 'corr-outage-2');
    expect(mutation.status).toBe(503);
    expect(mutation.retryAfter).toBe('5');
    expect(mutation.body.data ?? null).toBeNull();
    expect(mutation.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(logged().find((line) => line.correlationId === 'corr-outage-2')).toMatchObject({
      level: 'warn',
      message: 'database unavailable',
    });
    expectNothingPersonalLogged();
  });
});
