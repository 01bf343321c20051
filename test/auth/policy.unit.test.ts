import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import 'reflect-metadata';
import { buildSchema as buildSdlSchema } from 'graphql';
import { ACCESS_POLICY } from '../../src/auth/accessPolicy';
import { enforcerOf, type PolicyServices } from '../../src/auth/enforcement';
import { AccessDenied, ALWAYS, row } from '../../src/auth/policy';
import { DOWNLOAD_POLICY } from '../../src/auth/policy.downloads';
import { renderPolicyTable } from '../../src/auth/policyTable';
import { UnitHierarchy } from '../../src/auth/unitHierarchy';
import { rootTypes, withAccessPolicy } from '../../src/graphql/accessControl';
import { buildAppSchema } from '../../src/graphql/schema';
import type { Identity } from '../../src/identity';

describe('the access policy covers the schema', () => {
  it('has a row of the right kind for every query and mutation, and none for anything else', async () => {
    const schema = await buildAppSchema();
    const operations = rootTypes(schema).flatMap(([kind, type]) =>
      Object.keys(type.getFields()).map((name) => [name, kind]),
    );
    for (const [name, kind] of operations) expect([name, ACCESS_POLICY[name]?.kind]).toEqual([name, kind]);
    expect(Object.keys(ACCESS_POLICY).sort()).toEqual(operations.map(([name]) => name).sort());
  });

  it('refuses to wrap a schema with an operation the table lacks', () => {
    const schema = buildSdlSchema('type Query { projections: Int, secretReport: Int }');
    expect(() => withAccessPolicy(schema)).toThrow('Query.secretReport has no query row in the access policy');
  });

  it('is, with the downloads\' rows, what docs/access.md\'s "Who may do what" table shows', () => {
    const accessDoc = readFileSync(join(__dirname, '../../docs/access.md'), 'utf8');
    expect(accessDoc).toContain(renderPolicyTable({ ...ACCESS_POLICY, ...DOWNLOAD_POLICY }));
  });
});

describe('enforcing one row', () => {
  const services = {
    get scope(): never {
      throw new Error('an unconditional grant must not look anything up');
    },
    now: () => new Date('2025-11-20T03:00:00Z'),
  } as unknown as PolicyServices;
  const inspector: Identity = { actorId: 'thanh-tra-1', role: 'INSPECTOR', unitId: null };

  it('runs the operation directly for a role that may always run it', () => {
    const enforce = enforcerOf('clusters', row('query', 'test', { INSPECTOR: ALWAYS }));
    expect(enforce(inspector, { a: 1 }, services, (args) => ['ran with', args])).toEqual(['ran with', { a: 1 }]);
  });

  it('refuses a role without a grant before running anything, with who asked', () => {
    const enforce = enforcerOf('launchMovement', row('mutation', 'test', {}));
    const run = jest.fn();
    const refused = (() => {
      try {
        enforce(inspector, {}, services, run);
      } catch (error) {
        return error;
      }
    })() as AccessDenied;
    expect(refused).toBeInstanceOf(AccessDenied);
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.record).toEqual({
      operation: 'launchMovement',
      actorId: 'thanh-tra-1',
      role: 'INSPECTOR',
      unitId: null,
      reason: 'INSPECTOR may not run launchMovement',
    });
    expect(run).not.toHaveBeenCalled();
  });
});

describe('the unit hierarchy', () => {
  const parents: Record<string, string | null> = { tinh: null, huyen: 'tinh', truong: 'huyen', so: 'tinh' };
  const lookUps: string[] = [];
  const hierarchy = new UnitHierarchy(async (unitId) => {
    lookUps.push(unitId);
    return parents[unitId];
  });

  it('answers whether a unit lies in a subtree, and null for an unknown unit', async () => {
    expect(await hierarchy.contains('tinh', 'truong')).toBe(true);
    expect(await hierarchy.contains('huyen', 'truong')).toBe(true);
    expect(await hierarchy.contains('truong', 'truong')).toBe(true);
    expect(await hierarchy.contains('huyen', 'so')).toBe(false);
    expect(await hierarchy.contains('truong', 'huyen')).toBe(false);
    expect(await hierarchy.contains('tinh', 'chua-co')).toBeNull();
  });

  it('reads each registered parent once, and an unknown unit again (it may be registered since)', async () => {
    lookUps.length = 0;
    await hierarchy.contains('tinh', 'truong');
    await hierarchy.contains('tinh', 'chua-co');
    expect(lookUps).toEqual(['chua-co']);
    parents['chua-co'] = 'so';
    expect(await hierarchy.contains('tinh', 'chua-co')).toBe(true);
  });
});
