import { fragmentBomb, READ_QUERIES } from '../../bench/load';
import { MUTATIONS } from '../../bench/generator';
import { QUERY_LIMITS } from '../../src/graphql/queryLimits';
import type { HttpServer } from '../../src/server';
import { authorization, TEST_ADMIN } from '../support/auth';
import { startSecondServer, startTestApp, type TestApp } from '../support/app';

/** `count` aliases of `field`. */
const aliases = (count: number, field = 'clusters { id }') =>
  `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
/** A valid query `depth` fields deep: introspection's type references nest without end. */
const deep = (depth: number) =>
  `{ __type(name: "Query") { ${'ofType { '.repeat(depth - 2)}name${' }'.repeat(depth - 2)} } }`;
const FULL_TRAIL_PAGE =
  'auditTrail(filter: { dossierId: "x" }, first: 100) { entries { position recordedAt streamId type actorId summary hash data } hasNextPage endCursor chainVerified }';

describe('query limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t?.stop());

  const answer = async (query: string, variables?: Record<string, unknown>) => {
    const { status, body } = await t.graphql(query, variables);
    return {
      status,
      codes: (body.errors ?? []).map((e) => e.extensions?.code),
      messages: (body.errors ?? []).map((e) => e.message),
    };
  };

  it('lets the benchmark’s queries and commands through', async () => {
    for (const query of [...Object.values(READ_QUERIES), ...Object.values(MUTATIONS)]) {
      const { codes } = await answer(query);
      // Without variables each stops at a missing variable, after every limit passed.
      expect(codes.every((code) => code === 'BAD_USER_INPUT')).toBe(true);
    }
    expect(await answer(`{ ${FULL_TRAIL_PAGE} }`)).toMatchObject({ status: 200, codes: [] });
  });

  it.each([
    ['depth', deep(QUERY_LIMITS.maxDepth), deep(QUERY_LIMITS.maxDepth + 1), /depth limit of 12/],
    ['aliases', aliases(QUERY_LIMITS.maxAliases), aliases(QUERY_LIMITS.maxAliases + 1), /Aliases limit of 30/],
    ['cost', `{ a: ${FULL_TRAIL_PAGE} }`, `{ a: ${FULL_TRAIL_PAGE} b: ${FULL_TRAIL_PAGE} }`, /Cost limit of 5000/],
    [
      'directives',
      `{ clusters { ${'id @include(if: true) '.repeat(QUERY_LIMITS.maxDirectives)}} }`,
      `{ clusters { ${'id @include(if: true) '.repeat(QUERY_LIMITS.maxDirectives + 1)}} }`,
      /Directives limit of 10/,
    ],
  ])('%s: at the limit answers, one over is refused with HTTP 400', async (_, atLimit, overLimit, reason) => {
    expect(await answer(atLimit)).toMatchObject({ status: 200, codes: [] });
    const refused = await answer(overLimit);
    expect(refused.status).toBe(400);
    expect(refused.codes).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(refused.messages.some((message) => reason.test(message))).toBe(true);
  });

  it('counts depth through fragments, flattened', async () => {
    const query = `{ __type(name: "Query") { ...T } } fragment T on __Type { ${'ofType { '.repeat(11)}name${' }'.repeat(11)} }`;
    expect((await answer(query)).status).toBe(400);
  });

  it('refuses a document of more than 10,000 tokens while parsing', async () => {
    // (So many fields are over the cost limit: at the token limit it is validation that refuses.)
    const tokens = (n: number) => `{ ${'__typename '.repeat(n - 2)}}`;
    expect((await answer(tokens(QUERY_LIMITS.maxTokens))).codes).not.toContain('GRAPHQL_PARSE_FAILED');
    expect(await answer(tokens(QUERY_LIMITS.maxTokens + 1))).toMatchObject({
      status: 400,
      codes: ['GRAPHQL_PARSE_FAILED'],
    });
  });

  it('refuses a fragment bomb (22 levels, each fragment spreading the next twice)', async () => {
    const refused = await answer(fragmentBomb(22));
    expect(refused.status).toBe(400);
    expect(refused.codes.length).toBeGreaterThan(0);
    expect(refused.codes.every((code) => code === 'GRAPHQL_VALIDATION_FAILED')).toBe(true);
  });

  it('does not suggest field names', async () => {
    const { messages } = await answer('{ cluster { id } }');
    expect(messages.join(' ')).not.toMatch(/Did you mean/);
  });
});

describe('answer size limit', () => {
  let t: TestApp;
  let small: HttpServer;
  beforeAll(async () => {
    t = await startTestApp();
    small = await startSecondServer(t, { maxResponseBytes: 2_000 });
  });
  afterAll(async () => {
    await small?.close();
    await t?.stop();
  });

  const post = async (query: string) => {
    const response = await fetch(`${small.url.replace('localhost', '127.0.0.1')}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await authorization(TEST_ADMIN)) },
      body: JSON.stringify({ query }),
    });
    return {
      status: response.status,
      body: (await response.json()) as { data?: unknown; errors?: Array<{ extensions: { code: string } }> },
    };
  };

  it('refuses an answer over the limit with 413 RESPONSE_TOO_LARGE, and sends smaller ones', async () => {
    const big = await post('{ __schema { types { name fields { name } } } }');
    expect(big.status).toBe(413);
    expect(big.body.data).toBeUndefined();
    expect(big.body.errors?.[0].extensions.code).toBe('RESPONSE_TOO_LARGE');
    expect(await post('{ __typename }')).toEqual({ status: 200, body: { data: { __typename: 'Query' } } });
  });

  it('is 5 MiB by default', () => {
    expect(QUERY_LIMITS.maxResponseBytes).toBe(5 * 1024 * 1024);
  });
});
