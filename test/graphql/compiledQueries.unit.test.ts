import { buildSchema } from 'graphql';
import { COMPILED_QUERY_MAX_LENGTH, CompiledQueries } from '../../src/graphql/compiledQueries';
import { depthLimit } from '../../src/graphql/depthLimit';

const schema = buildSchema(`
  type Query { node(id: ID!): Node, hello: String }
  type Node { id: ID!, child: Node }
  type Mutation { rename(id: ID!): Node }
`);
const fields = schema.getQueryType()!.getFields();
fields.hello.resolve = () => 'xin chào';
fields.node.resolve = (_, { id }) => ({ id, child: { id: `${id}.1` } });
const rootValue = undefined;

describe('CompiledQueries', () => {
  it('compiles a valid query once and answers it with the same data as graphql-js would', async () => {
    const queries = new CompiledQueries(schema, []);
    const text = 'query($id: ID!) { node(id: $id) { id child { id } } hello }';
    const compiled = queries.get(text, null);
    expect(compiled).not.toBeNull();
    expect(queries.get(text, null)).toBe(compiled);
    expect(queries.size).toBe(1);
    expect(await compiled!.query(rootValue, {}, { id: 'a' })).toEqual({ data: { node: { id: 'a', child: { id: 'a.1' } }, hello: 'xin chào' } });
  });

  it.each([
    ['a mutation', 'mutation { rename(id: "a") { id } }', null],
    ['a document that does not parse', '{ node(id: "a") { id }', null],
    ['a field the schema lacks', '{ nope }', null],
    ['a missing required argument', '{ node { id } }', null],
    ['an operation name the document lacks', 'query A { hello }', 'B'],
    ['several operations and no name', 'query A { hello } query B { hello }', null],
    ['a query deeper than the extra rules allow', '{ node(id: "a") { child { child { child { id } } } } }', null],
  ])('leaves %s to the general path, and remembers that', (_, text, operationName) => {
    const queries = new CompiledQueries(schema, [depthLimit(3)]);
    expect(queries.get(text, operationName)).toBeNull();
    expect(queries.size).toBe(1);
  });

  it('picks the named operation of a document with several', async () => {
    const queries = new CompiledQueries(schema, []);
    const text = 'query A { hello } mutation B { rename(id: "a") { id } }';
    expect(queries.get(text, 'B')).toBeNull();
    expect(await queries.get(text, 'A')!.query(rootValue, {}, {})).toEqual({ data: { hello: 'xin chào' } });
  });

  it('neither compiles nor remembers documents over the length limit', () => {
    const queries = new CompiledQueries(schema, []);
    const long = `{ hello ${' '.repeat(COMPILED_QUERY_MAX_LENGTH)}}`;
    expect(queries.get(long, null)).toBeNull();
    expect(queries.size).toBe(0);
  });

  it('keeps at most its capacity, dropping the least recently used', () => {
    const queries = new CompiledQueries(schema, [], 2);
    const first = queries.get('{ hello }', null);
    queries.get('{ a: hello }', null);
    queries.get('{ hello }', null); // used again: now the newest
    queries.get('{ b: hello }', null); // drops "{ a: hello }"
    expect(queries.size).toBe(2);
    expect(queries.get('{ hello }', null)).toBe(first);
  });
});
