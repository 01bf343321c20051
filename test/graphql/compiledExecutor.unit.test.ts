import { createHash } from 'node:crypto';
import { buildSchema, execute, getOperationAST, parse } from 'graphql';
import { COMPILED_QUERY_MAX_LENGTH, CompiledExecutor } from '../../src/graphql/compiledExecutor';

/** Counts the runs of graphql-jit's compiled code (the library itself, spied on, not replaced). */
let compiledRuns = 0;
jest.mock('graphql-jit', () => {
  const actual = jest.requireActual('graphql-jit');
  return {
    ...actual,
    compileQuery: (...args: unknown[]) => {
      const compiled = actual.compileQuery(...args);
      if (!actual.isCompiledQuery(compiled)) return compiled;
      const query = compiled.query;
      return { ...compiled, query: (...queryArgs: unknown[]) => (compiledRuns++, query(...queryArgs)) };
    },
  };
});

const schema = buildSchema(`
  type Query { node(id: ID!): Node, hello: String }
  type Node { id: ID!, child: Node }
  type Mutation { rename(id: ID!): Node }
`);
const fields = schema.getQueryType()!.getFields();
fields.hello.resolve = () => 'xin chào';
fields.node.resolve = (_, { id }) => ({ id, child: { id: `${id}.1` } });

/** What Apollo hands its gateway executor for `source`, after parsing and validating it. */
function request(source: string, variables: Record<string, unknown> = {}, operationName?: string) {
  const document = parse(source);
  return {
    source,
    document,
    queryHash: createHash('sha256').update(source).digest('hex'),
    operation: getOperationAST(document, operationName)!,
    operationName: operationName ?? null,
    request: { query: source, variables, operationName },
    context: {},
  } as unknown as Parameters<CompiledExecutor['execute']>[0];
}

/** What graphql-js answers, serialized as Apollo would. */
async function generic(source: string, variables: Record<string, unknown> = {}, operationName?: string) {
  return JSON.parse(
    JSON.stringify(await execute({ schema, document: parse(source), variableValues: variables, operationName })),
  );
}
const json = (value: unknown) => JSON.parse(JSON.stringify(value));

beforeEach(() => {
  compiledRuns = 0;
});

describe('CompiledExecutor', () => {
  const TEXT = 'query($id: ID!) { node(id: $id) { id child { id } } hello }';

  it('runs a query generically on first sight, then compiled, with the same answers', async () => {
    const executor = new CompiledExecutor(schema);
    for (const id of ['a', 'b', 'c'])
      expect(json(await executor.execute(request(TEXT, { id })))).toEqual(await generic(TEXT, { id }));
    expect(executor.isCompiled(TEXT)).toBe(true);
    expect(compiledRuns).toBe(2);
  });

  it('answers through graphql-js when compiled code finds an error, with graphql-js’s error', async () => {
    const executor = new CompiledExecutor(schema);
    await executor.execute(request(TEXT, { id: 'a' }));
    await executor.execute(request(TEXT, { id: 'a' }));
    expect(json(await executor.execute(request(TEXT, { id: { not: 'an id' } })))).toEqual(
      await generic(TEXT, { id: { not: 'an id' } }),
    );
    expect(json(await executor.execute(request(TEXT, {})))).toEqual(await generic(TEXT, {}));
    expect(compiledRuns).toBe(3);
  });

  it('never compiles a mutation, nor a document over the length limit', async () => {
    const executor = new CompiledExecutor(schema);
    const mutation = 'mutation { rename(id: "a") { id } }';
    const long = `{ hello ${' '.repeat(COMPILED_QUERY_MAX_LENGTH)}}`;
    for (let sighting = 0; sighting < 3; sighting++) {
      await executor.execute(request(mutation));
      expect(json(await executor.execute(request(long)))).toEqual({ data: { hello: 'xin chào' } });
    }
    expect(executor.isCompiled(mutation)).toBe(false);
    expect(executor.isCompiled(long)).toBe(false);
    expect(compiledRuns).toBe(0);
  });

  it('compiles the operation asked for, each on its own', async () => {
    const executor = new CompiledExecutor(schema);
    const text = 'query A { hello } query B { node(id: "b") { id } }';
    for (let sighting = 0; sighting < 2; sighting++)
      expect(json(await executor.execute(request(text, {}, 'A')))).toEqual({ data: { hello: 'xin chào' } });
    expect(executor.isCompiled(text, 'A')).toBe(true);
    expect(executor.isCompiled(text, 'B')).toBe(false);
  });

  it('keeps compiled forms up to its budget of query text, dropping the least recently used', async () => {
    const [first, second, third] = ['{ hello }', '{ a: hello }', '{ b: hello }'];
    const executor = new CompiledExecutor(schema, first.length + second.length);
    const twice = async (text: string) => {
      await executor.execute(request(text));
      await executor.execute(request(text));
    };
    await twice(first);
    await twice(second);
    await executor.execute(request(first)); // used again: now the newest
    await twice(third); // over budget: drops the second
    expect([first, second, third].map((text) => executor.isCompiled(text))).toEqual([true, false, true]);
  });
});
