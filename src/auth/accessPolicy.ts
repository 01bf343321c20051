import { MUTATION_POLICY } from './policy.mutations';
import { QUERY_POLICY } from './policy.queries';
import type { AccessPolicy } from './policy';

/** Every query's and mutation's row; the schema refuses to build with an operation missing here. */
export const ACCESS_POLICY: AccessPolicy = { ...MUTATION_POLICY, ...QUERY_POLICY };
