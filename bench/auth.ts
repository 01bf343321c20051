import { signToken, type TokenSettings } from '../src/auth/tokens';
import { DEFAULT_CLAIMS } from '../src/config';
import type { Actor } from './province';

/** The benchmarked app verifies HS256 tokens signed with this secret (JWT_SECRET of the app process). */
export const BENCH_TOKEN_SETTINGS: Extract<TokenSettings, { kind: 'hs256' }> = {
  kind: 'hs256',
  secret: 'benchmark-secret-for-hs256-tokens-0123456789',
  issuer: null,
  audience: null,
  claims: DEFAULT_CLAIMS,
};

/** Headers worked out once per actor and run. */
function oncePerActor(
  make: (actor: Actor) => Promise<Record<string, string>>,
): (actor: Actor) => Promise<Record<string, string>> {
  const made = new Map<string, Promise<Record<string, string>>>();
  return (actor) => {
    const key = `${actor.actorId}\u0000${actor.role}\u0000${actor.unitId ?? ''}`;
    let headers = made.get(key);
    if (!headers) made.set(key, (headers = make(actor)));
    return headers;
  };
}

/** The Authorization header of `actor`, signed once per actor and run. */
export const authorizationOf = oncePerActor(async (actor) => {
  const token = await signToken(
    BENCH_TOKEN_SETTINGS.secret,
    { sub: actor.actorId, role: actor.role, unitId: actor.unitId },
    { expiresIn: '24h' },
  );
  return { authorization: `Bearer ${token}` };
});

/**
 * The bearer token and the identity headers a build from before bearer tokens read
 * (X-Actor-Id, X-Role, X-Unit-Id), so that either build knows who asks.
 */
export const tokenAndIdentityHeadersOf = oncePerActor(async (actor) => ({
  ...(await authorizationOf(actor)),
  'x-actor-id': actor.actorId,
  'x-role': actor.role,
  ...(actor.unitId ? { 'x-unit-id': actor.unitId } : {}),
}));
