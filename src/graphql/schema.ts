import { printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import { ProjectionsResolver } from '../projections/projections.resolver';
import { awardingResolvers } from './resolvers.awarding';
import { queryResolvers } from './resolvers.queries';
import { referenceResolvers } from './resolvers.reference';
import { DateTimeScalar } from './scalars';

// eslint-disable-next-line @typescript-eslint/ban-types
export const resolvers: NonEmptyArray<Function> = [ProjectionsResolver, ...referenceResolvers, ...awardingResolvers, ...queryResolvers];

let cached: Promise<GraphQLSchema> | undefined;

/** The app's schema, code first; `schema.graphql` is this printed. */
export function buildAppSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers,
    validate: { forbidUnknownValues: false },
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
  });
  return cached;
}

export async function printAppSchema(): Promise<string> {
  return `${printSchema(await buildAppSchema())}\n`;
}
