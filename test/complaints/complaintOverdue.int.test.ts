import { complaintsProjection, applyComplaints } from '../../projections/complaints/complaints.projection';
import { complaintsPageQuery, getComplaintsPage } from '../../projections/complaints/complaints.queries';
import { complaintOverdue } from '../../src/complaints/complaint.deadlines';
import { DenunciationComplexity } from '../../src/complaints/complaint.events';
import {
  decideComplaint,
  evolveComplaint,
  initialComplaintState,
  type ComplaintCommand,
  type ComplaintState,
} from '../../src/complaints/complaint.decider';
import type { ComplaintEvent } from '../../src/complaints/complaint.events';
import type { RecordedEvent } from '../../src/eventStore/eventStore.port';
import { inTransaction } from '../../src/infra/db';
import { migrate } from '../../src/infra/migrations';
import { ComplaintKind, ComplaintOutcome, SubjectKind, addDays, type IsoDate } from '../../src/shared/domain';
import { createTestDatabase, type TestDatabase } from '../support/database';

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  return { int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)), bool: (p = 0.5) => next() < p };
}

const START: IsoDate = '2025-01-01';
const NOW = '2025-06-01T00:00:00.000Z';

/**
 * The SQL filter `overdueOn` (the overdue_days column of migration 002) against the
 * domain's rule complaintOverdue, for complaints in every lifecycle, on every day
 * around their deadlines: both must pick the same complaints.
 */
describe('complaints overdue on a date: SQL and complaintOverdue agree', () => {
  let db: TestDatabase;
  const states = new Map<string, ComplaintState>();

  beforeAll(async () => {
    db = await createTestDatabase();
    // The model's tables straight in schema `complaints`, where the queries read them.
    await migrate(db.pool, 'projection:complaints', complaintsProjection.migrations, { schema: 'complaints' });
    const rnd = random(20250101);
    const events: RecordedEvent[] = [];
    const kinds = [ComplaintKind.COMPLAINT, ComplaintKind.DENUNCIATION, ComplaintKind.PETITION];
    for (let i = 0; i < 400; i++) {
      const complaintId = `kn-${String(i).padStart(3, '0')}`;
      // Several complaints a day, so pages split days and the id breaks the ties.
      const receivedOn = addDays(START, rnd.int(0, 90));
      const commands: ComplaintCommand[] = [
        {
          type: 'FileComplaint',
          data: {
            complaintId,
            kind: kinds[rnd.int(0, 2)],
            complainantName: 'Lý Văn Sơn',
            receivedOn,
            content: 'nội dung',
            awardId: null,
            dossierId: null,
            subject: { kind: SubjectKind.INDIVIDUAL, id: 'p-1', name: 'Ngô Văn Phúc' },
            now: NOW,
          },
        },
      ];
      const path = rnd.int(0, 4);
      if (path === 1)
        commands.push({
          type: 'DismissComplaint',
          data: {
            complaintId,
            reason: 'không thuộc thẩm quyền',
            decidedOn: addDays(receivedOn, rnd.int(0, 20)),
            now: NOW,
          },
        });
      if (path >= 2) {
        const acceptedOn = addDays(receivedOn, rnd.int(0, 20));
        // A denunciation has no complex or remote-area term: it is extended instead.
        const denunciation = (commands[0].data as { kind: ComplaintKind }).kind === ComplaintKind.DENUNCIATION;
        commands.push({
          type: 'AcceptComplaint',
          data: {
            complaintId,
            acceptedOn,
            complex: !denunciation && rnd.bool(),
            remoteArea: !denunciation && rnd.bool(),
            now: NOW,
          },
        });
        if (denunciation && rnd.bool())
          commands.push({
            type: 'ExtendDenunciation',
            data: {
              complaintId,
              days: rnd.int(1, 30),
              reason: 'vụ việc phức tạp',
              complexity: DenunciationComplexity.COMPLEX,
              extendedOn: acceptedOn,
              now: NOW,
            },
          });
        if (path >= 3) {
          commands.push({
            type: 'ResolveComplaint',
            data: {
              complaintId,
              outcome: ComplaintOutcome.REJECTED,
              resolution: 'bác đơn',
              decidedOn: addDays(acceptedOn, rnd.int(0, 80)),
              revokeAward: false,
              awardIdToRevoke: null,
              revocationDecisionNumber: null,
              now: NOW,
            },
          });
        }
      }
      let state = initialComplaintState();
      for (const command of commands) {
        for (const event of decideComplaint(command, state)) {
          state = evolveComplaint(state, event);
          events.push(toRecorded(event, events.length));
        }
      }
      states.set(complaintId, state);
    }
    await inTransaction(db.pool, async (client) => {
      await client.query('SET LOCAL search_path TO complaints, public');
      await applyComplaints(events, client);
    });
    await db.pool.query('ANALYZE complaints.complaints');
  });
  afterAll(async () => db.drop());

  function toRecorded(event: ComplaintEvent, index: number): RecordedEvent {
    return {
      streamId: `complaint-${event.data.complaintId}`,
      streamVersion: 1,
      position: String(1000 + index),
      type: event.type,
      data: event.data as unknown as Record<string, unknown>,
      metadata: {} as RecordedEvent['metadata'],
      recordedAt: NOW,
    };
  }

  /** Every page of the filter, following the cursor keys. */
  async function allOverdueOn(date: IsoDate, first: number): Promise<string[]> {
    const ids: string[] = [];
    let after: { receivedOn: IsoDate; id: string } | null = null;
    for (;;) {
      const page = await getComplaintsPage(db.pool, { status: null, kind: null, overdueOn: date, after, first });
      ids.push(...page.complaints.map((c) => c.id));
      const last = page.complaints[page.complaints.length - 1];
      if (!page.hasNextPage) return ids;
      after = { receivedOn: last.receivedOn, id: last.id };
    }
  }

  it('finds the same complaints on every day from before the first receipt to long after the last deadline', async () => {
    let compared = 0;
    let overdueSeen = 0;
    for (let day = -2; day <= 220; day++) {
      const date = addDays(START, day);
      const expected = [...states.entries()]
        .filter(([, state]) => complaintOverdue(state, date))
        .map(([id]) => id)
        .sort();
      const actual = await allOverdueOn(date, 100);
      expect({ date, ids: [...actual].sort() }).toEqual({ date, ids: expected });
      compared++;
      overdueSeen += expected.length;
    }
    expect(compared).toBe(223);
    expect(overdueSeen).toBeGreaterThan(1000); // the sample does exercise the rule
  });

  it('pages in (receivedOn, id) order without gaps or repeats, whatever the page size', async () => {
    const date = addDays(START, 60);
    const all = await allOverdueOn(date, 100);
    expect(all.length).toBeGreaterThan(20);
    for (const size of [1, 7, 13]) expect(await allOverdueOn(date, size)).toEqual(all);
    const { rows } = await db.pool.query<{ id: string }>(
      `SELECT complaint_id AS id FROM complaints.complaints WHERE complaint_id = ANY($1::text[]) ORDER BY received_on, complaint_id`,
      [all],
    );
    expect(all).toEqual(rows.map((r) => r.id));
  });

  it('finds the overdue complaints through the index on overdue_days', async () => {
    const { text, values } = complaintsPageQuery({
      status: null,
      kind: null,
      overdueOn: addDays(START, 60),
      after: null,
      first: 50,
    });
    const plan = await inTransaction(db.pool, async (client) => {
      await client.query('SET LOCAL enable_seqscan = off');
      // Leave the planner only the overdue index to find the rows (not a walk of the keyset index).
      await client.query('SET LOCAL enable_indexscan = off');
      const { rows } = await client.query(`EXPLAIN ${text}`, values);
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('complaints_overdue_days');
  });
});
