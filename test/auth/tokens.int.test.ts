import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type JWK, type KeyLike } from 'jose';
import { AuthenticationError, createTokenVerifier, signToken, type TokenSettings } from '../../src/auth/tokens';
import { DEFAULT_CLAIMS } from '../../src/config';
import { TEST_TOKEN_SETTINGS } from '../support/auth';

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AuthenticationError);
  return (error as Error).message;
}

describe('HS256 bearer tokens', () => {
  const verifier = createTokenVerifier(TEST_TOKEN_SETTINGS);
  const bearer = (token: string) => `Bearer ${token}`;

  it('names the caller from sub, role and unitId', async () => {
    const token = await signToken(TEST_TOKEN_SETTINGS.secret, {
      sub: 'can-bo-1',
      role: 'UNIT_OFFICER',
      unitId: 'xa-a',
    });
    await expect(verifier.identify(bearer(token))).resolves.toEqual({
      actorId: 'can-bo-1',
      role: 'UNIT_OFFICER',
      unitId: 'xa-a',
    });
  });

  it('refuses a missing header, another scheme, and garbage', async () => {
    expect(await refusal(verifier.identify(undefined))).toBe('missing bearer token');
    expect(await refusal(verifier.identify('Basic YWRtaW46YWRtaW4='))).toMatch(/not a bearer token/);
    expect(await refusal(verifier.identify('Bearer not.a.jwt'))).toBe('token could not be verified');
  });

  it('refuses a token signed with another secret, an expired one, and one that never expires', async () => {
    const forged = await signToken('another-secret-of-at-least-32-characters', { sub: 'x', role: 'ADMIN' });
    expect(await refusal(verifier.identify(bearer(forged)))).toBe('token signature is invalid');
    const expired = await signToken(TEST_TOKEN_SETTINGS.secret, { sub: 'x', role: 'ADMIN' }, { expiresIn: '-2m' });
    expect(await refusal(verifier.identify(bearer(expired)))).toBe('token expired');
    const forever = await new SignJWT({ role: 'ADMIN' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .sign(new TextEncoder().encode(TEST_TOKEN_SETTINGS.secret));
    expect(await refusal(verifier.identify(bearer(forever)))).toMatch(/"exp"/);
  });

  it('refuses alg "none", whatever it claims', async () => {
    const unsigned = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ sub: 'x', role: 'ADMIN', exp: inAnHour() })}.`;
    expect(await refusal(verifier.identify(bearer(unsigned)))).toMatch(/algorithm not accepted|could not be verified/);
  });

  it('refuses an RS256 token against the secret', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const token = await new SignJWT({ role: 'ADMIN' })
      .setProtectedHeader({ alg: 'RS256' })
      .setSubject('x')
      .setExpirationTime('1h')
      .sign(privateKey);
    expect(await refusal(verifier.identify(bearer(token)))).toBe('token algorithm not accepted');
  });

  it('refuses tokens with no subject, an unknown role, several roles, or a unit role without its unit', async () => {
    const sign = (claims: Record<string, unknown>) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256' })
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode(TEST_TOKEN_SETTINGS.secret));
    expect(await refusal(verifier.identify(bearer(await sign({ role: 'ADMIN' }))))).toMatch(/"sub"/);
    expect(await refusal(verifier.identify(bearer(await sign({ sub: 'x', role: 'SUPERUSER' }))))).toMatch(
      /no single known role/,
    );
    expect(await refusal(verifier.identify(bearer(await sign({ sub: 'x', role: ['ADMIN', 'ANALYST'] }))))).toMatch(
      /no single known role/,
    );
    expect(await refusal(verifier.identify(bearer(await sign({ sub: 'x', role: 'SECRETARIAT' }))))).toMatch(
      /needs a "unitId" claim/,
    );
    await expect(
      verifier.identify(bearer(await sign({ sub: 'x', role: ['offline_access', 'ANALYST'] }))),
    ).resolves.toMatchObject({ role: 'ANALYST' });
  });

  it('checks issuer and audience when they are configured', async () => {
    const settings: TokenSettings = { ...TEST_TOKEN_SETTINGS, issuer: 'https://sso.tinh.gov.vn', audience: 'tdkt' };
    const strict = createTokenVerifier(settings);
    const right = await signToken(
      settings.secret,
      { sub: 'x', role: 'ADMIN' },
      { issuer: 'https://sso.tinh.gov.vn', audience: 'tdkt' },
    );
    await expect(strict.identify(bearer(right))).resolves.toMatchObject({ actorId: 'x' });
    const wrongAudience = await signToken(
      settings.secret,
      { sub: 'x', role: 'ADMIN' },
      { issuer: 'https://sso.tinh.gov.vn', audience: 'other-app' },
    );
    expect(await refusal(strict.identify(bearer(wrongAudience)))).toBe('token claim "aud" is not accepted');
    const wrongIssuer = await signToken(
      settings.secret,
      { sub: 'x', role: 'ADMIN' },
      { issuer: 'https://evil', audience: 'tdkt' },
    );
    expect(await refusal(strict.identify(bearer(wrongIssuer)))).toBe('token claim "iss" is not accepted');
  });

  it('reads renamed and nested claims', async () => {
    const claims = { subject: 'preferred_username', role: 'tdkt.role', unitId: 'tdkt.unit' };
    const renamed = createTokenVerifier({ ...TEST_TOKEN_SETTINGS, claims });
    const token = await new SignJWT({ preferred_username: 'ttra-1', tdkt: { role: 'INSPECTOR', unit: 'tinh' } })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(TEST_TOKEN_SETTINGS.secret));
    await expect(renamed.identify(bearer(token))).resolves.toEqual({
      actorId: 'ttra-1',
      role: 'INSPECTOR',
      unitId: 'tinh',
    });
    expect(DEFAULT_CLAIMS).toEqual({ subject: 'sub', role: 'role', unitId: 'unitId' });
  });
});

/** An identity provider's key set, served on 127.0.0.1; keys can be rotated in. */
class JwksServer {
  readonly keys: JWK[] = [];
  fetches = 0;
  private server!: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((_request, response) => {
      this.fetches++;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ keys: this.keys }));
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/certs`;
  }

  async add(alg: 'RS256' | 'ES256', kid: string): Promise<KeyLike> {
    const { publicKey, privateKey } = await generateKeyPair(alg);
    this.keys.push({ ...(await exportJWK(publicKey)), kid, alg, use: 'sig' });
    return privateKey;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

describe('OIDC bearer tokens (JWKS)', () => {
  const jwks = new JwksServer();
  let settings: Extract<TokenSettings, { kind: 'oidc' }>;
  const ISSUER = 'https://sso.tinh.gov.vn/realms/tdkt';

  beforeAll(async () => {
    await jwks.start();
    settings = { kind: 'oidc', jwksUrl: jwks.url, issuer: ISSUER, audience: 'tdkt-api', claims: DEFAULT_CLAIMS };
  });
  afterAll(() => jwks.stop());

  const sign = (key: KeyLike, alg: string, kid: string, claims: Record<string, unknown> = {}) =>
    new SignJWT({ sub: 'thanh-tra-7', role: 'INSPECTOR', iss: ISSUER, aud: 'tdkt-api', exp: inAnHour(), ...claims })
      .setProtectedHeader({ alg, kid })
      .sign(key);

  it('accepts RS256 and ES256 tokens of the provider, fetching its keys once', async () => {
    const rsa = await jwks.add('RS256', 'rsa-1');
    const ec = await jwks.add('ES256', 'ec-1');
    const verifier = createTokenVerifier(settings, { jwksCooldownMs: 0 });
    await expect(verifier.identify(`Bearer ${await sign(rsa, 'RS256', 'rsa-1')}`)).resolves.toEqual({
      actorId: 'thanh-tra-7',
      role: 'INSPECTOR',
      unitId: null,
    });
    await expect(verifier.identify(`Bearer ${await sign(ec, 'ES256', 'ec-1')}`)).resolves.toMatchObject({
      role: 'INSPECTOR',
    });
    expect(jwks.fetches).toBe(1);
  });

  it('fetches the keys again for an unknown key id (rotation)', async () => {
    const verifier = createTokenVerifier(settings, { jwksCooldownMs: 0 });
    const first = await jwks.add('RS256', 'rsa-first');
    await verifier.identify(`Bearer ${await sign(first, 'RS256', 'rsa-first')}`);
    const before = jwks.fetches;
    const rotated = await jwks.add('RS256', 'rsa-rotated');
    await expect(verifier.identify(`Bearer ${await sign(rotated, 'RS256', 'rsa-rotated')}`)).resolves.toMatchObject({
      actorId: 'thanh-tra-7',
    });
    expect(jwks.fetches).toBe(before + 1);
  });

  it('refuses a key the provider does not publish, a wrong audience or issuer, and an expired token', async () => {
    const verifier = createTokenVerifier(settings, { jwksCooldownMs: 0 });
    const { privateKey: stranger } = await generateKeyPair('RS256');
    expect(await refusal(verifier.identify(`Bearer ${await sign(stranger, 'RS256', 'not-published')}`))).toBe(
      'token signed with an unknown key',
    );
    const key = await jwks.add('RS256', 'rsa-claims');
    expect(await refusal(verifier.identify(`Bearer ${await sign(key, 'RS256', 'rsa-claims', { aud: 'other' })}`))).toBe(
      'token claim "aud" is not accepted',
    );
    expect(
      await refusal(verifier.identify(`Bearer ${await sign(key, 'RS256', 'rsa-claims', { iss: 'https://evil' })}`)),
    ).toBe('token claim "iss" is not accepted');
    expect(
      await refusal(
        verifier.identify(
          `Bearer ${await sign(key, 'RS256', 'rsa-claims', { exp: Math.floor(Date.now() / 1000) - 120 })}`,
        ),
      ),
    ).toBe('token expired');
  });

  it('refuses an HS256 token made with the provider public key as its secret (algorithm confusion), and alg "none"', async () => {
    const { publicKey } = await generateKeyPair('RS256', { extractable: true });
    const pem = await exportSPKI(publicKey);
    const confused = await new SignJWT({ role: 'ADMIN' })
      .setProtectedHeader({ alg: 'HS256', kid: 'rsa-1' })
      .setSubject('attacker')
      .setIssuer(ISSUER)
      .setAudience('tdkt-api')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(pem));
    const verifier = createTokenVerifier(settings, { jwksCooldownMs: 0 });
    expect(await refusal(verifier.identify(`Bearer ${confused}`))).toBe('token algorithm not accepted');
    const unsigned = `${base64url({ alg: 'none', kid: 'rsa-1' })}.${base64url({ sub: 'attacker', role: 'ADMIN', iss: ISSUER, aud: 'tdkt-api', exp: inAnHour() })}.`;
    expect(await refusal(verifier.identify(`Bearer ${unsigned}`))).toMatch(
      /algorithm not accepted|could not be verified/,
    );
  });
});
