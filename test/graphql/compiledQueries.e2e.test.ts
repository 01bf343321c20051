import { DEMO_YEAR, type DemoYearSummary } from '../../src/demo/demoYear';
import type { HttpServer } from '../../src/server';
import { startSecondServer, type TestApp } from '../support/app';
import { startDemoApp } from '../support/demo';
import { authorization, type Actor } from '../support/auth';

interface Answer {
  status: number;
  contentType: string | null;
  text: string;
}

const INSPECTOR: Actor = { sub: 'thanh-tra-1', role: 'INSPECTOR' };

/**
 * Two HTTP fronts over the same app: one runs repeated queries from compiled code (Apollo's
 * gateway executor), the other runs everything through graphql-js. Every answer must be the
 * same bytes.
 */
describe('compiled queries answer exactly as graphql-js does', () => {
  let t: TestApp;
  let year: DemoYearSummary;
  let compiled: HttpServer;
  let general: HttpServer;

  beforeAll(async () => {
    ({ t, year } = await startDemoApp());
    compiled = await startSecondServer(t);
    general = await startSecondServer(t, { compiledQueries: false });
  }, 120_000);
  afterAll(async () => {
    await compiled?.close();
    await general?.close();
    await t.stop();
  });

  const post = async (server: HttpServer, body: unknown, headers: Record<string, string> = {}): Promise<Answer> => {
    const response = await fetch(`${server.url.replace('localhost', '127.0.0.1')}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await authorization(INSPECTOR)), ...headers },
      body: JSON.stringify(body),
    });
    return { status: response.status, contentType: response.headers.get('content-type'), text: await response.text() };
  };
  // One correlation id for both: an internal error carries it in its extensions.
  const both = async (body: unknown, headers?: Record<string, string>) => {
    const same = { 'x-correlation-id': 'compared', ...headers };
    return [await post(compiled, body, same), await post(general, body, same)];
  };

  const DATA_QUESTIONS: Array<
    [string, { query: string; variables?: Record<string, unknown>; operationName?: string }]
  > = [
    [
      'the inspector’s audit trail',
      {
        query: `query($d: ID!) { auditTrail(filter: { dossierId: $d }, first: 50) { entries { position recordedAt streamId type actorId summary hash data } hasNextPage endCursor chainVerified } }`,
        variables: { d: 'hs-ldtt-ngo-van-phuc' },
      },
    ],
    [
      'a name search without diacritics',
      {
        query: `query($t: String!) { searchSubjects(text: $t, first: 10) { subject { kind id name } unitName score } }`,
        variables: { t: 'bui van minh' },
      },
    ],
    [
      'an award history',
      {
        query: `query($s: SubjectInput!) { awardHistory(subject: $s) { id award label period { year label } decisionNumber decidedOn revoked } }`,
        variables: { s: { kind: 'INDIVIDUAL', id: 'p-bui-van-minh' } },
      },
    ],
    [
      'cluster standings and yearly totals in one request',
      {
        query: `query($c: ID!, $y: Int!) { clusterStandings(clusterId: $c, year: $y) { clusterName finalized rows { rank unitName totalPoints scores { code points } } }
        yearlyTotalsSeries(kind: CALENDAR_YEAR, fromYear: $y, toYear: $y) { period { year } awards { award count revoked } dossiers { submitted granted } } }`,
        variables: { c: 'khoi-cac-xa', y: DEMO_YEAR },
      },
    ],
    [
      'aliases, a fragment, __typename and an inline literal',
      {
        query: `{ a: clusters { ...C } b: movements(year: ${DEMO_YEAR}) { id name __typename } } fragment C on ClusterInfo { id name memberUnitIds __typename }`,
      },
    ],
    [
      'the named one of several operations',
      { query: 'query One { clusters { id } } query Two { movements { id } }', operationName: 'Two' },
    ],
    ['introspection', { query: '{ __schema { queryType { name fields { name } } } }' }],
    ['a nullable object that is null', { query: '{ plan(id: "khong-co") { id } complaint(id: "khong-co") { id } }' }],
  ];

  it.each(DATA_QUESTIONS)('%s', async (_, body) => {
    const [first, apollo] = await both(body);
    expect(JSON.parse(first.text).errors).toBeUndefined();
    expect(first).toEqual(apollo);
    expect(compiled.compiledExecutor!.isCompiled(body.query, body.operationName)).toBe(false);
    // The second sighting compiles the document; from then on compiled code answers.
    expect(await post(compiled, body)).toEqual(apollo);
    expect(compiled.compiledExecutor!.isCompiled(body.query, body.operationName)).toBe(true);
    expect(await post(compiled, body)).toEqual(apollo);
  });

  it('reads the same chain-verified trail the demo year wrote', async () => {
    const [fast] = await both({
      query: `query($d: ID!) { auditTrail(filter: { dossierId: $d }) { entries { type } chainVerified } }`,
      variables: { d: year.dossiers['p-bui-van-minh'] },
    });
    const trail = JSON.parse(fast.text).data.auditTrail;
    expect(trail.chainVerified).toBe(true);
    expect(trail.entries.map((e: { type: string }) => e.type)).toContain('DossierGranted');
  });

  const ERROR_QUESTIONS: Array<[string, unknown, Record<string, string>?]> = [
    [
      'a resolver’s BAD_USER_INPUT',
      { query: '{ auditTrail(filter: { dossierId: "x" }, first: 500) { hasNextPage } }' },
    ],
    ['a field the schema lacks', { query: '{ nope }' }],
    ['a document that does not parse', { query: '{ clusters { id }' }],
    [
      'a variable of the wrong type',
      { query: 'query($y: Int) { movements(year: $y) { id } }', variables: { y: 'nam' } },
    ],
    ['a missing variable', { query: 'query($y: Int!) { movements(year: $y) { id } }' }],
    ['variables that are not an object', { query: '{ clusters { id } }', variables: [1] }],
    ['a batch (not accepted)', [{ query: '{ clusters { id } }' }]],
    [
      'a persisted-query extension',
      { query: '{ clusters { id } }', extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } },
    ],
    ['an operation name the document lacks', { query: 'query One { clusters { id } }', operationName: 'Two' }],
    [
      'a response type only Apollo negotiates',
      { query: '{ clusters { id } }' },
      { accept: 'application/graphql-response+json' },
    ],
  ];

  // (A rest parameter: jest takes a third declared parameter for a done callback.)
  it.each(ERROR_QUESTIONS)('%s: same status, headers and body, also once compiled', async (...[, body, headers]) => {
    for (let sighting = 1; sighting <= 3; sighting++) {
      const [fast, apollo] = await both(body, headers);
      expect(fast).toEqual(apollo);
    }
  });

  it('does not compile mutations: graphql-js runs them', async () => {
    for (let sighting = 1; sighting <= 2; sighting++) {
      const { status, text } = await post(compiled, { query: 'mutation { __typename }' });
      expect([status, JSON.parse(text)]).toEqual([200, { data: { __typename: 'Mutation' } }]);
    }
    expect(compiled.compiledExecutor!.isCompiled('mutation { __typename }')).toBe(false);
  });
});
