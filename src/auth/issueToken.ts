import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config';
import { ROLES, UNIT_SCOPED_ROLES, type Role } from '../identity';
import { signToken } from './tokens';

/**
 * `npm run token -- --sub <id> --role <ROLE> [--unit <unitId>] [--expires 8h]`: signs a
 * bearer token with JWT_SECRET, for installations that issue their own (HS256). With an
 * OIDC provider, tokens come from the provider.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sub: { type: 'string' },
      role: { type: 'string' },
      unit: { type: 'string' },
      expires: { type: 'string', default: '8h' },
    },
  });
  const config = loadConfig();
  if (config.auth.kind !== 'hs256') throw new Error('set JWT_SECRET: tokens are signed with it');
  if (!values.sub || !values.role || !(ROLES as readonly string[]).includes(values.role))
    throw new Error(`usage: npm run token -- --sub <id> --role <${ROLES.join('|')}> [--unit <unitId>] [--expires 8h]`);
  if (UNIT_SCOPED_ROLES.includes(values.role as Role) && !values.unit)
    throw new Error(`a ${values.role} token needs --unit <unitId>`);
  const { secret, issuer, audience, claims } = config.auth;
  const token = await signToken(
    secret,
    { sub: values.sub, role: values.role as Role, unitId: values.unit ?? null },
    { expiresIn: values.expires, issuer, audience, claims },
  );
  process.stdout.write(`${token}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : String(error?.message ?? error)}\n`);
  process.exit(2);
});
