import { getOperationAST, parse, specifiedRules, validate, type DocumentNode, type GraphQLSchema, type ValidationRule } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { LruMap } from '../shared/lruMap';

/** Distinct documents kept compiled; dashboards and desks send a handful each. */
export const COMPILED_QUERIES_CAPACITY = 500;
/** Longer documents are not compiled (nor remembered): they take the general path. */
export const COMPILED_QUERY_MAX_LENGTH = 20_000;

/**
 * Read-only operations compiled to JavaScript once per document (graphql-jit), so a
 * repeated query skips parsing, validation and the generic executor's per-field work.
 *
 * Only documents that parse and pass the same validation rules as the general path,
 * and whose chosen operation is a query, are compiled. A document that is not one of
 * those is remembered as such (null) so it is judged once.
 */
export class CompiledQueries {
  private readonly compiled: LruMap<string, CompiledQuery | null>;
  private readonly rules: readonly ValidationRule[];

  constructor(
    private readonly schema: GraphQLSchema,
    extraRules: readonly ValidationRule[],
    capacity = COMPILED_QUERIES_CAPACITY,
  ) {
    this.compiled = new LruMap(capacity);
    this.rules = [...specifiedRules, ...extraRules];
  }

  /** How many documents are remembered, compiled or not (for tests). */
  get size(): number {
    return this.compiled.size;
  }

  /** The compiled query operation of `query`, or null when the general path must answer it. */
  get(query: string, operationName: string | null): CompiledQuery | null {
    if (query.length > COMPILED_QUERY_MAX_LENGTH) return null;
    const key = `${operationName ?? ''}\u0000${query}`;
    const known = this.compiled.get(key);
    if (known !== undefined) return known;
    const compiled = this.compile(query, operationName);
    this.compiled.set(key, compiled);
    return compiled;
  }

  private compile(query: string, operationName: string | null): CompiledQuery | null {
    let document: DocumentNode;
    try {
      document = parse(query);
    } catch {
      return null;
    }
    if (validate(this.schema, document, this.rules).length > 0) return null;
    const operation = getOperationAST(document, operationName);
    if (!operation || operation.operation !== 'query') return null;
    const compiled = compileQuery(this.schema, document, operationName ?? undefined, { disablingCapturingStackErrors: true });
    return isCompiledQuery(compiled) ? compiled : null;
  }
}
