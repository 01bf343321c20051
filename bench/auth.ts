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

const signed = new Map<string, Promise<Record<string, string>>>();

/** The Authorization header of `actor`, signed once per actor and run. */
export function authorizationOf(actor: Actor): Promise<Record<string, string>> {
  const key = `${actor.actorId}\u0000${actor.role}\u0000${actor.unitId ?? ''}`;
  let header = signed.get(key);
  if (!header) {
    header = signToken(BENCH_TOKEN_SETTINGS.secret, { sub: actor.actorId, role: actor.role, unitId: actor.unitId }, { expiresIn: '24h' }).then((token) => ({ authorization: `Bearer ${token}` }));
    signed.set(key, header);
  }
  return header;
}
