/** The GraphQL operations the command slice sends, and who sends them. */
import type { Actor } from '../province';
import { MUTATIONS, type GraphQLOp } from '../generator';

/**
 * Each unit's own officer sends its unit's commands (ratings, dossiers, scores, title
 * registrations), as in the field, and a council's secretariat only appraises and
 * convenes: the app limits mutations per caller (600 a minute), and one caller sending
 * for every unit at the benchmark's rate would be refused.
 */
export function officerOf(unitId: string, role: Actor['role'] = 'UNIT_OFFICER'): Actor {
  return { actorId: `bench-officer-${unitId}`, role, unitId };
}

export function op(name: keyof typeof MUTATIONS, variables: Record<string, unknown>, actor: Actor): GraphQLOp {
  return { name, query: MUTATIONS[name], variables, actor, headers: {} };
}
