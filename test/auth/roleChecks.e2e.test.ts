import type { GraphQLObjectType } from 'graphql';
import { ACCESS_POLICY } from '../../src/auth/accessPolicy';
import { buildAppSchema } from '../../src/graphql/schema';
import { ROLES, type Role } from '../../src/identity';
import type { TestApp } from '../support/app';
import { startOrganisationApp } from '../support/awarding';
import { logExtent } from '../support/streams';
import { ACTOR_OF_ROLE, MUTATION_REQUESTS, QUERY_REQUESTS, type OperationRequest } from '../support/operations';

/** Every operation paired with every role its row grants nothing: each must be refused. */
function refusals(requests: Record<string, OperationRequest>): Array<[string, Role]> {
  return Object.keys(requests).flatMap((operation) =>
    ROLES.filter((role) => ACCESS_POLICY[operation].grants[role] === undefined).map((role): [string, Role] => [
      operation,
      role,
    ]),
  );
}

const MUTATION_REFUSALS = refusals(MUTATION_REQUESTS);
const QUERY_REFUSALS = refusals(QUERY_REQUESTS);

it('has a valid-shaped request for every query and mutation of the schema', async () => {
  const schema = await buildAppSchema();
  const names = (type: GraphQLObjectType | null | undefined) => Object.keys(type?.getFields() ?? {}).sort();
  expect(Object.keys(MUTATION_REQUESTS).sort()).toEqual(names(schema.getMutationType()));
  expect(Object.keys(QUERY_REQUESTS).sort()).toEqual(names(schema.getQueryType()));
});

describe('the role checks, generated from the policy table', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startOrganisationApp();
  }, 60_000);
  afterAll(async () => t.stop());

  const expectForbidden = async (request: OperationRequest, role: Role) => {
    const { status, body } = await t.graphql(request.query, request.variables, ACTOR_OF_ROLE[role]);
    expect(status).toBe(200);
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0].extensions?.code).toBe('FORBIDDEN');
    return body;
  };

  it.each(MUTATION_REFUSALS)('%s as %s: FORBIDDEN, nothing appended', async (operation, role) => {
    const before = await logExtent(t);
    const body = await expectForbidden(MUTATION_REQUESTS[operation], role);
    expect(body.data ?? null).toBeNull();
    expect(await logExtent(t)).toEqual(before);
  });

  it.each(QUERY_REFUSALS)('%s as %s: FORBIDDEN, no answer', async (operation, role) => {
    const body = await expectForbidden(QUERY_REQUESTS[operation], role);
    expect(body.data?.[operation] ?? null).toBeNull();
  });

  it('covers every role the table refuses (the count of role checks)', () => {
    const grants = Object.values(ACCESS_POLICY).reduce((sum, row) => sum + Object.keys(row.grants).length, 0);
    expect(MUTATION_REFUSALS.length + QUERY_REFUSALS.length).toBe(
      Object.keys(ACCESS_POLICY).length * ROLES.length - grants,
    );
  });
});
