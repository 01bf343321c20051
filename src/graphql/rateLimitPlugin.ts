import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import type { MutationRateLimiter } from '../infra/rateLimit';
import type { GraphQLContext } from './context';

/** Root fields of a selection set, through fragments: each is one command. */
function rootFields(
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  spread = new Set<string>(),
): number {
  let count = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) count += selection.name.value === '__typename' ? 0 : 1;
    else if (selection.kind === Kind.INLINE_FRAGMENT) count += rootFields(selection.selectionSet, fragments, spread);
    else if (!spread.has(selection.name.value)) {
      spread.add(selection.name.value);
      const fragment = fragments.get(selection.name.value);
      if (fragment) count += rootFields(fragment.selectionSet, fragments, spread);
    }
  }
  return count;
}

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  return fragments;
}

/**
 * Counts each mutation a request sends against its caller's limit once the operation is
 * known (after parsing and validation) and before anything runs: a request that would
 * pass the limit is refused whole with HTTP 429, Retry-After and RATE_LIMITED, and
 * appends nothing. Queries are not counted.
 */
export function mutationRateLimitPlugin(limiter: MutationRateLimiter): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, contextValue }) {
          if (operation?.operation !== 'mutation') return;
          const count = rootFields(operation.selectionSet, fragmentsOf(document));
          if (count === 0) return;
          const decision = await limiter.take(contextValue.identity.actorId ?? 'anonymous', count);
          if (decision.allowed) return;
          const seconds = decision.retryAfterSeconds;
          throw new GraphQLError(
            `more than ${limiter.perMinute} mutations a minute from this caller; retry in ${seconds} s`,
            {
              extensions: {
                code: 'RATE_LIMITED',
                retryAfterSeconds: seconds,
                http: { status: 429, headers: new Map([['retry-after', String(seconds)]]) },
              },
            },
          );
        },
      };
    },
  };
}
