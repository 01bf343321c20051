import { isObjectType, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, getMetadataStorage, type BuildSchemaOptions, type NonEmptyArray } from 'type-graphql';
import { ProjectionStatusResolver } from '../projectionStatus/projectionStatus.resolver';
import { withAccessPolicy } from './accessControl';
import { awardingResolvers } from './resolvers.awarding';
import { queryResolvers } from './resolvers.queries';
import { referenceResolvers } from './resolvers.reference';
import { validateArgument } from './argumentValidation';
import { DateTimeScalar } from './scalars';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's resolver classes
const resolvers: NonEmptyArray<Function> = [
  ProjectionStatusResolver,
  ...referenceResolvers,
  ...awardingResolvers,
  ...queryResolvers,
];

let cached: Promise<GraphQLSchema> | undefined;

const schemaOptions: BuildSchemaOptions = {
  resolvers,
  validateFn: validateArgument,
  scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
};

/** The app's schema, code first, every operation under the access policy; `schema.graphql` is this printed. */
export function buildAppSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema(schemaOptions).then((schema) =>
    withAccessPolicy(withPlainFieldsReadDirectly(schema, schemaOptions)),
  );
  return cached;
}

/**
 * type-graphql gives every plain field (a property of the object, no field resolver) a
 * resolver of its own, so that middlewares and role checks can run around it. Where
 * none can (no global middlewares or auth checker, none on the field), that resolver
 * only reads the property, yet costs an info object and a call per field and row (a
 * page of 50 audit entries has 350 such fields). Those fields read the property the
 * default way instead, which compiled queries turn into a plain property access.
 * A role or middleware added to a field, or globally, keeps type-graphql's resolver.
 * It pays: the inspector's saturation was 1.26× that of the same build without it in a
 * same-session A/B (bench/README.md, "Speed tricks").
 */
export function withPlainFieldsReadDirectly(schema: GraphQLSchema, options: BuildSchemaOptions): GraphQLSchema {
  if ((options.globalMiddlewares?.length ?? 0) > 0 || options.authChecker) return schema;
  const storage = getMetadataStorage();
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!isObjectType(type)) continue;
    const definitions = type.getFields();
    for (const field of objectType.fields ?? []) {
      if (field.roles !== undefined || (field.middlewares?.length ?? 0) > 0) continue;
      // Renamed in the schema: the default would read the schema name, not the property.
      if (field.schemaName !== field.name) continue;
      if (
        storage.fieldResolvers.some(
          (resolver) => resolver.methodName === field.name && resolver.getObjectType?.() === field.target,
        )
      )
        continue;
      const definition = definitions[field.schemaName];
      if (definition) definition.resolve = undefined;
    }
  }
  return schema;
}

export async function printAppSchema(): Promise<string> {
  return `${printSchema(await buildAppSchema())}\n`;
}
