import type { IncomingHttpHeaders } from 'node:http';

export const ROLES = ['ADMIN', 'SECRETARIAT', 'UNIT_OFFICER', 'COUNCIL_MEMBER', 'INSPECTOR', 'COMPLAINT_OFFICER', 'ANALYST'] as const;
export type Role = (typeof ROLES)[number];

/** Who is asking: carried into every event's metadata. */
export interface Identity {
  actorId: string | null;
  role: Role | null;
  unitId: string | null;
}

export const SYSTEM_IDENTITY: Identity = { actorId: 'system', role: 'ADMIN', unitId: null };

/**
 * The one place a request's identity is read. Until bearer tokens are verified here,
 * the caller names itself with `X-Actor-Id`, `X-Role` and `X-Unit-Id`; everything
 * downstream (resolvers, handlers, event metadata) only ever sees the `Identity`.
 */
export function identityFromRequest(headers: IncomingHttpHeaders): Identity {
  const header = (name: string): string | null => {
    const value = headers[name];
    const text = Array.isArray(value) ? value[0] : value;
    return text && text.trim() !== '' ? text.trim().slice(0, 200) : null;
  };
  const role = header('x-role');
  return {
    actorId: header('x-actor-id') ?? 'anonymous',
    role: role && (ROLES as readonly string[]).includes(role) ? (role as Role) : null,
    unitId: header('x-unit-id'),
  };
}
