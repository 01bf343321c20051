import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { ClaimNames } from '../config';
import type { Role } from '../identity';
import { signToken, type TokenSettings, type TokenSubject } from './tokens';

/** One actor per role, placed in the demo district so each token has something to act on. */
export const DEVELOPMENT_ACTORS: Record<Role, TokenSubject> = {
  ADMIN: { sub: 'dev-admin', role: 'ADMIN' },
  SECRETARIAT: { sub: 'dev-secretariat', role: 'SECRETARIAT', unitId: 'huyen-bach-thong' },
  UNIT_OFFICER: { sub: 'dev-unit-officer', role: 'UNIT_OFFICER', unitId: 'xa-quan-ha' },
  COUNCIL_MEMBER: { sub: 'p-dinh-quang-hung', role: 'COUNCIL_MEMBER' },
  INSPECTOR: { sub: 'dev-inspector', role: 'INSPECTOR' },
  COMPLAINT_OFFICER: { sub: 'dev-complaint-officer', role: 'COMPLAINT_OFFICER' },
  ANALYST: { sub: 'dev-analyst', role: 'ANALYST' },
};

export interface DevelopmentAuth {
  settings: Extract<TokenSettings, { kind: 'hs256' }>;
  tokens: Record<Role, string>;
}

/**
 * Development mode (no JWT setting outside production): a secret made for this run and
 * one token per role, valid while this run's secret is. The caller listens on 127.0.0.1 only.
 */
export async function createDevelopmentAuth(claims: ClaimNames): Promise<DevelopmentAuth> {
  const settings = {
    kind: 'hs256' as const,
    secret: randomBytes(32).toString('base64url'),
    issuer: null,
    audience: null,
    claims,
  };
  const tokens = {} as Record<Role, string>;
  for (const [role, actor] of Object.entries(DEVELOPMENT_ACTORS))
    tokens[role as Role] = await signToken(settings.secret, actor, { expiresIn: '30d', claims });
  return { settings, tokens };
}

/** Writes the tokens for the owner only (0600): they are keys to the running server. */
export function writeDevelopmentTokens(file: string, tokens: Record<Role, string>): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(tokens, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600); // an existing file keeps its mode through writeFileSync
}
