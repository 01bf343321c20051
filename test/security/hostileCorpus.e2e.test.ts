import { signToken, type TokenSubject } from '../../src/auth/tokens';
import { buildAppSchema } from '../../src/graphql/schema';
import type { Role } from '../../src/identity';
import { startTestApp, type TestApp } from '../support/app';
import { TEST_TOKEN_SETTINGS, tokenFor } from '../support/auth';
import { mutationCorpus, protocolCorpus, queryCorpus, type HostileRequest } from './hostileCorpus';

const MAIN_QUERIES = [
  'auditTrail',
  'searchSubjects',
  'awardHistory',
  'awardsByDecision',
  'complaint',
  'complaints',
  'dossier',
  'yearlyTotals',
  'yearlyTotalsSeries',
  'clusterStandings',
  'eligibility',
  'plan',
  'movements',
  'projectionsCaughtUp',
];

/** What no answer may show: stack frames, file paths, SQL. */
const LEAKS = [
  /\bat [\w.<>]+ \(/,
  /\.(ts|js):\d+/,
  /node_modules/,
  /\/work\/|\/home\/|\/tmp\//,
  /\b(SELECT|INSERT|UPDATE|DELETE)\b .*\b(FROM|INTO|SET)\b/i,
  /relation "/,
  /stacktrace/i,
];

const brokenTokens: Record<string, () => Promise<string | null>> = {
  none: async () => null,
  forged: () => signToken('a-different-secret-of-at-least-32-characters', { sub: 'chu-tich', role: 'ADMIN' }),
  expired: () => signToken(TEST_TOKEN_SETTINGS.secret, { sub: 'chu-tich', role: 'ADMIN' }, { expiresIn: '-5m' }),
  unsigned: async () =>
    `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'chu-tich', role: 'ADMIN', exp: 4102444800 })).toString('base64url')}.`,
  garbage: async () => 'eyJhbGciOi.JIUzI1NiJ9.%%%',
};

/** Each request as its own actor among a few, so one actor's rate limit does not hide what is checked. */
async function authorizationFor(request: HostileRequest, index: number): Promise<Record<string, string>> {
  if (request.auth.kind !== 'token') {
    const token = await brokenTokens[request.auth.kind]();
    return token === null ? {} : { authorization: `Bearer ${token}` };
  }
  const actor: TokenSubject = {
    sub: `corpus-${request.auth.role.toLowerCase()}-${index % 32}`,
    role: request.auth.role as Role,
  };
  return { authorization: `Bearer ${await tokenFor(actor)}` };
}

async function send(url: string, request: HostileRequest, index: number): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = { ...(await authorizationFor(request, index)) };
  let target = `${url}/graphql`;
  const init: RequestInit = { method: request.method ?? 'POST', headers };
  if (request.method === 'GET') {
    const { query, variables } = JSON.parse(request.body);
    target += `?query=${encodeURIComponent(query)}&variables=${encodeURIComponent(JSON.stringify(variables ?? {}))}`;
    headers['apollo-require-preflight'] = 'true';
  } else {
    headers['content-type'] = request.contentType ?? 'application/json';
    init.body = request.body;
  }
  const response = await fetch(target, init);
  return { status: response.status, text: await response.text() };
}

/** Why an answer to a request that must be refused is not acceptable, or null. */
function problemWith(answer: { status: number; text: string }): string | null {
  if (answer.status >= 500) return `HTTP ${answer.status}`;
  let body: { data?: unknown; errors?: Array<{ extensions?: { code?: unknown } }> };
  try {
    body = JSON.parse(answer.text);
  } catch {
    return `not JSON: ${answer.text.slice(0, 80)}`;
  }
  if (!body.errors?.length) return 'no error';
  if (body.errors.some((error) => typeof error.extensions?.code !== 'string'))
    return 'an error without extensions.code';
  if (body.errors.some((error) => error.extensions?.code === 'INTERNAL_SERVER_ERROR')) return 'INTERNAL_SERVER_ERROR';
  const data = body.data as Record<string, unknown> | null | undefined;
  if (data && Object.values(data).some((value) => value !== null)) return 'data came back';
  const leak = LEAKS.find((pattern) => pattern.test(answer.text));
  return leak ? `leaks ${leak}` : null;
}

describe('a hostile request corpus', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  it('gets a coded client error for every request, shows no internals, and appends nothing', async () => {
    const schema = await buildAppSchema();
    const corpus = [
      ...mutationCorpus(schema, 'ADMIN', ['ANALYST', 'INSPECTOR']),
      ...queryCorpus(schema, MAIN_QUERIES, 'INSPECTOR'),
      ...protocolCorpus('INSPECTOR'),
    ];
    expect(corpus.length).toBeGreaterThanOrEqual(1000);
    const events = async () => Number((await t.db.pool.query('SELECT count(*) FROM events')).rows[0].count);
    const before = await events();
    const failures: string[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < corpus.length) {
          const index = next++;
          const problem = await send(t.url, corpus[index], index).then(
            problemWith,
            (error: Error) => `no answer: ${error.cause ?? error}`,
          );
          if (problem) failures.push(`${corpus[index].label}: ${problem}`);
        }
      }),
    );
    expect(failures.slice(0, 60)).toEqual([]);
    expect(await events()).toBe(before);
  }, 300_000);
});
