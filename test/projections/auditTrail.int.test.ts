import { auditTrailProjection, redact } from '../../projections/auditTrail/auditTrail.projection';
import { Expected, type NewEvent } from '../../src/eventStore/eventStore.port';
import type { PostgresEventStore } from '../../src/eventStore/postgres/postgresEventStore';
import { ProjectionRunner } from '../../src/projections/projectionRunner';
import type { TestDatabase } from '../support/database';
import { testMetadata, uniqueStream } from '../support/events';
import { createTestLog, type TestLog } from '../support/storedLog';
import { caughtUp } from '../support/until';

function event(type: string, data: Record<string, unknown>, actorId: string | null = 'tester'): NewEvent {
  return { type, data, metadata: testMetadata({ actorId }) };
}

describe('audit trail projection (bulk copy)', () => {
  let testLog: TestLog;
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeEach(async () => {
    testLog = await createTestLog({ pollIntervalMs: 20 });
    ({ db, store } = testLog);
  });
  afterEach(async () => testLog.drop());

  it('stores every event as written, with text that COPY must escape, and redacts ballot choices', async () => {
    const awkward = {
      name: 'Nguyễn\tVăn\nAn \\ "trích dẫn" \r\\N',
      list: ['a\tb', null, 1.5],
      nested: { empty: '', back: '\\\\' },
    };
    const person = uniqueStream('person');
    const ballot = uniqueStream('ballot');
    await store.append(
      person,
      [event('PersonRegistered', awkward, null), event('PersonRenamed', { fullName: 'Trần Thị\tBình' })],
      Expected.noStream,
    );
    await store.append(
      ballot,
      [event('BallotCast', { dossierId: 'hs-1', memberName: 'Lê Văn C', choice: 'APPROVE' })],
      Expected.noStream,
    );
    const runner = new ProjectionRunner(db.pool, store, [auditTrailProjection], { batchSize: 1000 });
    await runner.start();
    await caughtUp(runner, await store.lastCommittedPosition());
    await runner.stop();

    const log = await db.pool.query(
      'SELECT position::text, stream_id, stream_version, type, data, metadata, recorded_at FROM events ORDER BY events.position',
    );
    const entries = await db.pool.query(
      'SELECT position::text, stream_id, stream_version, type, actor_id, data, prev_hash, hash, recorded_at, summary FROM audit_trail.entries ORDER BY entries.position',
    );
    expect(entries.rows.map(({ summary: _summary, ...rest }) => rest)).toEqual(
      log.rows.map((r) => ({
        position: r.position,
        stream_id: r.stream_id,
        stream_version: r.stream_version,
        type: r.type,
        actor_id: r.metadata.actorId,
        data: redact({ type: r.type, data: r.data }),
        prev_hash: r.metadata.prevHash,
        hash: r.metadata.hash,
        recorded_at: r.recorded_at,
      })),
    );
    expect(entries.rows[0].actor_id).toBeNull();
    expect(entries.rows[0].data).toEqual(awkward);
    expect(entries.rows[2].data).toEqual({ dossierId: 'hs-1', memberName: 'Lê Văn C', choice: 'REDACTED' });
    expect(entries.rows[1].summary).toContain('"Trần Thị\tBình"');
  });

  it('files later events of a complaint under its dossier across batches', async () => {
    const complaint = uniqueStream('complaint');
    const complaintId = complaint.slice('complaint-'.length);
    await store.append(
      complaint,
      [event('ComplaintFiled', { complaintId, awardId: 'kt-1', dossierId: 'hs-9' })],
      Expected.noStream,
    );
    await store.append(complaint, [event('ComplaintAccepted', { note: 'x' })], Expected.version(1));
    const runner = new ProjectionRunner(db.pool, store, [auditTrailProjection], { batchSize: 1 });
    await runner.start();
    await caughtUp(runner, await store.lastCommittedPosition());
    await runner.stop();
    const refs = await db.pool.query(
      `SELECT ref_kind, ref_id, count(*)::int AS n FROM audit_trail.entry_refs GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    expect(refs.rows).toEqual([
      { ref_kind: 'award', ref_id: 'kt-1', n: 2 },
      { ref_kind: 'complaint', ref_id: complaintId, n: 2 },
      { ref_kind: 'dossier', ref_id: 'hs-9', n: 2 },
    ]);
  });

  it('migrates a live generation made before the json column in place, views and all', async () => {
    const person = uniqueStream('person');
    await store.append(person, [event('PersonRegistered', { fullName: 'Phạm Văn D' })], Expected.noStream);
    const before = new ProjectionRunner(db.pool, store, [
      { ...auditTrailProjection, migrations: auditTrailProjection.migrations.slice(0, 2) },
    ]);
    await before.start();
    await caughtUp(before, await store.lastCommittedPosition());
    await before.stop();

    const after = new ProjectionRunner(db.pool, store, [auditTrailProjection]);
    await after.start();
    await store.append(person, [event('PersonRenamed', { fullName: 'Phạm Văn Đ' })], Expected.version(1));
    await caughtUp(after, await store.lastCommittedPosition());
    await after.stop();
    expect(after.status()[0].generation).toBe(1);
    const type = await db.pool.query(
      `SELECT data_type FROM information_schema.columns WHERE table_schema = 'audit_trail__g1' AND table_name = 'entries' AND column_name = 'data'`,
    );
    expect(type.rows[0].data_type).toBe('json');
    const rows = await db.pool.query('SELECT data FROM audit_trail.entries ORDER BY position');
    expect(rows.rows.map((r) => r.data)).toEqual([{ fullName: 'Phạm Văn D' }, { fullName: 'Phạm Văn Đ' }]);
  });
});
