import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { ACCESS_POLICY } from '../auth/accessPolicy';
import { enforcerOf, type Enforcer } from '../auth/enforcement';
import type { AccessPolicy, OperationPolicy } from '../auth/policy';
import type { GraphQLContext } from './context';

/** The schema's root types with the kind of operation their fields are. */
export function rootTypes(schema: GraphQLSchema): Array<[OperationPolicy['kind'], GraphQLObjectType]> {
  const roots: Array<[OperationPolicy['kind'], GraphQLObjectType | null | undefined]> = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ];
  return roots.filter((root): root is [OperationPolicy['kind'], GraphQLObjectType] => root[1] != null);
}

/**
 * Puts every query and mutation under its row of the access policy by wrapping the root
 * field's resolver: every way of executing the schema (Apollo, compiled queries) runs
 * it. Nested fields are reached only through a root field, so they need no check of
 * their own; plain fields keep reading their property directly.
 */
export function withAccessPolicy(schema: GraphQLSchema, policy: AccessPolicy = ACCESS_POLICY): GraphQLSchema {
  for (const [kind, type] of rootTypes(schema)) {
    for (const field of Object.values(type.getFields())) {
      const row = policy[field.name];
      if (row?.kind !== kind)
        throw new Error(`${type.name}.${field.name} has no ${kind} row in the access policy (src/auth/policy.*.ts)`);
      field.resolve = guarded(kind, enforcerOf(field.name, row), field.resolve ?? defaultFieldResolver);
    }
  }
  return schema;
}

/** A mutation's access check keeps the streams it reads for the command that follows (AccessCheckReads). */
function guarded(
  kind: OperationPolicy['kind'],
  enforce: Enforcer,
  resolve: GraphQLFieldResolver<unknown, GraphQLContext>,
): GraphQLFieldResolver<unknown, GraphQLContext> {
  return (source, args, context, info) =>
    enforce(
      context.identity,
      args,
      kind === 'mutation' ? context.mutationPolicyServices(info) : context.services,
      (runArgs) => resolve(source, runArgs, context, info),
    );
}
