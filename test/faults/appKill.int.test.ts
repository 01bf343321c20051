// The app as a process of its own, killed with SIGKILL (no clean-up, no answer) while
// clients send it commands, and started again: every command a client saw acknowledged is
// in the log once, a retry under the same Idempotency-Key answers the first result, and
// the read models equal a rebuild from the log. The kill points come from a seeded random
// sequence: APP_KILL_SEED=<seed> repeats a run's request mix and kill points.
import { randomUUID } from 'node:crypto';
import { commandIdFor, type CommandResult } from '../../src/commands/commandHandler';
import { KILL_AFTER_APPEND_OF_KEY } from '../../src/commands/faultInjection';
import { scopedIdempotencyKey } from '../../src/commands/idempotency';
import { postGraphQL, startAppProcess, stopAppProcesses, type AppProcess } from '../support/appProcess';
import type { Actor } from '../support/auth';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { expectReadModelsEqualRebuild } from '../support/readModels';

const RESULT = '{ id streamId version position eventTypes }';
const ADMIN: Actor = { sub: 'admin-1', role: 'ADMIN' };
const COMPLAINT_OFFICER: Actor = { sub: 'tiep-dan-1', role: 'COMPLAINT_OFFICER' };
const PEOPLE = ['gv-1', 'gv-2', 'gv-3', 'gv-4', 'gv-5', 'gv-6'];
const PLAN_ID = 'kh-2025';
const TODAY = new Date().toISOString().slice(0, 10);

/** A mutation with its Idempotency-Key, as a client sends it (and sends it again). */
interface Request {
  key: string;
  actor: Actor;
  field: string;
  query: string;
  variables: Record<string, unknown>;
}

/** How a request ended for its client: acknowledged with a result, or refused with an error code. */
interface Outcome {
  request: Request;
  result: CommandResult | null;
  refusal: string | null;
  networkErrors: number;
}

/** A small deterministic random sequence (mulberry32), so a seed repeats a run. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function mutation(field: string, signature: string, call: string): string {
  return `mutation(${signature}) { ${field}(${call}) ${RESULT} }`;
}
const inputMutation = (field: string, type: string) => mutation(field, `$input: ${type}!`, 'input: $input');

/** Sends a mutation that must succeed (setting up, no key): its result. */
async function mutate(url: string, query: string, variables: Record<string, unknown>, actor: Actor) {
  const { body } = await postGraphQL(url, query, variables, actor);
  if (body.errors?.length) throw new Error(`expected success, got ${JSON.stringify(body.errors)}`);
  return Object.values(body.data!)[0] as CommandResult;
}

/** A province, its district and a school with six teachers, and a plan of the district with three tasks. */
async function registerOrganisation(url: string): Promise<void> {
  const unit = inputMutation('registerUnit', 'RegisterUnitInput');
  await mutate(
    url,
    unit,
    { input: { id: 'tinh', name: 'UBND tỉnh', kind: 'PEOPLES_COMMITTEE', level: 'PROVINCE' } },
    ADMIN,
  );
  await mutate(
    url,
    unit,
    { input: { id: 'huyen', name: 'UBND huyện', kind: 'PEOPLES_COMMITTEE', level: 'DISTRICT', parentUnitId: 'tinh' } },
    ADMIN,
  );
  await mutate(
    url,
    unit,
    { input: { id: 'truong', name: 'Trường THCS Lê Lợi', kind: 'SCHOOL', level: 'UNIT', parentUnitId: 'huyen' } },
    ADMIN,
  );
  const person = inputMutation('registerPerson', 'RegisterPersonInput');
  for (const [i, id] of PEOPLE.entries()) {
    await mutate(
      url,
      person,
      { input: { id, fullName: `Giáo viên ${i + 1}`, unitId: 'truong', directWorker: false, female: i % 2 === 0 } },
      ADMIN,
    );
  }
  const tasks = [1, 2, 3].map((quarter) => ({
    quarter,
    content: `Nhiệm vụ quý ${quarter}`,
    directingUnitId: 'huyen',
    executingUnitIds: ['truong'],
  }));
  await mutate(
    url,
    inputMutation('issuePlan', 'IssuePlanInput'),
    { input: { id: PLAN_ID, year: 2025, issuedByUnitId: 'huyen', title: 'Kế hoạch thi đua 2025', tasks } },
    ADMIN,
  );
}

/** What a kind of request in the mix is made from. */
interface Draw {
  key: string;
  pick: <T>(items: readonly T[]) => T;
  chance: () => number;
  secretariat: Actor;
  officer: Actor;
  subject: { kind: string; id: string };
  period: { kind: string; year: number };
}

type Maker = (draw: Draw) => Omit<Request, 'key'>;

const input = (field: string, type: string, actor: (draw: Draw) => Actor, make: (draw: Draw) => object): Maker => {
  const query = inputMutation(field, type);
  return (draw) => ({ field, actor: actor(draw), query, variables: { input: make(draw) } });
};

/**
 * The mix of commands the clients send, each with its share: new streams (people,
 * complaints, initiatives, dossiers), streams touched again (ratings, registrations of a
 * teacher and year), and one plan every client reports on (conflicts, retried).
 */
const MIX: Array<[number, Maker]> = [
  [
    0.2,
    input(
      'registerPerson',
      'RegisterPersonInput',
      (d) => d.secretariat,
      (d) => ({
        fullName: `Người ${d.key}`,
        unitId: 'truong',
        directWorker: d.chance() < 0.3,
      }),
    ),
  ],
  [
    0.15,
    input(
      'ratePerformance',
      'RatePerformanceInput',
      (d) => d.officer,
      (d) => ({
        subject: d.subject,
        period: d.period,
        rating: d.pick(['EXCELLENT', 'GOOD', 'COMPLETED']),
      }),
    ),
  ],
  [
    0.15,
    (d) => ({
      field: 'reportPlanTask',
      actor: d.secretariat,
      query: mutation(
        'reportPlanTask',
        '$planId: ID!, $taskNo: Int!, $done: Boolean!, $note: String',
        'planId: $planId, taskNo: $taskNo, done: $done, note: $note',
      ),
      variables: { planId: PLAN_ID, taskNo: d.pick([1, 2, 3]), done: d.chance() < 0.3, note: d.key },
    }),
  ],
  [
    0.15,
    input(
      'fileComplaint',
      'FileComplaintInput',
      () => COMPLAINT_OFFICER,
      (d) => ({
        kind: 'COMPLAINT',
        complainantName: 'Trần Văn Khiếu',
        receivedOn: TODAY,
        content: d.key,
        subject: d.subject,
      }),
    ),
  ],
  [
    0.1,
    input(
      'recognizeInitiative',
      'RecognizeInitiativeInput',
      (d) => d.secretariat,
      (d) => ({
        title: `Sáng kiến ${d.key}`,
        authorIds: [d.subject.id],
        level: 'UNIT',
        period: d.period,
        decisionNumber: d.key,
      }),
    ),
  ],
  [
    0.1,
    input(
      'registerTitle',
      'RegisterTitleInput',
      (d) => d.officer,
      (d) => ({
        subject: d.subject,
        award: d.pick(['ADVANCED_WORKER', 'GRASSROOTS_EMULATION_FIGHTER']),
        period: d.period,
      }),
    ),
  ],
  [
    0.15,
    input(
      'submitDossier',
      'SubmitDossierInput',
      (d) => d.secretariat,
      (d) => ({
        proposingUnitId: 'truong',
        nominee: d.subject,
        award: 'ADVANCED_WORKER',
        period: d.period,
        achievements: `Hoàn thành xuất sắc nhiệm vụ (${d.key}).`,
      }),
    ),
  ],
];

/** The next request of `client` under `key`, drawn from the mix. */
function nextRequest(random: () => number, client: number, key: string): Request {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const draw: Draw = {
    key,
    pick,
    chance: random,
    secretariat: { sub: `secretariat-${client}`, role: 'SECRETARIAT', unitId: 'tinh' },
    officer: { sub: `officer-${client}`, role: 'UNIT_OFFICER', unitId: 'truong' },
    subject: { kind: 'INDIVIDUAL', id: pick(PEOPLE) },
    period: { kind: 'CALENDAR_YEAR', year: 2019 + Math.floor(random() * 7) },
  };
  let roll = random();
  const [, make] = MIX.find(([share]) => (roll -= share) < 0) ?? MIX.at(-1)!;
  return { key, ...make(draw) };
}

/** The command id the handler gives a request's events: derived from the caller, the key and the mutation's slot. */
function commandIdOf(request: Request): string {
  return commandIdFor(scopedIdempotencyKey(request.actor.sub, request.key, `Mutation.${request.field}`));
}

/**
 * The app under test, killed at chosen counts of requests sent and started again at once.
 * A request sent while it restarts waits for the new process.
 */
class KilledAndRestarted {
  private running: Promise<AppProcess>;
  private sent = 0;
  private readonly restarts: Array<Promise<AppProcess>> = [];
  readonly kills: Array<{ afterSent: number; delayMs: number; exit?: string }> = [];

  constructor(
    first: AppProcess,
    private readonly databaseUrl: string,
    killPoints: Array<{ afterSent: number; delayMs: number }>,
  ) {
    this.running = Promise.resolve(first);
    this.kills = killPoints.map((point) => ({ ...point }));
  }

  /** The running process's URL, once it serves; counts the request about to be sent and kills where chosen. */
  async urlForNextRequest(): Promise<string> {
    const app = await this.running;
    this.sent++;
    const kill = this.kills.find((k) => k.afterSent === this.sent);
    // Requests sent meanwhile still go to this process: they are in flight when it dies.
    if (kill)
      this.restarts.push(
        new Promise((restarted) =>
          setTimeout(() => restarted((this.running = this.killAndRestart(app, kill))), kill.delayMs),
        ),
      );
    return app.url;
  }

  /** The process serving once every kill chosen so far has been done and followed by a restart. */
  async current(): Promise<AppProcess> {
    await Promise.all(this.restarts);
    return this.running;
  }

  private async killAndRestart(app: AppProcess, kill: KilledAndRestarted['kills'][number]): Promise<AppProcess> {
    const exit = await app.stop('SIGKILL');
    kill.exit = exit.signal ?? `code ${exit.code}`;
    return startAppProcess(this.databaseUrl);
  }
}

/**
 * Sends `request` until it has an answer: after a network error (the process died) it sends
 * it again, with the same key, once the app is back; a conflict (the key still held, or a
 * stream moved on) is tried again after a moment; any other error is the answer.
 */
async function sendUntilAnswered(app: KilledAndRestarted, request: Request): Promise<Outcome> {
  let networkErrors = 0;
  for (let attempt = 0; attempt < 100; attempt++) {
    const url = await app.urlForNextRequest();
    const reply = await postGraphQL(url, request.query, request.variables, request.actor, {
      'idempotency-key': request.key,
    }).catch(() => null);
    if (reply === null) {
      networkErrors++;
      continue;
    }
    const error = reply.body.errors?.[0];
    if (!error) return { request, result: Object.values(reply.body.data!)[0], refusal: null, networkErrors };
    const code = String(error.extensions?.code);
    if (code === 'CONFLICT') {
      await pause(50);
      continue;
    }
    return { request, result: null, refusal: `${code}: ${error.message}`, networkErrors };
  }
  throw new Error(`no answer to ${request.key} after 100 attempts`);
}

interface LoggedEvent {
  command_id: string | null;
  stream_id: string;
  stream_version: number;
  position: string;
  type: string;
}

/** The log's events grouped by the command that appended them. */
async function eventsByCommand(db: TestDatabase): Promise<Map<string | null, LoggedEvent[]>> {
  const { rows } = await db.pool.query<LoggedEvent>(
    `SELECT metadata->>'commandId' AS command_id, stream_id, stream_version, position::text, type
       FROM events ORDER BY events.position`,
  );
  const byCommand = new Map<string | null, LoggedEvent[]>();
  for (const row of rows) byCommand.set(row.command_id, [...(byCommand.get(row.command_id) ?? []), row]);
  return byCommand;
}

/** The transaction an event was appended in: a position is the transaction id times 65536 plus the event's ordinal. */
const transactionOf = (event: LoggedEvent) => BigInt(event.position) >> 16n;

async function lastPosition(db: TestDatabase): Promise<string> {
  const { rows } = await db.pool.query<{ last: string }>('SELECT coalesce(max(position), 0)::text AS last FROM events');
  return rows[0]!.last;
}

/** Runs each client's requests one after another, the clients side by side. */
async function runClients(app: KilledAndRestarted, clients: Request[][]): Promise<Outcome[]> {
  const outcomes = await Promise.all(
    clients.map(async (requests) => {
      const answered: Outcome[] = [];
      for (const request of requests) answered.push(await sendUntilAnswered(app, request));
      return answered;
    }),
  );
  return outcomes.flat();
}

/** What the log says about each answered request: an acknowledged one's events, a refused one's none. */
function logDisagreements(outcomes: Outcome[], byCommand: Map<string | null, LoggedEvent[]>): string[] {
  const problems: string[] = [];
  for (const { request, result } of outcomes) {
    const events = byCommand.get(commandIdOf(request)) ?? [];
    const seen = events.map((e) => `${e.stream_id}@${e.stream_version} ${e.type} ${e.position}`);
    if (!result) {
      if (events.length > 0) problems.push(`${request.key} was refused, yet its events are in the log: ${seen}`);
      continue;
    }
    const own = events.find((e) => e.stream_id === result.streamId && e.stream_version === result.version);
    const agrees =
      own !== undefined &&
      events.at(-1)!.position === result.position &&
      JSON.stringify(events.map((e) => e.type)) === JSON.stringify(result.eventTypes);
    if (!agrees) problems.push(`${request.key} answered ${JSON.stringify(result)}, the log holds: ${seen}`);
  }
  for (const [commandId, events] of byCommand) {
    if (commandId !== null && new Set(events.map(transactionOf)).size > 1)
      problems.push(`command ${commandId} was appended more than once`);
  }
  return problems;
}

describe('the app killed with SIGKILL under load, and started again', () => {
  const seed = Number(process.env.APP_KILL_SEED ?? Math.floor(Math.random() * 2 ** 31));
  const CLIENTS = 4;
  const REQUESTS_PER_CLIENT = 30;
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await stopAppProcesses();
    await db.drop();
  });

  it('keeps every acknowledged command once, answers each retry with its first result, and rebuilds to the same read models', async () => {
    process.stderr.write(`appKill: APP_KILL_SEED=${seed} repeats this run's requests and kill points\n`);
    const random = seededRandom(seed);
    const first = await startAppProcess(db.url);
    await registerOrganisation(first.url);
    let afterSent = 0;
    const killPoints = [1, 2, 3].map(() => ({
      afterSent: (afterSent += 8 + Math.floor(random() * 16)),
      delayMs: Math.floor(random() * 30),
    }));
    const app = new KilledAndRestarted(first, db.url, killPoints);
    const clients = Array.from({ length: CLIENTS }, (_, client) =>
      Array.from({ length: REQUESTS_PER_CLIENT }, (_, n) => nextRequest(random, client, `${seed}-${client}-${n}`)),
    );

    const outcomes = await runClients(app, clients);
    const url = (await app.current()).url;
    expect(app.kills.map((kill) => [kill.afterSent, kill.exit])).toEqual(
      killPoints.map((point) => [point.afterSent, 'SIGKILL']),
    );
    const acknowledged = outcomes.filter((o) => o.result !== null);
    const refused = outcomes.filter((o) => o.refusal !== null).length;
    const networkErrors = outcomes.reduce((n, o) => n + o.networkErrors, 0);
    process.stderr.write(
      `appKill: ${acknowledged.length} acknowledged, ${refused} refused by the rules, ${networkErrors} network errors\n`,
    );
    expect(acknowledged.length).toBeGreaterThan(outcomes.length / 2);
    expect(outcomes.some((o) => o.networkErrors > 0)).toBe(true);

    // Each acknowledged request sent again under its key answers what it answered first.
    const answersAgain = await Promise.all(
      acknowledged.map(async ({ request }) => {
        const reply = await postGraphQL(url, request.query, request.variables, request.actor, {
          'idempotency-key': request.key,
        });
        return reply.body.data ? Object.values(reply.body.data)[0] : reply.body.errors;
      }),
    );
    expect(answersAgain).toEqual(acknowledged.map((o) => o.result));

    expect(logDisagreements(outcomes, await eventsByCommand(db))).toEqual([]);

    // The read models the killed processes built equal the ones rebuilt from the log.
    const last = await lastPosition(db);
    const caughtUpQuery = 'query($p: String!) { projectionsCaughtUp(position: $p, timeoutMs: 20000) }';
    expect((await postGraphQL(url, caughtUpQuery, { p: last })).body.data).toEqual({ projectionsCaughtUp: true });
    expect(await (await app.current()).stop('SIGTERM')).toEqual({ code: 0, signal: null });
    await expectReadModelsEqualRebuild(db, last);
  }, 80_000);
});

describe('the app killed between the append of a command and the recording of its result', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await stopAppProcesses();
    await db.drop();
  });

  /** A stream's events, and every event of the command, wherever it appended. */
  const streamAndCommand = async (streamId: string, commandId: string) =>
    (
      await db.pool.query(
        `SELECT position::text, stream_id, stream_version, event_id FROM events
          WHERE stream_id = $1 OR metadata->>'commandId' = $2 ORDER BY events.position`,
        [streamId, commandId],
      )
    ).rows;

  it('answers the retry after the restart with the result of the first attempt, appending nothing', async () => {
    const key = `die-after-append-${randomUUID()}`;
    let app = await startAppProcess(db.url, { [KILL_AFTER_APPEND_OF_KEY]: key });
    const unit = { id: 'truong', name: 'Trường THCS Lê Lợi', kind: 'SCHOOL', level: 'UNIT' };
    await mutate(app.url, inputMutation('registerUnit', 'RegisterUnitInput'), { input: unit }, ADMIN);
    const request: Request = {
      key,
      actor: { sub: 'secretariat-1', role: 'SECRETARIAT', unitId: 'truong' },
      field: 'registerPerson',
      query: inputMutation('registerPerson', 'RegisterPersonInput'),
      variables: { input: { fullName: 'Nguyễn Thị Hoa', unitId: 'truong', directWorker: false } },
    };
    const send = (url: string, idempotencyKey = key) =>
      postGraphQL(url, request.query, request.variables, request.actor, { 'idempotency-key': idempotencyKey });

    // Another key's command runs as usual on the same process.
    expect((await send(app.url, `other-${key}`)).body.errors).toBeUndefined();
    await expect(send(app.url)).rejects.toThrow();
    expect(await app.exited).toEqual({ code: null, signal: 'SIGKILL' });
    const appended = (await eventsByCommand(db)).get(commandIdOf(request))!;
    expect(appended.map((e) => e.type)).toEqual(['PersonRegistered']);
    const [event] = appended;
    const afterCrash = await streamAndCommand(event!.stream_id, commandIdOf(request));
    expect(afterCrash).toHaveLength(1);
    const scopedKey = scopedIdempotencyKey(request.actor.sub, key, 'Mutation.registerPerson');
    const recorded = await db.pool.query('SELECT status FROM command_results WHERE key = $1', [scopedKey]);
    expect(recorded.rows).toEqual([{ status: 'decided' }]);

    app = await startAppProcess(db.url);
    const retry = await send(app.url);
    expect(retry.body).toEqual({
      data: {
        registerPerson: {
          id: expect.any(String),
          streamId: event!.stream_id,
          version: event!.stream_version,
          position: event!.position,
          eventTypes: ['PersonRegistered'],
        },
      },
    });
    expect(event!.stream_id.endsWith(retry.body.data!.registerPerson.id)).toBe(true);
    expect(await streamAndCommand(event!.stream_id, commandIdOf(request))).toEqual(afterCrash);
    expect((await send(app.url)).body).toEqual(retry.body);
    expect(await streamAndCommand(event!.stream_id, commandIdOf(request))).toEqual(afterCrash);
    const done = await db.pool.query('SELECT status, decided FROM command_results WHERE key = $1', [scopedKey]);
    expect(done.rows).toEqual([{ status: 'done', decided: null }]);
  }, 60_000);
});
