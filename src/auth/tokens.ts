import { createRemoteJWKSet, errors, jwtVerify, SignJWT, type JWTPayload, type JWTVerifyResult } from 'jose';
import { DEFAULT_CLAIMS, type ClaimNames } from '../config';
import { ROLES, UNIT_SCOPED_ROLES, type Identity, type Role } from '../identity';

/** The ways a token can be checked once the configuration is resolved (development mode is HS256). */
export type TokenSettings =
  | { kind: 'hs256'; secret: string; issuer: string | null; audience: string | null; claims: ClaimNames }
  | { kind: 'oidc'; jwksUrl: string; issuer: string; audience: string; claims: ClaimNames };

/** A request without a valid bearer token: answered 401 `UNAUTHENTICATED`. */
export class AuthenticationError extends Error {}

export interface TokenVerifier {
  /** The caller named by `Authorization: Bearer <jwt>`; throws AuthenticationError otherwise. */
  identify(authorization: string | string[] | undefined): Promise<Identity>;
}

export interface VerifierOptions {
  /** jose's pause between two JWKS fetches for unknown key ids (its default is 30 s). */
  jwksCooldownMs?: number;
}

const MAX_CLAIM_LENGTH = 200;
const CLOCK_TOLERANCE_SECONDS = 30;

/**
 * Verifies bearer JWTs with jose. The algorithms are fixed by the configuration, so a
 * token signed with `none`, or with HS256 against an OIDC key set (or RS256 against a
 * secret), is refused before its signature is even looked at. Every token must expire.
 */
export function createTokenVerifier(settings: TokenSettings, options: VerifierOptions = {}): TokenVerifier {
  const verifyOptions = {
    algorithms: settings.kind === 'hs256' ? ['HS256'] : ['RS256', 'ES256'],
    issuer: settings.issuer ?? undefined,
    audience: settings.audience ?? undefined,
    requiredClaims: ['exp'],
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
  };
  let verify: (token: string) => Promise<JWTVerifyResult>;
  if (settings.kind === 'hs256') {
    const secret = new TextEncoder().encode(settings.secret);
    verify = (token) => jwtVerify(token, secret, verifyOptions);
  } else {
    const keySet = createRemoteJWKSet(new URL(settings.jwksUrl), {
      cooldownDuration: options.jwksCooldownMs ?? 30_000,
      timeoutDuration: 5_000,
    });
    verify = (token) => jwtVerify(token, keySet, verifyOptions);
  }
  return {
    identify: async (authorization) => {
      const token = bearerToken(authorization);
      let payload: JWTPayload;
      try {
        payload = (await verify(token)).payload;
      } catch (error) {
        throw new AuthenticationError(refusalReason(error));
      }
      return identityFromClaims(payload, settings.claims);
    },
  };
}

function bearerToken(authorization: string | string[] | undefined): string {
  const header = Array.isArray(authorization) ? authorization[0] : authorization;
  if (!header) throw new AuthenticationError('missing bearer token');
  const match = /^Bearer +([A-Za-z0-9._~+/-]+=*) *$/i.exec(header);
  if (!match) throw new AuthenticationError('the Authorization header is not a bearer token');
  return match[1];
}

function refusalReason(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'token expired';
  if (error instanceof errors.JWTClaimValidationFailed) return `token claim "${error.claim}" is not accepted`;
  if (error instanceof errors.JOSEAlgNotAllowed) return 'token algorithm not accepted';
  if (error instanceof errors.JWKSNoMatchingKey) return 'token signed with an unknown key';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'token signature is invalid';
  return 'token could not be verified';
}

/** Reads a claim by name; a dotted name reaches into nested objects (`realm_access.role`). */
function claim(payload: JWTPayload, name: string): unknown {
  if (name in payload) return payload[name];
  return name
    .split('.')
    .reduce<unknown>(
      (value, part) =>
        typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[part] : undefined,
      payload,
    );
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' && value.length <= MAX_CLAIM_LENGTH ? value.trim() : null;
}

/** A role claim is one known role, or a list holding exactly one. */
function roleOf(value: unknown): Role | null {
  const known = (candidate: unknown): candidate is Role =>
    typeof candidate === 'string' && (ROLES as readonly string[]).includes(candidate);
  if (known(value)) return value;
  if (Array.isArray(value)) {
    const roles = value.filter(known);
    return roles.length === 1 ? roles[0] : null;
  }
  return null;
}

function identityFromClaims(payload: JWTPayload, claims: ClaimNames): Identity {
  const actorId = text(claim(payload, claims.subject));
  if (actorId === null) throw new AuthenticationError(`token has no "${claims.subject}" claim`);
  const role = roleOf(claim(payload, claims.role));
  if (role === null) throw new AuthenticationError(`token's "${claims.role}" claim names no single known role`);
  const unitId = text(claim(payload, claims.unitId));
  if (unitId === null && UNIT_SCOPED_ROLES.includes(role))
    throw new AuthenticationError(`a ${role} token needs a "${claims.unitId}" claim`);
  return { actorId, role, unitId };
}

/** Who a signed token names: the claims under their default names. */
export interface TokenSubject {
  sub: string;
  role: Role;
  unitId?: string | null;
}

/** Signs an HS256 token (development tokens, the demo loader, tests and the benchmark). */
export function signToken(
  secret: string,
  subject: TokenSubject,
  options: { expiresIn?: string; issuer?: string | null; audience?: string | null; claims?: ClaimNames } = {},
): Promise<string> {
  const names = options.claims ?? DEFAULT_CLAIMS;
  const jwt = new SignJWT({
    [names.subject]: subject.sub,
    [names.role]: subject.role,
    ...(subject.unitId ? { [names.unitId]: subject.unitId } : {}),
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(subject.sub)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '12h');
  if (options.issuer) jwt.setIssuer(options.issuer);
  if (options.audience) jwt.setAudience(options.audience);
  return jwt.sign(new TextEncoder().encode(secret));
}
