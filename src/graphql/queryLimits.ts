import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import type { ParseOptions, ValidationRule } from 'graphql';

/** What one GraphQL request may ask for (docs/access.md, "Limits"). */
export const QUERY_LIMITS = {
  /** Nested fields, fragments flattened (a spread is not a level of its own). */
  maxDepth: 12,
  maxAliases: 30,
  /** Lexical tokens in the document, counted while parsing. */
  maxTokens: 10_000,
  /**
   * graphql-armor's estimate: a scalar costs 1, an object 2 plus 1.5 × its selections, times
   * a literal `first`/`last`. The benchmark's heaviest query (the inspector's 50 audit
   * entries) costs 1,188; a full page of 100 entries with every field 2,750.
   */
  maxCost: 5_000,
  maxDirectives: 10,
  /** Answers longer than this, in UTF-8 bytes, are refused instead of sent. */
  maxResponseBytes: 5 * 1024 * 1024,
} as const;

export interface QueryLimitOptions {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
  parseOptions: ParseOptions;
  allowBatchedHttpRequests: false;
  includeStacktraceInErrorResponses: false;
}

/**
 * The Apollo options that hold every request to QUERY_LIMITS (graphql-armor). Each refusal
 * is a validation error (HTTP 400, GRAPHQL_VALIDATION_FAILED) or a parse error (HTTP 400,
 * GRAPHQL_PARSE_FAILED); `onRefused` is told why, for the log. Every count walks each
 * fragment once, however often it is spread.
 */
export function queryLimits(onRefused: (reason: string) => void): QueryLimitOptions {
  // A fresh list per protection: armor appends its own reporter to the list it is given.
  const onReject = () => [(_context: unknown, error: Error) => onRefused(error.message)];
  const armor = new ApolloArmor({
    // Armor's token limit throws inside Apollo's parsing hook (answered as a 500); Apollo's
    // parser counts tokens itself and refuses with a parse error (parseOptions below).
    maxTokens: { enabled: false },
    maxDepth: { n: QUERY_LIMITS.maxDepth, flattenFragments: true, onReject: onReject() },
    maxAliases: { n: QUERY_LIMITS.maxAliases, onReject: onReject() },
    costLimit: { maxCost: QUERY_LIMITS.maxCost, onReject: onReject() },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives, onReject: onReject() },
    blockFieldSuggestion: { enabled: true },
  }).protect();
  return { ...armor, parseOptions: { maxTokens: QUERY_LIMITS.maxTokens } };
}
