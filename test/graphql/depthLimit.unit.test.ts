import { buildSchema, parse, validate } from 'graphql';
import { depthLimit } from '../../src/graphql/depthLimit';

const schema = buildSchema('type Query { node: Node } type Node { id: ID, child: Node }');
const errorsFor = (query: string) => validate(schema, parse(query), [depthLimit(3)]).map((e) => e.message);

describe('depthLimit', () => {
  it('lets a query at the limit through', () => {
    expect(errorsFor('{ node { child { id } } }')).toEqual([]);
  });
  it('refuses one level deeper, also when hidden in fragments', () => {
    expect(errorsFor('{ node { child { child { id } } } }')).toEqual(['query depth 4 exceeds the limit of 3']);
    expect(errorsFor('{ node { ...F } } fragment F on Node { child { child { id } } }')).toEqual(['query depth 4 exceeds the limit of 3']);
  });
  it('does not loop on self-referencing fragments', () => {
    expect(errorsFor('{ node { ...F } } fragment F on Node { id ...F }')).toEqual([]);
  });
});
