// Two app processes on one database. One holds the leases and runs the projections and
// process managers; the other serves queries and commands from the same read models and
// learns their progress from the database. The leader killed with SIGKILL under load, the
// other takes over within seconds; after the load both answer projectionsCaughtUp, and the
// read models equal a rebuild from the log.
import { randomUUID } from 'node:crypto';
import { postGraphQL, startAppProcess, stopAppProcesses, type AppProcess } from '../support/appProcess';
import type { Actor } from '../support/auth';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { expectReadModelsEqualRebuild } from '../support/readModels';
import { until } from '../support/until';

const ADMIN: Actor = { sub: 'admin-1', role: 'ADMIN' };
const SECRETARIAT: Actor = { sub: 'secretariat-1', role: 'SECRETARIAT', unitId: 'tinh' };
const COMPLAINT_OFFICER: Actor = { sub: 'tiep-dan-1', role: 'COMPLAINT_OFFICER' };
const RESULT = '{ id streamId version position }';
const REGISTER_UNIT = `mutation($input: RegisterUnitInput!) { registerUnit(input: $input) ${RESULT} }`;
const REGISTER_PERSON = `mutation($input: RegisterPersonInput!) { registerPerson(input: $input) ${RESULT} }`;
const FILE_COMPLAINT = `mutation($input: FileComplaintInput!) { fileComplaint(input: $input) ${RESULT} }`;
const CAUGHT_UP = 'query($p: String!, $t: Int) { projectionsCaughtUp(position: $p, timeoutMs: $t) }';
const HOLDERS = '{ projections { name leaseHolder } }';
/** Short lease and poll intervals: the takeover is awaited by polling, never timed. */
const FAST = { LEASE_RETRY_MS: '200', PROGRESS_POLL_MS: '200' };

async function mutate(url: string, query: string, variables: Record<string, unknown>, actor: Actor, key?: string) {
  const headers: Record<string, string> = key ? { 'idempotency-key': key } : {};
  const { body } = await postGraphQL(url, query, variables, actor, headers);
  if (body.errors?.length) throw new Error(`expected success, got ${JSON.stringify(body.errors)}`);
  return Object.values(body.data!)[0] as { id: string; position: string };
}

async function caughtUpOn(url: string, position: string, timeoutMs = 20_000): Promise<boolean> {
  const { body } = await postGraphQL(url, CAUGHT_UP, { p: position, t: timeoutMs });
  return body.data?.projectionsCaughtUp as boolean;
}

/** The instance each read model's lease holder is, as `app` reports it. */
async function holders(app: AppProcess): Promise<Set<string | null>> {
  const { body } = await postGraphQL(app.url, HOLDERS);
  return new Set((body.data!.projections as Array<{ leaseHolder: string | null }>).map((p) => p.leaseHolder));
}

async function lastPosition(db: TestDatabase): Promise<string> {
  const { rows } = await db.pool.query<{ last: string }>('SELECT coalesce(max(position), 0)::text AS last FROM events');
  return rows[0]!.last;
}

/**
 * One client sending commands under Idempotency-Keys to the instances in turn; a request
 * that meets a dead instance (network error) goes again, same key, to the next one.
 */
async function client(
  apps: () => AppProcess[],
  [n, count, subjectId]: [number, number, string],
  acknowledged: string[],
): Promise<void> {
  for (let i = 0; i < count; i++) {
    const key = `load-${n}-${i}-${randomUUID()}`;
    const [query, input, actor] =
      i % 2 === 0
        ? [REGISTER_PERSON, { fullName: `Người ${n}-${i}`, unitId: 'truong', directWorker: false }, SECRETARIAT]
        : [
            FILE_COMPLAINT,
            {
              kind: 'COMPLAINT',
              complainantName: 'Trần Văn Khiếu',
              receivedOn: '2025-03-01',
              content: key,
              subject: { kind: 'INDIVIDUAL', id: subjectId },
            },
            COMPLAINT_OFFICER,
          ];
    for (let attempt = 0; ; attempt++) {
      const live = apps();
      const url = live[(i + attempt) % live.length]!.url;
      const reply = await postGraphQL(url, query, { input }, actor, { 'idempotency-key': key }).catch(() => null);
      if (reply === null && attempt < 20) continue;
      if (reply?.body.errors?.length) throw new Error(JSON.stringify(reply.body.errors));
      acknowledged.push(key);
      break;
    }
  }
}

describe('two app instances on one database', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await stopAppProcesses();
    await db.drop();
  });

  it('serves from the follower, takes over when the leader is killed, and ends with equal read models', async () => {
    const leader = await startAppProcess(db.url, { ...FAST, INSTANCE_ID: 'instance-a' });
    const follower = await startAppProcess(db.url, { ...FAST, INSTANCE_ID: 'instance-b' });
    expect(await holders(leader)).toEqual(new Set(['instance-a']));
    await until('the follower names the leader as holder', async () => {
      const seen = await holders(follower);
      return seen.size === 1 && seen.has('instance-a');
    });

    // The follower takes a command and serves a query from the read models the leader builds.
    await mutate(
      follower.url,
      REGISTER_UNIT,
      { input: { id: 'tinh', name: 'UBND tỉnh', kind: 'PEOPLES_COMMITTEE', level: 'PROVINCE' } },
      ADMIN,
    );
    const school = { id: 'truong', name: 'Trường THCS Lê Lợi', kind: 'SCHOOL', level: 'UNIT', parentUnitId: 'tinh' };
    await mutate(follower.url, REGISTER_UNIT, { input: school }, ADMIN);
    const person = await mutate(
      follower.url,
      REGISTER_PERSON,
      { input: { fullName: 'Nguyễn Thị Hoa', unitId: 'truong', directWorker: false } },
      SECRETARIAT,
    );
    expect(await caughtUpOn(follower.url, person.position)).toBe(true);
    expect(await caughtUpOn(leader.url, person.position)).toBe(true);
    const search = await postGraphQL(follower.url, '{ searchSubjects(text: "Hoa") { subject { id } unitName } }');
    expect(search.body.data!.searchSubjects).toEqual([{ subject: { id: person.id }, unitName: 'Trường THCS Lê Lợi' }]);
    const ready = await fetch(`${follower.url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(((await ready.json()) as { projections: Array<{ holder: string }> }).projections[0]!.holder).toBe(
      'instance-a',
    );
    expect((await fetch(`${follower.url}/health/live`)).status).toBe(200);

    // Load on both; the leader killed in the middle of it.
    let apps = [leader, follower];
    const acknowledged: string[] = [];
    const load = Promise.all([0, 1, 2].map((n) => client(() => apps, [n, 40, person.id], acknowledged)));
    await until('some load has been acknowledged', () => acknowledged.length >= 30, { attempts: 1200, everyMs: 25 });
    expect(await leader.stop('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });
    const killedAt = Date.now();
    apps = [follower];
    await until(
      'the follower holds every lease',
      async () => {
        const seen = await holders(follower);
        return seen.size === 1 && seen.has('instance-b');
      },
      { attempts: 200, everyMs: 100 },
    );
    process.stderr.write(`twoInstances: the follower held every lease ${Date.now() - killedAt} ms after the kill\n`);
    await load;
    expect(acknowledged).toHaveLength(120);

    // A new instance joins as a follower; both agree the read models have caught up.
    const joined = await startAppProcess(db.url, { ...FAST, INSTANCE_ID: 'instance-c' });
    const last = await lastPosition(db);
    expect(await caughtUpOn(follower.url, last)).toBe(true);
    expect(await caughtUpOn(joined.url, last)).toBe(true);
    expect(await holders(joined)).toEqual(new Set(['instance-b']));

    await Promise.all([follower.stop('SIGTERM'), joined.stop('SIGTERM')]);
    await expectReadModelsEqualRebuild(db, last);
  }, 120_000);
});
