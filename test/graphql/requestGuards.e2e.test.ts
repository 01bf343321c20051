import { createLogger } from '../../src/infra/logger';
import type { HttpServer } from '../../src/server';
import { authorization, type Actor } from '../support/auth';
import { startSecondServer, startTestApp, type TestApp } from '../support/app';
import { REGISTER_UNIT } from '../support/reference';

const CALLER: Actor = { sub: 'van-phong-1', role: 'ADMIN' };
const RETURN_DOSSIER = 'mutation($d: ID!, $r: String!) { returnDossier(dossierId: $d, reason: $r) { id } }';
const UNSTORABLE = [
  ['a NUL', 'Phòng\u0000Nội vụ'],
  ['a lone high surrogate', 'Phòng \ud800 Nội vụ'],
  ['a lone low surrogate', 'Phòng \udc00 Nội vụ'],
];

/**
 * Requests the server must refuse as the client's fault (a client error code, HTTP 400 or
 * Apollo's own protocol answer), with nothing run and nothing logged as an error.
 */
describe('request guards', () => {
  let t: TestApp;
  let server: HttpServer;
  const logged: Array<{ level: string; message: string }> = [];

  beforeAll(async () => {
    t = await startTestApp();
    const logger = createLogger('debug', (line) => logged.push(JSON.parse(line)));
    server = await startSecondServer(t, {}, { ...t.app.services, logger });
  });
  afterAll(async () => {
    await server?.close();
    await t?.stop();
  });
  afterEach(() => {
    const errors = logged.splice(0).filter((entry) => entry.level === 'error');
    expect(errors).toEqual([]);
  });

  const post = async (body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${server.url.replace('localhost', '127.0.0.1')}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await authorization(CALLER)), ...headers },
      body: JSON.stringify(body),
    });
    const answer = (await response.json()) as {
      data?: unknown;
      errors?: Array<{ message: string; extensions?: { code?: string } }>;
    };
    return { status: response.status, data: answer.data, codes: (answer.errors ?? []).map((e) => e.extensions?.code) };
  };
  const unit = (name: string) => ({
    input: { id: `don-vi-${Math.random().toString(36).slice(2)}`, name, kind: 'AGENCY', level: 'UNIT' },
  });

  it.each(UNSTORABLE)('refuses %s in an input-object field of a mutation, and appends nothing', async (_, name) => {
    const before = await t.app.services.store.lastCommittedPosition();
    expect(await post({ query: REGISTER_UNIT, variables: unit(name) })).toEqual({
      status: 400,
      data: undefined,
      codes: ['BAD_USER_INPUT'],
    });
    expect(await t.app.services.store.lastCommittedPosition()).toBe(before);
    // The same command with storable text is accepted.
    expect((await post({ query: REGISTER_UNIT, variables: unit('Phòng Nội vụ') })).codes).toEqual([]);
  });

  it.each(UNSTORABLE)('refuses %s in a plain string argument of a mutation', async (_, reason) => {
    expect((await post({ query: RETURN_DOSSIER, variables: { d: 'hs-1', r: reason } })).codes).toEqual([
      'BAD_USER_INPUT',
    ]);
  });

  it.each(UNSTORABLE)('refuses %s in String and ID arguments of a query', async (_, text) => {
    expect(
      await post({ query: 'query($t: String!) { searchSubjects(text: $t) { score } }', variables: { t: text } }),
    ).toMatchObject({ status: 400, codes: ['BAD_USER_INPUT'] });
    expect(await post({ query: 'query($d: ID!) { dossier(id: $d) { id } }', variables: { d: text } })).toMatchObject({
      status: 400,
      codes: ['BAD_USER_INPUT'],
    });
  });

  it('refuses a NUL written into the document as a string literal', async () => {
    expect(await post({ query: '{ searchSubjects(text: "a\\u0000b") { score } }' })).toMatchObject({
      status: 400,
      codes: ['BAD_USER_INPUT'],
    });
    expect(await post({ query: '{ dossier(id: """a\u0000b""") { id } }' })).toMatchObject({
      status: 400,
      codes: ['BAD_USER_INPUT'],
    });
    // A lone surrogate cannot be written into a document: the parser refuses it.
    expect(await post({ query: '{ searchSubjects(text: "a\\ud800b") { score } }' })).toMatchObject({
      status: 400,
      codes: ['GRAPHQL_PARSE_FAILED'],
    });
  });

  it('accepts text with paired surrogates and other control characters', async () => {
    expect(
      await post({
        query: 'query($t: String!) { searchSubjects(text: $t) { score } }',
        variables: { t: 'Nguyễn 😀\t' },
      }),
    ).toEqual({ status: 200, data: { searchSubjects: [] }, codes: [] });
  });

  it('refuses a subscription: the API offers none', async () => {
    expect(await post({ query: 'subscription { clusters { id } }' })).toMatchObject({
      status: 400,
      codes: ['GRAPHQL_VALIDATION_FAILED'],
    });
  });

  it('does not take persisted-query hashes, right or wrong, known or not', async () => {
    const persisted = (sha256Hash: string, query?: string) =>
      post({ query, extensions: { persistedQuery: { version: 1, sha256Hash } } });
    expect((await persisted('0'.repeat(64), '{ clusters { id } }')).codes).toEqual(['PERSISTED_QUERY_NOT_SUPPORTED']);
    expect((await persisted('0'.repeat(64))).codes).toEqual(['PERSISTED_QUERY_NOT_SUPPORTED']);
    expect(
      (await post({ query: '{ clusters { id } }', extensions: { persistedQuery: { version: 2, sha256Hash: 'x' } } }))
        .codes,
    ).toEqual(['PERSISTED_QUERY_NOT_SUPPORTED']);
  });
});
