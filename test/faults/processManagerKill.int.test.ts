// The app as a process of its own, killed with SIGKILL inside a process manager
// (FAULT_INJECTION_KILL_PROCESS_MANAGER) while it carries a command's consequences: once the
// target stream is read and the consequence decided but not appended, and once it is appended
// but the manager's checkpoint not saved. The commands are a council session's close (each
// agenda dossier still ELIGIBLE resolved) and a grant (its award issued); each was acknowledged
// before the death. Started again without the fault, the app carries every consequence exactly
// once (no duplicate, no gap), each names its command's event as its cause, no other stream
// changes, and the read models show the consequences.
import type { CommandResult } from '../../src/commands/commandHandler';
import { httpDocumentUploader } from '../../src/demo/demoDocuments';
import { tinyPdf } from '../../src/documents/tinyPdf';
import { KILL_PROCESS_MANAGER, type ProcessManagerKillPoint } from '../../src/processManagers/faultInjection';
import { postGraphQL, startAppProcess, stopAppProcesses, type AppProcess } from '../support/appProcess';
import { tokenFor, type Actor } from '../support/auth';
import { CAST, CLOSE, CONVENE, GRANT, SUBMIT, WITHDRAW } from '../support/awarding';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { REGISTER_PERSON, REGISTER_UNIT } from '../support/reference';
import { until } from '../support/until';

const RESULT = '{ id streamId version position eventTypes }';
const RATE = `mutation($input: RatePerformanceInput!) { ratePerformance(input: $input) ${RESULT} }`;
const APPRAISE = `mutation($dossierId: ID!) { appraiseDossier(dossierId: $dossierId) ${RESULT} }`;
const ATTACH = `mutation($dossierId: ID!, $kind: DocumentKind!, $sha256: String!, $fileName: String!) {
  attachDocument(dossierId: $dossierId, kind: $kind, sha256: $sha256, fileName: $fileName) ${RESULT} }`;
/** What the 2025 set requires of an advanced worker's dossier submitted today. */
const REQUIRED_DOCUMENTS = ['PROPOSAL_MEMO', 'ACHIEVEMENT_REPORT', 'MINUTES'] as const;
const DOSSIER = `query($id: ID!) { dossier(id: $id) {
  status sessionId awardId version tally { approve reject abstain members approved } } }`;
const AWARD_HISTORY = `query($subject: SubjectInput!) { awardHistory(subject: $subject) { id dossierId decisionNumber revoked } }`;
const CAUGHT_UP = 'query($p: String!) { projectionsCaughtUp(position: $p, timeoutMs: 20000) }';

const ADMIN: Actor = { sub: 'admin-1', role: 'ADMIN' };
const SECRETARIAT: Actor = { sub: 'secretariat-1', role: 'SECRETARIAT', unitId: 'tinh' };
const UNIT_OFFICER: Actor = { sub: 'officer-1', role: 'UNIT_OFFICER', unitId: 'truong' };
const MEMBERS = ['tv-1', 'tv-2', 'tv-3'];
const SESSION_ID = 'hd-2025';
const AWARD_ID = 'kt-hoa';
/** The app runs on the real clock: the session is held today. */
const TODAY = new Date().toISOString().slice(0, 10);

/** The agenda: each teacher's advanced-worker dossier for 2025, with how the council votes on it. */
const AGENDA = [
  { dossierId: 'cstt-hoa', personId: 'gv-hoa', approvals: 3, resolvedAs: 'APPROVED' },
  { dossierId: 'cstt-nam', personId: 'gv-nam', approvals: 1, resolvedAs: 'REJECTED' },
  { dossierId: 'cstt-ba', personId: 'gv-ba', approvals: 2, resolvedAs: 'APPROVED' },
  // Withdrawn after the ballots, before the close: it leaves the council's hands unresolved.
  { dossierId: 'cstt-tu', personId: 'gv-tu', approvals: 3, resolvedAs: 'WITHDRAWN' },
] as const;
const STILL_ELIGIBLE = AGENDA.filter((item) => item.resolvedAs !== 'WITHDRAWN');

/** Sends a mutation that must succeed: its result. */
async function mutate(url: string, query: string, variables: Record<string, unknown>, actor: Actor) {
  const { body } = await postGraphQL(url, query, variables, actor);
  if (body.errors?.length) throw new Error(`expected success, got ${JSON.stringify(body.errors)}`);
  return Object.values(body.data!)[0] as CommandResult;
}

/** The province, its agency hosting the council and a school; three council members and the teachers. */
async function registerOrganisation(url: string): Promise<void> {
  const units = [
    { id: 'tinh', name: 'UBND tỉnh', kind: 'PEOPLES_COMMITTEE', level: 'PROVINCE' },
    { id: 'so-noi-vu', name: 'Sở Nội vụ', kind: 'AGENCY', level: 'PROVINCE', parentUnitId: 'tinh' },
    { id: 'huyen', name: 'UBND huyện', kind: 'PEOPLES_COMMITTEE', level: 'DISTRICT', parentUnitId: 'tinh' },
    { id: 'truong', name: 'Trường THCS Lê Lợi', kind: 'SCHOOL', level: 'UNIT', parentUnitId: 'huyen' },
  ];
  for (const input of units) await mutate(url, REGISTER_UNIT, { input }, ADMIN);
  for (const [i, id] of MEMBERS.entries()) {
    const input = { id, fullName: `Ủy viên ${i + 1}`, unitId: 'so-noi-vu', directWorker: false };
    await mutate(url, REGISTER_PERSON, { input }, SECRETARIAT);
  }
  for (const [i, { personId }] of AGENDA.entries()) {
    const input = { id: personId, fullName: `Giáo viên ${i + 1}`, unitId: 'truong', directWorker: false };
    await mutate(url, REGISTER_PERSON, { input }, SECRETARIAT);
  }
}

/**
 * Rates each teacher good for 2025, submits and appraises their dossiers, convenes the
 * council on them, casts every member's ballot and withdraws the last dossier.
 */
async function prepareSession(url: string): Promise<void> {
  await registerOrganisation(url);
  const upload = httpDocumentUploader(url, tokenFor);
  const period = { kind: 'CALENDAR_YEAR', year: 2025 };
  for (const { dossierId, personId } of AGENDA) {
    const nominee = { kind: 'INDIVIDUAL', id: personId };
    await mutate(url, RATE, { input: { subject: nominee, period, rating: 'GOOD' } }, UNIT_OFFICER);
    const achievements = 'Hoàn thành tốt nhiệm vụ năm học.';
    const dossier = {
      id: dossierId,
      proposingUnitId: 'truong',
      nominee,
      award: 'ADVANCED_WORKER',
      period,
      achievements,
    };
    await mutate(url, SUBMIT, { input: dossier }, SECRETARIAT);
    for (const kind of REQUIRED_DOCUMENTS) {
      const { sha256 } = await upload(tinyPdf(`${kind} ${dossierId}`), 'application/pdf', dossierId, SECRETARIAT);
      await mutate(url, ATTACH, { dossierId, kind, sha256, fileName: `${kind}.pdf` }, SECRETARIAT);
    }
    await mutate(url, APPRAISE, { dossierId }, SECRETARIAT);
  }
  const dossierIds = AGENDA.map((item) => item.dossierId);
  const session = { id: SESSION_ID, councilUnitId: 'so-noi-vu', heldOn: TODAY, memberIds: MEMBERS, dossierIds };
  await mutate(url, CONVENE, { input: session }, SECRETARIAT);
  for (const { dossierId, approvals } of AGENDA) {
    for (const [i, memberId] of MEMBERS.entries()) {
      const input = { sessionId: SESSION_ID, dossierId, memberId, choice: i < approvals ? 'APPROVE' : 'REJECT' };
      await mutate(url, CAST, { input }, { sub: memberId, role: 'COUNCIL_MEMBER' });
    }
  }
  await mutate(url, WITHDRAW, { dossierId: AGENDA.at(-1)!.dossierId, reason: 'Đơn vị rút hồ sơ.' }, UNIT_OFFICER);
}

/** How many events each stream holds. */
async function streamLengths(db: TestDatabase): Promise<Record<string, number>> {
  const { rows } = await db.pool.query<{ stream_id: string; n: number }>(
    'SELECT stream_id, count(*)::int AS n FROM events GROUP BY stream_id',
  );
  return Object.fromEntries(rows.map((row) => [row.stream_id, row.n]));
}

/** A consequence in the log: where it went, what caused it, under which command. */
interface LoggedConsequence {
  position: string;
  stream_id: string;
  stream_version: number;
  causation_id: string;
  command_id: string;
}

/** Every event of `type` in the log, in log order. */
async function eventsOfType(db: TestDatabase, type: string): Promise<LoggedConsequence[]> {
  const { rows } = await db.pool.query<LoggedConsequence>(
    `SELECT position::text, stream_id, stream_version, metadata->>'causationId' AS causation_id,
            metadata->>'commandId' AS command_id
       FROM events WHERE type = $1 ORDER BY events.position`,
    [type],
  );
  return rows;
}

/** The position a process manager has saved as carried, null before its first save. */
async function checkpointOf(db: TestDatabase, processManager: string): Promise<bigint | null> {
  const { rows } = await db.pool.query<{ position: string }>(
    'SELECT position::text FROM process_manager_checkpoints WHERE name = $1',
    [processManager],
  );
  return rows.length === 0 ? null : BigInt(rows[0]!.position);
}

/** Waits until the manager's saved checkpoint covers `position` (it moves in memory first, then saves). */
function checkpointSavedPast(db: TestDatabase, processManager: string, position: string): Promise<void> {
  return until(`${processManager} saves its checkpoint past ${position}`, async () => {
    const checkpoint = await checkpointOf(db, processManager);
    return checkpoint !== null && checkpoint >= BigInt(position);
  });
}

/** What a killed process left: the command's acknowledged result and the streams' lengths before it. */
interface Acknowledged {
  result: CommandResult;
  causationId: string;
  before: Record<string, number>;
}

/**
 * Starts the app with the fault injected at `point`, runs `prepare` on it, then sends the
 * command whose consequence kills the process: the command must be acknowledged first.
 */
async function acknowledgedThenKilled(
  db: TestDatabase,
  point: ProcessManagerKillPoint,
  prepare: (url: string) => Promise<void>,
  command: { query: string; variables: Record<string, unknown> },
): Promise<Acknowledged> {
  const killed = await startAppProcess(db.url, { [KILL_PROCESS_MANAGER]: point });
  await prepare(killed.url);
  const before = await streamLengths(db);
  const { body } = await postGraphQL(killed.url, command.query, command.variables, SECRETARIAT);
  expect(body.errors).toBeUndefined();
  const result = Object.values(body.data!)[0] as CommandResult;
  expect(await killed.exited).toEqual({ code: null, signal: 'SIGKILL' });
  return { result, causationId: `${result.streamId}@${result.version}`, before };
}

/** Starts the app without the fault and waits until the read models show `position` and its consequences. */
async function restartedCaughtUpWith(db: TestDatabase, position: string): Promise<AppProcess> {
  const app = await startAppProcess(db.url);
  const caughtUp = await postGraphQL(app.url, CAUGHT_UP, { p: position });
  expect(caughtUp.body).toEqual({ data: { projectionsCaughtUp: true } });
  return app;
}

/** The stream lengths `before`, each stream in `grown` longer by its count, no other stream changed. */
function grownBy(before: Record<string, number>, grown: Record<string, number>): Record<string, number> {
  const lengths = { ...before };
  for (const [streamId, added] of Object.entries(grown)) lengths[streamId] = (lengths[streamId] ?? 0) + added;
  return lengths;
}

describe.each<[ProcessManagerKillPoint, number]>([
  ['before-append', 0],
  ['after-append', 1],
])('the app killed in a process manager %s, and started again', (point, carriedBeforeDeath) => {
  let db: TestDatabase;
  let app: AppProcess | null = null;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await stopAppProcesses();
    await db.drop();
  });

  it('resolves each dossier still ELIGIBLE exactly once, as the close caused it', async () => {
    const close = { query: CLOSE, variables: { sessionId: SESSION_ID } };
    const { result: closed, causationId, before } = await acknowledgedThenKilled(db, point, prepareSession, close);
    expect(closed).toMatchObject({ streamId: `council_session-${SESSION_ID}`, eventTypes: ['CouncilSessionClosed'] });
    const atDeath = await eventsOfType(db, 'DossierResolved');
    expect(atDeath).toHaveLength(carriedBeforeDeath);
    expect(atDeath.every((r) => r.causation_id === causationId)).toBe(true);
    const saved = await checkpointOf(db, 'council_resolutions');
    expect(saved === null || saved < BigInt(closed.position)).toBe(true);

    app = await restartedCaughtUpWith(db, closed.position);

    // One resolution per dossier still ELIGIBLE, each the next event of its stream, none elsewhere.
    const resolved = await eventsOfType(db, 'DossierResolved');
    const streamOf = (dossierId: string) => `dossier-${dossierId}`;
    expect(resolved.map((r) => [r.stream_id, r.stream_version, r.causation_id]).sort()).toEqual(
      STILL_ELIGIBLE.map(({ dossierId }) => [
        streamOf(dossierId),
        before[streamOf(dossierId)]! + 1,
        causationId,
      ]).sort(),
    );
    expect(new Set(resolved.map((r) => r.command_id)).size).toBe(1);
    expect(resolved.slice(0, carriedBeforeDeath)).toEqual(atDeath);
    const lengths = grownBy(before, {
      [closed.streamId]: 1,
      ...Object.fromEntries(STILL_ELIGIBLE.map(({ dossierId }) => [streamOf(dossierId), 1])),
    });
    expect(await streamLengths(db)).toEqual(lengths);
    await checkpointSavedPast(db, 'council_resolutions', closed.position);

    // The read models show the resolutions with their tallies; the withdrawn dossier stays withdrawn.
    for (const { dossierId, approvals, resolvedAs } of AGENDA) {
      const { body } = await postGraphQL(app.url, DOSSIER, { id: dossierId }, SECRETARIAT);
      const tally =
        resolvedAs === 'WITHDRAWN'
          ? null
          : { approve: approvals, reject: MEMBERS.length - approvals, abstain: 0, members: MEMBERS.length };
      expect(body).toEqual({
        data: {
          dossier: {
            status: resolvedAs,
            sessionId: tally ? SESSION_ID : null,
            awardId: null,
            version: lengths[streamOf(dossierId)],
            tally: tally && { ...tally, approved: resolvedAs === 'APPROVED' },
          },
        },
      });
    }
  }, 30_000);

  it('issues the award of a grant exactly once, as the grant caused it', async () => {
    expect(await app!.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    const { dossierId, personId } = AGENDA[0];
    const decision = {
      decisionNumber: '125/QĐ-THCS',
      decidedOn: TODAY,
      issuedByUnitId: 'truong',
      signerName: 'Lê Văn Tám',
    };
    const grant = { query: GRANT, variables: { input: { ...decision, id: AWARD_ID, dossierId } } };
    const { result: granted, causationId, before } = await acknowledgedThenKilled(db, point, async () => {}, grant);
    expect(granted).toMatchObject({ id: AWARD_ID, streamId: `dossier-${dossierId}`, eventTypes: ['DossierGranted'] });
    expect(await eventsOfType(db, 'AwardGranted')).toHaveLength(carriedBeforeDeath);

    app = await restartedCaughtUpWith(db, granted.position);
    const issued = await eventsOfType(db, 'AwardGranted');
    expect(issued.map((e) => [e.stream_id, e.stream_version, e.causation_id])).toEqual([
      [`award-${AWARD_ID}`, 1, causationId],
    ]);
    expect(await streamLengths(db)).toEqual(grownBy(before, { [granted.streamId]: 1, [`award-${AWARD_ID}`]: 1 }));
    await checkpointSavedPast(db, 'award_issuance', granted.position);

    const { body } = await postGraphQL(app.url, AWARD_HISTORY, { subject: { kind: 'INDIVIDUAL', id: personId } });
    expect(body).toEqual({
      data: { awardHistory: [{ id: AWARD_ID, dossierId, decisionNumber: decision.decisionNumber, revoked: false }] },
    });
    const { body: dossier } = await postGraphQL(app.url, DOSSIER, { id: dossierId }, SECRETARIAT);
    expect(dossier.data!.dossier).toMatchObject({ status: 'GRANTED', awardId: AWARD_ID });
  }, 30_000);
});
