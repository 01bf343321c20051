import { ConfigError, loadConfig } from '../src/config';

describe('loadConfig', () => {
  it('defaults to PostgreSQL, embedded when no DATABASE_URL is given', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config).toMatchObject({
      eventStore: 'postgres',
      databaseUrl: null,
      port: 4000,
      logLevel: 'info',
      embeddedDataDir: '/srv/app/.data/postgres',
    });
  });

  it('reads every setting', () => {
    const config = loadConfig({
      EVENT_STORE: 'eventstoredb',
      EVENTSTORE_URL: 'esdb://localhost:2113?tls=false',
      DATABASE_URL: 'postgres://u:p@db:5432/tdkt',
      PORT: '8080',
      JWT_SECRET: 'x'.repeat(32),
      LOG_LEVEL: 'debug',
    });
    expect(config).toMatchObject({
      eventStore: 'eventstoredb',
      eventStoreUrl: 'esdb://localhost:2113?tls=false',
      databaseUrl: 'postgres://u:p@db:5432/tdkt',
      port: 8080,
      logLevel: 'debug',
    });
  });

  it('reads how many commands a process decides at once: 32 unless COMMANDS_AT_ONCE says otherwise', () => {
    expect(loadConfig({}).commandsAtOnce).toBe(32);
    expect(loadConfig({ COMMANDS_AT_ONCE: '8' }).commandsAtOnce).toBe(8);
    for (const wrong of ['0', '2.5', 'all', '10001']) {
      expect(() => loadConfig({ COMMANDS_AT_ONCE: wrong })).toThrow(
        `COMMANDS_AT_ONCE must be a whole number 1-10000 (got "${wrong}")`,
      );
    }
  });

  it('reads the mutations a caller may send per minute: 600 unless MUTATIONS_PER_MINUTE says otherwise', () => {
    expect(loadConfig({}).mutationsPerMinute).toBe(600);
    expect(loadConfig({ MUTATIONS_PER_MINUTE: '1200' }).mutationsPerMinute).toBe(1200);
    for (const wrong of ['0', '1.5', 'many', '-3']) {
      expect(() => loadConfig({ MUTATIONS_PER_MINUTE: wrong })).toThrow(
        `MUTATIONS_PER_MINUTE must be a whole number 1-1000000 (got "${wrong}")`,
      );
    }
  });

  it('reports every problem at once', () => {
    let error: unknown;
    try {
      loadConfig({
        EVENT_STORE: 'eventstoredb',
        PORT: '70000',
        LOG_LEVEL: 'loud',
        DATABASE_URL: 'mysql://x',
        JWT_SECRET: 'short',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'DATABASE_URL must use postgres: or postgresql: (got "mysql:")',
      'PORT must be a port number 0-65535 (got "70000")',
      'JWT_SECRET must be at least 32 characters',
      'LOG_LEVEL must be one of debug, info, warn, error (got "loud")',
      'EVENTSTORE_URL is required when EVENT_STORE=eventstoredb',
    ]);
  });
});

describe('loadConfig: bearer tokens', () => {
  const problemsOf = (env: Record<string, string>): string[] => {
    try {
      loadConfig(env);
      return [];
    } catch (error) {
      return (error as ConfigError).problems;
    }
  };

  it('is development mode with no JWT setting outside production, with the default claim names', () => {
    expect(loadConfig({}).auth).toEqual({
      kind: 'development',
      claims: { subject: 'sub', role: 'role', unitId: 'unitId' },
    });
  });

  it('refuses to start in production with no JWT setting', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
      expect.stringContaining('NODE_ENV=production needs JWT_SECRET or JWT_JWKS_URL'),
    ]);
  });

  it('takes an HS256 secret, with optional issuer and audience, and renamed claims', () => {
    const auth = loadConfig({
      NODE_ENV: 'production',
      JWT_SECRET: 's'.repeat(32),
      JWT_AUDIENCE: 'tdkt',
      JWT_ROLE_CLAIM: 'tdkt_role',
      JWT_UNIT_CLAIM: 'tdkt_unit',
    }).auth;
    expect(auth).toEqual({
      kind: 'hs256',
      secret: 's'.repeat(32),
      issuer: null,
      audience: 'tdkt',
      claims: { subject: 'sub', role: 'tdkt_role', unitId: 'tdkt_unit' },
    });
  });

  it('takes an OIDC provider, which needs its issuer and audience', () => {
    const env = {
      JWT_JWKS_URL: 'https://sso.example.gov.vn/certs',
      JWT_ISSUER: 'https://sso.example.gov.vn',
      JWT_AUDIENCE: 'tdkt',
    };
    expect(loadConfig(env).auth).toMatchObject({
      kind: 'oidc',
      jwksUrl: env.JWT_JWKS_URL,
      issuer: env.JWT_ISSUER,
      audience: 'tdkt',
    });
    expect(problemsOf({ JWT_JWKS_URL: env.JWT_JWKS_URL })).toEqual([
      'JWT_ISSUER is required with JWT_JWKS_URL',
      'JWT_AUDIENCE is required with JWT_JWKS_URL',
    ]);
    expect(problemsOf({ JWT_JWKS_URL: 'ftp://x/certs', JWT_ISSUER: 'i', JWT_AUDIENCE: 'a' })).toEqual([
      'JWT_JWKS_URL must use https: or http: (got "ftp:")',
    ]);
  });

  it('refuses both ways at once, and an issuer or audience without either', () => {
    expect(
      problemsOf({ JWT_SECRET: 's'.repeat(32), JWT_JWKS_URL: 'https://sso/certs', JWT_ISSUER: 'i', JWT_AUDIENCE: 'a' }),
    ).toEqual(['set either JWT_SECRET or JWT_JWKS_URL, not both']);
    expect(problemsOf({ JWT_AUDIENCE: 'a' })).toEqual(['JWT_ISSUER and JWT_AUDIENCE need JWT_SECRET or JWT_JWKS_URL']);
  });

  it('names the instance hostname:pid unless INSTANCE_ID says otherwise, with lease, poll and readiness settings', () => {
    const defaults = loadConfig({}).instance;
    expect(defaults).toEqual({
      id: expect.stringMatching(new RegExp(`:${process.pid}$`)),
      leaseRetryMs: 1000,
      progressPollMs: 1000,
      readyMaxLagEvents: 1000,
    });
    expect(
      loadConfig({ INSTANCE_ID: 'api-2', LEASE_RETRY_MS: '250', PROGRESS_POLL_MS: '500', READY_MAX_LAG_EVENTS: '0' })
        .instance,
    ).toEqual({ id: 'api-2', leaseRetryMs: 250, progressPollMs: 500, readyMaxLagEvents: 0 });
    expect(problemsOf({ INSTANCE_ID: 'has space' })).toEqual([
      'INSTANCE_ID must be 1-52 printable ASCII characters without spaces',
    ]);
    expect(problemsOf({ INSTANCE_ID: 'x'.repeat(53) })).toHaveLength(1);
    expect(problemsOf({ LEASE_RETRY_MS: '10', READY_MAX_LAG_EVENTS: '-1' })).toEqual([
      'LEASE_RETRY_MS must be milliseconds 50-60000 (got "10")',
      'READY_MAX_LAG_EVENTS must be a whole number 0-100000000 (got "-1")',
    ]);
  });
});

describe('loadConfig: the metrics endpoint', () => {
  const problemsOf = (env: NodeJS.ProcessEnv): string[] => {
    try {
      loadConfig(env);
      return [];
    } catch (error) {
      return (error as ConfigError).problems;
    }
  };

  it('serves no metrics unless METRICS_PORT is set', () => {
    expect(loadConfig({}).metrics).toBeNull();
  });

  it('binds them to 127.0.0.1 unless METRICS_HOST says otherwise', () => {
    expect(loadConfig({ METRICS_PORT: '9464' }).metrics).toEqual({ port: 9464, host: '127.0.0.1' });
    expect(loadConfig({ METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0' }).metrics).toEqual({
      port: 9464,
      host: '0.0.0.0',
    });
  });

  it('refuses a port that is no port, the API port, or a host without a port', () => {
    expect(problemsOf({ METRICS_PORT: 'metrics' })).toEqual([
      'METRICS_PORT must be a port number 0-65535 (got "metrics")',
    ]);
    expect(problemsOf({ METRICS_PORT: '4000' })).toEqual(['METRICS_PORT must differ from PORT']);
    expect(problemsOf({ METRICS_HOST: '0.0.0.0' })).toEqual(['METRICS_HOST needs METRICS_PORT']);
  });
});
