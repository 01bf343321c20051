export const ROLES = [
  'ADMIN',
  'SECRETARIAT',
  'UNIT_OFFICER',
  'COUNCIL_MEMBER',
  'INSPECTOR',
  'COMPLAINT_OFFICER',
  'ANALYST',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that act for one unit and its subtree: their tokens must name the unit. */
export const UNIT_SCOPED_ROLES: readonly Role[] = ['SECRETARIAT', 'UNIT_OFFICER'];

/**
 * Who is asking, as the verified bearer token says (src/auth/tokens.ts): carried into
 * every event's metadata. Resolvers, handlers and event metadata only ever see this.
 */
export interface Identity {
  actorId: string | null;
  role: Role | null;
  unitId: string | null;
}

export const SYSTEM_IDENTITY: Identity = { actorId: 'system', role: 'ADMIN', unitId: null };
