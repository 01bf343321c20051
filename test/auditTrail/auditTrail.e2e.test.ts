import { auditTrailProjection } from '../../projections/auditTrail/auditTrail.projection';
import { auditTrailSql } from '../../projections/auditTrail/auditTrail.queries';
import { Expected, type NewEvent } from '../../src/eventStore/eventStore.port';
import { startTestApp, type TestApp } from '../support/app';
import { testMetadata } from '../support/events';
import { asAdministrator } from '../support/storedLog';
import { caughtUp } from '../support/until';

const TRAIL = `query($filter: AuditFilter!, $first: Int, $after: String, $asOf: DateTime) {
  auditTrail(filter: $filter, first: $first, after: $after, asOf: $asOf) {
    entries { position recordedAt streamId streamVersion type actorId summary data hash }
    endCursor hasNextPage chainVerified
  }
}`;

const event = (
  type: string,
  data: Record<string, unknown>,
  actorId = 'secretariat-1',
  recordedAt = '2024-12-02T08:00:00.000Z',
): NewEvent => ({
  type,
  data,
  metadata: testMetadata({ actorId, recordedAt }),
});

describe('auditTrail query', () => {
  let t: TestApp;
  const nominee = { kind: 'INDIVIDUAL', id: 'p-an', name: 'Nguyễn Văn An' };

  beforeAll(async () => {
    // Only the audit trail: the hand-made events here carry just what it reads.
    t = await startTestApp({ projections: [auditTrailProjection] });
    const store = t.app.services.store;
    await store.append(
      'dossier-d1',
      [
        event('DossierSubmitted', {
          dossierId: 'd1',
          nominee,
          award: 'ADVANCED_WORKER',
          period: { kind: 'CALENDAR_YEAR', year: 2024 },
        }),
      ],
      Expected.noStream,
    );
    await store.append(
      'dossier-d2',
      [
        event('DossierSubmitted', {
          dossierId: 'd2',
          nominee: { kind: 'INDIVIDUAL', id: 'p-other', name: 'Trần Thị Bình' },
          award: 'ADVANCED_WORKER',
          period: { kind: 'CALENDAR_YEAR', year: 2024 },
        }),
      ],
      Expected.noStream,
    );
    await store.append(
      'council_session-s1',
      [
        event(
          'CouncilSessionConvened',
          { sessionId: 's1', agenda: [{ dossierId: 'd1', nominee }, { dossierId: 'd2' }] },
          'secretariat-1',
          '2024-12-10T08:00:00.000Z',
        ),
      ],
      Expected.noStream,
    );
    await store.append(
      'ballot-s1~d1~m1',
      [
        event(
          'BallotCast',
          { sessionId: 's1', dossierId: 'd1', memberId: 'm1', memberName: 'Lê Văn Cường', choice: 'REJECT' },
          'm1',
          '2024-12-10T09:00:00.000Z',
        ),
      ],
      Expected.noStream,
    );
    await store.append(
      'award-a1',
      [
        event(
          'AwardGranted',
          { awardId: 'a1', dossierId: 'd1', subject: nominee, award: 'ADVANCED_WORKER', decisionNumber: '125/QĐ-UBND' },
          'secretariat-1',
          '2024-12-15T08:00:00.000Z',
        ),
      ],
      Expected.noStream,
    );
    await store.append(
      'complaint-c1',
      [
        event(
          'ComplaintFiled',
          { complaintId: 'c1', awardId: 'a1', dossierId: null, subject: null },
          'officer-9',
          '2025-01-06T08:00:00.000Z',
        ),
      ],
      Expected.noStream,
    );
    const last = await store.append(
      'complaint-c1',
      [event('ComplaintAccepted', { complaintId: 'c1' }, 'officer-9', '2025-01-10T08:00:00.000Z')],
      Expected.version(1),
    );
    await caughtUp(t, last.position);
  });
  afterAll(async () => t.stop());

  it("gathers a dossier's trail: its stream, the session agenda and ballots, the award, complaints about the award", async () => {
    const { body } = await t.graphql(TRAIL, { filter: { dossierId: 'd1' } });
    const trail = body.data.auditTrail;
    expect(trail.entries.map((e: any) => `${e.streamId}:${e.type}`)).toEqual([
      'dossier-d1:DossierSubmitted',
      'council_session-s1:CouncilSessionConvened',
      'ballot-s1~d1~m1:BallotCast',
      'award-a1:AwardGranted',
      'complaint-c1:ComplaintFiled',
      'complaint-c1:ComplaintAccepted',
    ]);
    expect(trail.chainVerified).toBe(true);
    expect(trail.hasNextPage).toBe(false);
    // Recorded instants in the API's one DateTime form, whatever the session's time zone.
    expect(trail.entries.map((e: any) => e.recordedAt)).toEqual([
      '2024-12-02T08:00:00.000Z',
      '2024-12-10T08:00:00.000Z',
      '2024-12-10T09:00:00.000Z',
      '2024-12-15T08:00:00.000Z',
      '2025-01-06T08:00:00.000Z',
      '2025-01-10T08:00:00.000Z',
    ]);
  });

  it('never shows how a member voted', async () => {
    const { body } = await t.graphql(TRAIL, { filter: { streamId: 'ballot-s1~d1~m1' } });
    const ballot = body.data.auditTrail.entries.find((e: any) => e.type === 'BallotCast');
    expect(ballot.data.choice).toBe('REDACTED');
    expect(JSON.stringify(body)).not.toContain('REJECT');
  });

  it('filters by subject, award, complaint, decision number and actor', async () => {
    const types = async (filter: Record<string, unknown>) =>
      (await t.graphql(TRAIL, { filter })).body.data.auditTrail.entries.map((e: any) => e.type);
    expect(await types({ subject: { kind: 'INDIVIDUAL', id: 'p-an' } })).toEqual([
      'DossierSubmitted',
      'CouncilSessionConvened',
      'AwardGranted',
    ]);
    expect(await types({ awardId: 'a1' })).toEqual(['AwardGranted', 'ComplaintFiled', 'ComplaintAccepted']);
    expect(await types({ complaintId: 'c1' })).toEqual(['ComplaintFiled', 'ComplaintAccepted']);
    expect(await types({ decisionNumber: '125/QĐ-UBND' })).toEqual(['AwardGranted']);
    expect(await types({ actorId: 'officer-9' })).toEqual(['ComplaintFiled', 'ComplaintAccepted']);
    expect(await types({ dossierId: 'd1', actorId: 'm1' })).toEqual(['BallotCast']);
  });

  it('pages with a cursor and answers as of a past instant', async () => {
    const first = (await t.graphql(TRAIL, { filter: { dossierId: 'd1' }, first: 4 })).body.data.auditTrail;
    expect(first.entries).toHaveLength(4);
    expect(first.hasNextPage).toBe(true);
    // An append after the first page does not shift the second one.
    const late = await t.app.services.store.append(
      'dossier-d1',
      [
        event(
          'DossierReturned',
          { dossierId: 'd1', reason: 'thiếu hồ sơ' },
          'secretariat-1',
          '2025-01-20T08:00:00.000Z',
        ),
      ],
      Expected.version(1),
    );
    await caughtUp(t, late.position);
    const second = (await t.graphql(TRAIL, { filter: { dossierId: 'd1' }, first: 4, after: first.endCursor })).body.data
      .auditTrail;
    expect(second.entries.map((e: any) => e.type)).toEqual(['ComplaintFiled', 'ComplaintAccepted', 'DossierReturned']);
    const asOf = (await t.graphql(TRAIL, { filter: { dossierId: 'd1' }, asOf: '2024-12-12T00:00:00Z' })).body.data
      .auditTrail;
    expect(asOf.entries.map((e: any) => e.type)).toEqual(['DossierSubmitted', 'CouncilSessionConvened', 'BallotCast']);
  });

  it('refuses a page size over 100 and a forged cursor', async () => {
    expect((await t.graphql(TRAIL, { filter: {}, first: 101 })).body.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'first',
    });
    expect((await t.graphql(TRAIL, { filter: {}, after: 'bm9wZQ' })).body.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
  });

  it('serves every filter from an index', async () => {
    const filters = [
      { streamId: 'dossier-d1' },
      { subject: { kind: 'INDIVIDUAL', id: 'p-an' } },
      { dossierId: 'd1' },
      { awardId: 'a1' },
      { complaintId: 'c1' },
      { decisionNumber: '125/QĐ-UBND' },
      { actorId: 'officer-9' },
    ];
    const client = await t.db.pool.connect();
    try {
      await client.query('SET enable_seqscan = off'); // the test tables are tiny: ask whether an index can serve
      for (const filter of filters) {
        const { text, params } = auditTrailSql(filter, { first: 50, afterPosition: '0', asOf: null });
        const plan = (await client.query(`EXPLAIN ${text}`, params)).rows.map((r) => r['QUERY PLAN']).join('\n');
        expect([filter, plan]).toEqual([filter, expect.stringMatching(/Index/)]);
        expect(plan).not.toMatch(/Seq Scan/);
      }
    } finally {
      await client.query('RESET enable_seqscan');
      client.release();
    }
  });

  it('reports a broken chain when stored history was altered behind the application', async () => {
    // Only someone able to switch the immutability trigger off can do this.
    await asAdministrator(t.db.pool, [
      [`UPDATE events SET data = jsonb_set(data, '{decisionNumber}', '"999/QĐ-UBND"') WHERE stream_id = 'award-a1'`],
    ]);
    const { body } = await t.graphql(TRAIL, { filter: { awardId: 'a1' } });
    expect(body.data.auditTrail.chainVerified).toBe(false);
  });
});
