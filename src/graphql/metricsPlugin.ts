import type { ApolloServerPlugin } from '@apollo/server';
import type { Metrics } from '../infra/metrics';
import type { GraphQLContext } from './context';

/**
 * Times every GraphQL request Apollo runs, from parsing to the answer, labelled by the
 * operation's kind (query, mutation; `unknown` when it never parsed or validated) and
 * whether the answer carries errors. The operation's text and name stay out of the labels.
 */
export function graphqlMetricsPlugin(metrics: Metrics): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      const done = metrics.graphqlDuration.startTimer();
      let operation = 'unknown';
      return {
        async didResolveOperation({ operation: resolved }) {
          if (resolved) operation = resolved.operation;
        },
        async willSendResponse({ response }) {
          const failed = response.body.kind === 'single' && (response.body.singleResult.errors?.length ?? 0) > 0;
          done({ operation, outcome: failed ? 'error' : 'ok' });
        },
      };
    },
  };
}
