import { createHash } from 'node:crypto';
import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import { execute, printSchema, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';

type Gateway = ApolloServerOptionsWithGateway<BaseContext>['gateway'];
type GatewayExecutor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;
type GatewayRequest = Parameters<GatewayExecutor>[0];
type GatewayResult = Awaited<ReturnType<GatewayExecutor>>;

/**
 * Query text, in characters, whose compiled forms are kept. The text's length stands for
 * the compiled form's size: one held 130–230 times its text's length in heap (measured on
 * the benchmark's queries and on a 30-alias page of audit entries), so this is ~25 MB.
 */
const COMPILED_SOURCE_BUDGET = 100_000;
/** Longer documents are never compiled: they take the generic executor. */
export const COMPILED_QUERY_MAX_LENGTH = 10_000;
/** Documents remembered (by hash) as seen once: only one that comes again is compiled. */
const SEEN_DOCUMENTS_CAPACITY = 2_000;

/** The key of an operation in a document: Apollo's SHA-256 of the text, and the operation name asked for. */
function operationKey(queryHash: string, operationName: string | undefined): string {
  return `${queryHash}:${operationName ?? ''}`;
}

/**
 * Executes operations for Apollo, behind its gateway interface, so parsing, validation,
 * limits and plugins are Apollo's for every request. A query operation seen before is run
 * by code compiled for it (graphql-jit), which skips the generic executor's per-field work;
 * anything else by graphql-js. Compiling costs milliseconds and memory, so a document is
 * compiled on its second sighting only, and the compiled forms kept are bounded by the
 * length of their text (COMPILED_SOURCE_BUDGET), least recently used dropped first.
 */
export class CompiledExecutor {
  private readonly compiled: LRUCache<string, CompiledQuery>;
  /** Seen once: true while it may be compiled, false once graphql-jit refused it. */
  private readonly seen = new LRUCache<string, boolean>({ max: SEEN_DOCUMENTS_CAPACITY });

  constructor(
    private readonly schema: GraphQLSchema,
    sourceBudget = COMPILED_SOURCE_BUDGET,
  ) {
    this.compiled = new LRUCache({ maxSize: sourceBudget });
  }

  /** Whether the operation `operationName` of `source` is run by compiled code now. */
  isCompiled(source: string, operationName?: string): boolean {
    return this.compiled.has(operationKey(createHash('sha256').update(source).digest('hex'), operationName));
  }

  /** What Apollo takes as `gateway`: this schema, and this executor. */
  gateway(): Gateway {
    let onSchema: Parameters<Gateway['onSchemaLoadOrUpdate']>[0] | undefined;
    return {
      onSchemaLoadOrUpdate: (callback) => {
        onSchema = callback;
        return () => (onSchema = undefined);
      },
      load: async () => {
        onSchema?.({ apiSchema: this.schema, coreSupergraphSdl: printSchema(this.schema) });
        return { executor: this.execute };
      },
      stop: async () => undefined,
    };
  }

  readonly execute = async (request: GatewayRequest): Promise<GatewayResult> => {
    const compiled = this.compiledFor(request);
    const answer = compiled && (await this.runCompiled(compiled, request));
    if (answer) return answer;
    const {
      document,
      context,
      request: { variables, operationName },
    } = request;
    return execute({ schema: this.schema, document, contextValue: context, variableValues: variables, operationName });
  };

  /**
   * Only clean answers leave compiled code: anything else (an error, a variable that does not
   * coerce, a throw) is run again by graphql-js, so errors keep one shape, message and code.
   * Only queries are compiled, so running one twice changes nothing.
   */
  private async runCompiled(compiled: CompiledQuery, request: GatewayRequest): Promise<GatewayResult | null> {
    try {
      const result = await compiled.query(undefined, request.context, request.request.variables ?? {});
      return result.errors?.length || result.data === undefined ? null : result;
    } catch {
      return null;
    }
  }

  private compiledFor(request: GatewayRequest): CompiledQuery | undefined {
    if (request.operation?.operation !== 'query' || request.source.length > COMPILED_QUERY_MAX_LENGTH) return undefined;
    const { operationName } = request.request;
    const key = operationKey(request.queryHash, operationName);
    const known = this.compiled.get(key);
    if (known) return known;
    const compilable = this.seen.get(key);
    if (compilable === undefined) this.seen.set(key, true);
    if (!compilable) return undefined;
    const compiled = compileQuery(this.schema, request.document, operationName, {
      disablingCapturingStackErrors: true,
    });
    if (!isCompiledQuery(compiled)) {
      this.seen.set(key, false);
      return undefined;
    }
    this.seen.delete(key);
    this.compiled.set(key, compiled, { size: request.source.length });
    return compiled;
  }
}
