import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';
import { BREAK, GraphQLError, visit, type DocumentNode, type ValidationRule } from 'graphql';

/** A NUL or half a surrogate pair: PostgreSQL keeps neither in text nor in jsonb. */
// eslint-disable-next-line no-control-regex -- a NUL is exactly what this refuses
const UNSTORABLE_TEXT = /[\u0000\p{Cs}]/u;

/** Whether any string in a JSON value (keys included) is unstorable; a loop, as variables may nest deeply. */
function holdsUnstorableText(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next === 'string') {
      if (UNSTORABLE_TEXT.test(next)) return true;
    } else if (Array.isArray(next)) {
      pending.push(...next);
    } else if (next !== null && typeof next === 'object') {
      for (const [key, inner] of Object.entries(next)) pending.push(key, inner);
    }
  }
  return false;
}

/**
 * Per parsed document (Apollo reuses the parsed form of a repeated query): whether a
 * string literal in it is unstorable.
 */
const checkedDocuments = new WeakMap<DocumentNode, boolean>();

function documentHoldsUnstorableText(document: DocumentNode): boolean {
  let found = checkedDocuments.get(document);
  if (found === undefined) {
    found = false;
    visit(document, {
      StringValue(node) {
        if (!UNSTORABLE_TEXT.test(node.value)) return undefined;
        found = true;
        return BREAK;
      },
    });
    checkedDocuments.set(document, found);
  }
  return found;
}

const textInputListener: GraphQLRequestListener<BaseContext> = {
  async didResolveOperation({ document, request }) {
    if (documentHoldsUnstorableText(document) || holdsUnstorableText(request.variables)) {
      throw new GraphQLError('Text may not contain a NUL character or an unpaired surrogate', {
        extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
      });
    }
  },
};

/**
 * Refuses a request whose text inputs (string literals in the document, and variables) hold
 * a NUL or a lone surrogate, before any resolver runs: stored, they would fail in
 * PostgreSQL halfway through a command. Arguments of every field, in input objects or not.
 */
export const textInputGuard: ApolloServerPlugin = {
  requestDidStart: async () => textInputListener,
};

/**
 * Refuses operations of a kind the schema has no root type for (subscriptions here).
 * graphql-js 16 validates them and only fails them while executing, as an internal
 * error; graphql-js 17 has this rule as KnownOperationTypesRule.
 */
export const knownOperationTypes: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (context.getSchema().getRootType(node.operation)) return;
    context.reportError(new GraphQLError(`This API offers no ${node.operation} operations`, { nodes: node }));
  },
});
