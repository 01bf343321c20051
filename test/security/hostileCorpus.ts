/**
 * A generated corpus of hostile and malformed requests, built from the schema: for every
 * mutation and the main queries, requests without a token, with forged or expired ones,
 * from roles that may not act, and with each argument turned into something the API
 * must refuse. Every request in it must be refused: none may append an event.
 */
import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';

export interface HostileRequest {
  /** What it tries, for the failure message. */
  label: string;
  /** `token` names a role whose valid token is sent; the other kinds are broken tokens. */
  auth: { kind: 'none' | 'forged' | 'expired' | 'unsigned' | 'garbage' } | { kind: 'token'; role: string };
  /** The JSON body; for GET, its query and variables go into the URL. */
  body: string;
  method?: 'GET' | 'POST';
  contentType?: string;
}

/** Text a valid-looking request could carry where the API must refuse it. */
const HOSTILE_TEXT: Array<[string, string]> = [
  ['a NUL byte', 'ab\u0000cd'],
  ['a lone high surrogate', 'ab\ud800cd'],
  ['a lone low surrogate', '\udc00'],
  ['25,000 characters', 'x'.repeat(25_000)],
];

/** Inert strings that must stay inert: sent only where the request is refused anyway. */
const INJECTION_TEXT = [
  "'; DROP TABLE events; --",
  '${process.exit()}',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '{"$gt": ""}',
  '\\u0000',
  'SELECT pg_sleep(10)',
];

/** A value of the right shape for `type` (ids name nothing that exists). */
function sampleValue(type: GraphQLInputType, depth = 0): unknown {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return [sampleValue(nullable.ofType, depth + 1)];
  if (isEnumType(nullable)) return nullable.getValues()[0].value;
  if (isInputObjectType(nullable)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(nullable.getFields()))
      if (isNonNullType(field.type) && depth < 4) value[field.name] = sampleValue(field.type, depth + 1);
    return value;
  }
  switch (isScalarType(nullable) ? nullable.name : '') {
    case 'Int':
      return 2024;
    case 'Float':
      return 1.5;
    case 'Boolean':
      return true;
    case 'Date':
      return '2025-01-15';
    case 'DateTime':
      return '2025-01-15T00:00:00.000Z';
    case 'ID':
      return 'khong-ton-tai';
    default:
      return 'Nội dung thử';
  }
}

/**
 * Values that break a field of `type`: wrong types, nulls, and text the API refuses. A
 * long id is no error where it only looks something up (nothing has it: the answer is
 * null); where it would be stored, it is.
 */
function brokenValues(type: GraphQLInputType, lookup = false): Array<[string, unknown]> {
  const named = getNamedType(type);
  const broken: Array<[string, unknown]> = [
    ['an object', { $where: '1' }],
    ['a list of lists', [[1]]],
  ];
  if (isNonNullType(type)) broken.push(['null', null]);
  if (isScalarType(named) && named.name === 'String') broken.push(...HOSTILE_TEXT);
  if (isScalarType(named) && named.name === 'ID')
    broken.push(...HOSTILE_TEXT.filter(([label]) => !lookup || !label.includes('characters')));
  if (isScalarType(named) && named.name === 'Int')
    broken.push(['2^53', 2 ** 53], ['a float', 1.5], ['a numeric string', '2024']);
  if (isScalarType(named) && named.name === 'Date')
    broken.push(['February 30th', '2025-02-30'], ['a date-time', '2025-01-01T00:00:00Z'], ['text', 'hôm qua']);
  if (isEnumType(named)) broken.push(['an unknown member', 'SUPERUSER']);
  return broken;
}

function selectionOf(field: GraphQLField<unknown, unknown>): string {
  return isObjectType(getNamedType(field.type)) ? ' { __typename }' : '';
}

function documentOf(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const args = field.args;
  const declared = args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
  const passed = args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  return `${kind}${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''}${selectionOf(field)} }`;
}

function validVariables(args: readonly GraphQLArgument[]): Record<string, unknown> {
  return Object.fromEntries(
    args.filter((arg) => isNonNullType(arg.type)).map((arg) => [arg.name, sampleValue(arg.type)]),
  );
}

/** Every way each argument (and each field of an input object) can be broken. */
function brokenVariables(args: readonly GraphQLArgument[], lookup = false): Array<[string, Record<string, unknown>]> {
  const valid = validVariables(args);
  const variants: Array<[string, Record<string, unknown>]> = [];
  for (const arg of args) {
    for (const [label, value] of brokenValues(arg.type, lookup))
      variants.push([`${arg.name} = ${label}`, { ...valid, [arg.name]: value }]);
    const input = getNullableType(arg.type);
    if (!isInputObjectType(input)) continue;
    for (const field of Object.values(input.getFields())) {
      for (const [label, value] of brokenValues(field.type, lookup)) {
        variants.push([
          `${arg.name}.${field.name} = ${label}`,
          { ...valid, [arg.name]: { ...(valid[arg.name] as object), [field.name]: value } },
        ]);
      }
    }
    variants.push([
      `${arg.name} with an unknown field`,
      { ...valid, [arg.name]: { ...(valid[arg.name] as object), isAdmin: true } },
    ]);
  }
  return variants;
}

const BROKEN_TOKENS: HostileRequest['auth'][] = [
  { kind: 'none' },
  { kind: 'forged' },
  { kind: 'expired' },
  { kind: 'unsigned' },
  { kind: 'garbage' },
];

/** Requests against every mutation: broken tokens, a role that may never write, and broken arguments. */
export function mutationCorpus(schema: GraphQLSchema, writerRole: string, readOnlyRoles: string[]): HostileRequest[] {
  const corpus: HostileRequest[] = [];
  for (const field of Object.values(schema.getMutationType()!.getFields())) {
    const query = documentOf('mutation', field);
    const body = JSON.stringify({ query, variables: validVariables(field.args) });
    for (const auth of BROKEN_TOKENS) corpus.push({ label: `${field.name} with ${auth.kind} token`, auth, body });
    for (const role of readOnlyRoles)
      corpus.push({ label: `${field.name} as ${role}`, auth: { kind: 'token', role }, body });
    for (const [index, text] of INJECTION_TEXT.entries()) {
      const variables = JSON.parse(
        JSON.stringify(validVariables(field.args)).replace(/"khong-ton-tai"|"Nội dung thử"/g, JSON.stringify(text)),
      );
      corpus.push({
        label: `${field.name} injection #${index} as ${readOnlyRoles[index % readOnlyRoles.length]}`,
        auth: { kind: 'token', role: readOnlyRoles[index % readOnlyRoles.length] },
        body: JSON.stringify({ query, variables }),
      });
    }
    for (const [label, variables] of brokenVariables(field.args))
      corpus.push({
        label: `${field.name}: ${label}`,
        auth: { kind: 'token', role: writerRole },
        body: JSON.stringify({ query, variables }),
      });
    corpus.push({ label: `${field.name} over GET`, auth: { kind: 'token', role: writerRole }, body, method: 'GET' });
  }
  return corpus;
}

/** Requests against the given queries: broken tokens and broken arguments. */
export function queryCorpus(schema: GraphQLSchema, names: string[], role: string): HostileRequest[] {
  const corpus: HostileRequest[] = [];
  const fields = schema.getQueryType()!.getFields();
  for (const name of names) {
    const field = fields[name];
    const query = documentOf('query', field);
    for (const auth of BROKEN_TOKENS)
      corpus.push({
        label: `${name} with ${auth.kind} token`,
        auth,
        body: JSON.stringify({ query, variables: validVariables(field.args) }),
      });
    for (const [label, variables] of brokenVariables(field.args, true))
      corpus.push({
        label: `${name}: ${label}`,
        auth: { kind: 'token', role },
        body: JSON.stringify({ query, variables }),
      });
  }
  return corpus;
}

/** Requests malformed at the protocol level. */
export function protocolCorpus(role: string): HostileRequest[] {
  const auth = { kind: 'token' as const, role };
  const fragmentBomb =
    Array.from({ length: 22 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join('\n') +
    '\nfragment F22 on Query { projections { name } }';
  const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: projections { name }`).join(' ')} }`;
  return [
    { label: 'invalid JSON', auth, body: '{"query": ' },
    {
      label: 'a JSON array (batch)',
      auth,
      body: JSON.stringify([{ query: '{ projections { name } }' }, { query: '{ projections { name } }' }]),
    },
    { label: 'a JSON string', auth, body: JSON.stringify('{ projections { name } }') },
    { label: 'no query', auth, body: JSON.stringify({ variables: {} }) },
    { label: 'a query that is a number', auth, body: JSON.stringify({ query: 42 }) },
    {
      label: 'variables that are a string',
      auth,
      body: JSON.stringify({ query: '{ projections { name } }', variables: 'x' }),
    },
    { label: 'a syntax error', auth, body: JSON.stringify({ query: '{ projections { name }' }) },
    {
      label: 'an unknown operation name',
      auth,
      body: JSON.stringify({ query: '{ projections { name } }', operationName: 'Nope' }),
    },
    { label: 'a subscription', auth, body: JSON.stringify({ query: 'subscription { projections { name } }' }) },
    {
      label: 'a wrong persisted-query hash',
      auth,
      body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } }),
    },
    {
      label: 'a persisted query whose hash does not match',
      auth,
      body: JSON.stringify({
        query: '{ projections { name } }',
        extensions: { persistedQuery: { version: 1, sha256Hash: 'b'.repeat(64) } },
      }),
    },
    { label: 'the fragment bomb', auth, body: JSON.stringify({ query: `query { ...F0 }\n${fragmentBomb}` }) },
    { label: '400 aliases', auth, body: JSON.stringify({ query: aliases(400) }) },
    { label: '20,000 tokens', auth, body: JSON.stringify({ query: `{ ${'projections { name } '.repeat(5000)} }` }) },
    {
      label: '50 directives',
      auth,
      body: JSON.stringify({ query: `{ projections ${'@include(if: true) '.repeat(50)} { name } }` }),
    },
    {
      label: '40 levels deep',
      auth,
      body: JSON.stringify({
        query: `{ ${'__schema { types { fields { type { ofType { '.repeat(8)}name${' } } } } }'.repeat(8)} }`,
      }),
    },
    {
      label: 'text/plain',
      auth,
      body: JSON.stringify({ query: '{ projections { name } }' }),
      contentType: 'text/plain',
    },
    {
      label: 'form data',
      auth,
      body: 'query=%7B%20projections%20%7B%20name%20%7D%20%7D',
      contentType: 'application/x-www-form-urlencoded',
    },
    {
      label: 'a GET mutation',
      auth,
      body: JSON.stringify({
        query: 'mutation { registerUnit(input: { name: "X", kind: SCHOOL, level: UNIT }) { id } }',
      }),
      method: 'GET',
    },
  ];
}
