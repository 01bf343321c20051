import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDevelopmentAuth, DEVELOPMENT_ACTORS, writeDevelopmentTokens } from '../../src/auth/developmentTokens';
import { createTokenVerifier } from '../../src/auth/tokens';
import { DEFAULT_CLAIMS } from '../../src/config';
import { ROLES } from '../../src/identity';
import { startTestApp, type TestApp } from '../support/app';
import { authorization } from '../support/auth';

const REGISTER_UNIT = `mutation($input: RegisterUnitInput!) { registerUnit(input: $input) { id streamId } }`;

describe('every /graphql request carries a verified bearer token', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  const eventCount = async () => Number((await t.db.pool.query('SELECT count(*) FROM events')).rows[0].count);
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('answers 401 UNAUTHENTICATED without a token, introspection included, and appends nothing', async () => {
    const before = await eventCount();
    for (const body of [
      { query: '{ __schema { queryType { name } } }' },
      { query: '{ projections { name } }' },
      { query: REGISTER_UNIT, variables: { input: { name: 'X', kind: 'SCHOOL', level: 'UNIT' } } },
    ]) {
      const response = await post(body);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      const answer = (await response.json()) as any;
      expect(answer.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(answer.data).toBeUndefined();
    }
    const get = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ projections { name } }')}`);
    expect(get.status).toBe(401);
    expect(await eventCount()).toBe(before);
  });

  it('no longer reads the identity headers: X-Role alone is refused, and a token wins over them', async () => {
    const before = await eventCount();
    const forged = await post(
      { query: REGISTER_UNIT, variables: { input: { name: 'X', kind: 'SCHOOL', level: 'UNIT' } } },
      { 'x-actor-id': 'chairman', 'x-role': 'ADMIN' },
    );
    expect(forged.status).toBe(401);
    expect(await eventCount()).toBe(before);
    const headers = {
      ...(await authorization({ sub: 'admin-7', role: 'ADMIN' })),
      'x-actor-id': 'somebody-else',
      'x-role': 'ANALYST',
    };
    const { data } = (await (
      await post(
        {
          query: REGISTER_UNIT,
          variables: { input: { id: 'u-token', name: 'UBND tỉnh', kind: 'PEOPLES_COMMITTEE', level: 'PROVINCE' } },
        },
        headers,
      )
    ).json()) as any;
    const [event] = await t.app.services.store.readStream(data.registerUnit.streamId);
    expect(event.metadata).toMatchObject({ actorId: 'admin-7', role: 'ADMIN' });
  });

  it('keeps / and /health public', async () => {
    expect((await fetch(`${t.url}/health`)).status).toBe(200);
    const page = await fetch(`${t.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).not.toContain('<select id="token"');
  });
});

describe('development tokens', () => {
  it('makes one token per role for a fresh secret, and writes them for the owner only', async () => {
    const development = await createDevelopmentAuth(DEFAULT_CLAIMS);
    expect(Object.keys(development.tokens).sort()).toEqual([...ROLES].sort());
    const verifier = createTokenVerifier(development.settings);
    for (const role of ROLES) {
      await expect(verifier.identify(`Bearer ${development.tokens[role]}`)).resolves.toEqual({
        actorId: DEVELOPMENT_ACTORS[role].sub,
        role,
        unitId: DEVELOPMENT_ACTORS[role].unitId ?? null,
      });
    }
    expect((await createDevelopmentAuth(DEFAULT_CLAIMS)).settings.secret).not.toBe(development.settings.secret);
    const file = join(mkdtempSync(join(tmpdir(), 'tdkt-dev-tokens-')), '.data', 'dev-tokens.json');
    writeDevelopmentTokens(file, development.tokens);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(development.tokens);
  });
});
