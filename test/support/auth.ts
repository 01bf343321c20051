import { signToken, type TokenSettings, type TokenSubject } from '../../src/auth/tokens';
import { DEFAULT_CLAIMS } from '../../src/config';

/** The test apps' HS256 secret: tests sign their own tokens with it. */
export const TEST_TOKEN_SETTINGS: Extract<TokenSettings, { kind: 'hs256' }> = {
  kind: 'hs256',
  secret: 'test-secret-for-hs256-tokens-0123456789',
  issuer: null,
  audience: null,
  claims: DEFAULT_CLAIMS,
};

/** Who a test request acts as. */
export type Actor = TokenSubject;

/** Requests that name no actor act as an administrator. */
export const TEST_ADMIN: Actor = { sub: 'admin-test', role: 'ADMIN' };

const tokens = new Map<string, Promise<string>>();

/** A bearer token for `actor`, signed once per actor for the test file. */
export function tokenFor(actor: Actor): Promise<string> {
  const key = JSON.stringify([actor.sub, actor.role, actor.unitId ?? null]);
  let token = tokens.get(key);
  if (!token) tokens.set(key, (token = signToken(TEST_TOKEN_SETTINGS.secret, actor)));
  return token;
}

/** The Authorization header for `actor`. */
export async function authorization(actor: Actor): Promise<{ authorization: string }> {
  return { authorization: `Bearer ${await tokenFor(actor)}` };
}
