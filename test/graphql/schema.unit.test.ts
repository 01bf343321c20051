import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import 'reflect-metadata';
import { graphql, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { Authorized, buildSchema, Field, ObjectType, Query, Resolver, UseMiddleware } from 'type-graphql';
import { buildAppSchema, printAppSchema, withPlainFieldsReadDirectly } from '../../src/graphql/schema';

it('schema.graphql matches the schema the code builds (run `npm run schema` after changing it)', async () => {
  const committed = readFileSync(join(__dirname, '../../schema.graphql'), 'utf8');
  expect(committed).toBe(await printAppSchema());
});

const contractChecker = join(__dirname, '../../../shared/tools/check-contract.mjs');
const describeIfShared = existsSync(contractChecker) ? describe : describe.skip;

describeIfShared('the public contract (../shared/contract.graphql)', () => {
  it('is offered in full by schema.graphql', () => {
    const output = execFileSync(process.execPath, [contractChecker, 'schema.graphql'], {
      cwd: join(__dirname, '../..'),
      encoding: 'utf8',
    });
    expect(output.trim().split('\n').pop()).toBe('contract: all of it is offered');
  });
});

describe('plain fields read their property directly', () => {
  it('leaves plain fields without a resolver and keeps field resolvers', async () => {
    const schema = await buildAppSchema();
    const entry = schema.getType('AuditEntry') as GraphQLObjectType;
    expect(entry.getFields().summary.resolve).toBeUndefined();
    expect(entry.getFields().recordedAt.resolve).toBeUndefined();
    // Field resolvers (batched loads) must keep theirs, or the field would read a missing property.
    const award = schema.getType('Award') as GraphQLObjectType;
    expect(typeof award.getFields().dossier.resolve).toBe('function');
    // Root fields always have their handlers.
    expect(typeof schema.getQueryType()!.getFields().auditTrail.resolve).toBe('function');
  });

  it('keeps type-graphql resolvers where a role, a middleware, a global middleware or an auth checker may run', async () => {
    @ObjectType('PlainFieldsProbe')
    class Probe {
      @Field()
      plain!: string;

      @Field()
      @Authorized('INSPECTOR')
      guarded!: string;

      @Field()
      @UseMiddleware(async (_, next) => next())
      wrapped!: string;

      @Field({ name: 'renamed' })
      property!: string;
    }
    @Resolver()
    class ProbeResolver {
      @Query(() => Probe)
      probe(): Probe {
        return { plain: 'p', guarded: 'g', wrapped: 'w', property: 'r' };
      }
    }
    const options = { resolvers: [ProbeResolver] as [typeof ProbeResolver], authChecker: () => true };
    const fieldsOf = (schema: GraphQLSchema) => (schema.getType('PlainFieldsProbe') as GraphQLObjectType).getFields();

    const withChecker = withPlainFieldsReadDirectly(await buildSchema(options), options);
    expect(typeof fieldsOf(withChecker).plain.resolve).toBe('function');

    const withoutChecker = withPlainFieldsReadDirectly(await buildSchema(options), { resolvers: options.resolvers });
    expect(fieldsOf(withoutChecker).plain.resolve).toBeUndefined();
    expect(typeof fieldsOf(withoutChecker).guarded.resolve).toBe('function');
    expect(typeof fieldsOf(withoutChecker).wrapped.resolve).toBe('function');
    expect(typeof fieldsOf(withoutChecker).renamed.resolve).toBe('function');
    const answer = await graphql({ schema: withoutChecker, source: '{ probe { plain guarded wrapped renamed } }' });
    expect(answer).toEqual({ data: { probe: { plain: 'p', guarded: 'g', wrapped: 'w', renamed: 'r' } } });

    const withGlobalMiddleware = withPlainFieldsReadDirectly(await buildSchema(options), {
      resolvers: options.resolvers,
      globalMiddlewares: [async (_, next) => next()],
    });
    expect(typeof fieldsOf(withGlobalMiddleware).plain.resolve).toBe('function');
  });
});
