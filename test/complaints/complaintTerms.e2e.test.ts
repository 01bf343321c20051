import type { Actor } from '../support/auth';
import type { TestApp } from '../support/app';
import {
  ACCEPT_COMPLAINT,
  FILE_COMPLAINT,
  ORG,
  RESOLVE_COMPLAINT,
  SECRETARIAT,
  UNIT_OFFICER,
  expectRefused,
  mutate,
  startOrganisationApp,
} from '../support/awarding';
import { streamEvents } from '../support/streams';
import { caughtUp } from '../support/until';

/** Today: mid-December 2025, so the year's totals count what is overdue as of today. */
const NOW = new Date('2025-12-15T03:00:00.000Z');
const OFFICER: Actor = { sub: 'kn-officer', role: 'COMPLAINT_OFFICER' };

const RESULT = '{ id streamId version position eventTypes }';
const EXTEND = `mutation($input: ExtendDenunciationInput!) { extendDenunciation(input: $input) ${RESULT} }`;
const MARK_COMPLEX = `mutation($complaintId: ID!, $markedOn: Date!) { markComplex(complaintId: $complaintId, markedOn: $markedOn) ${RESULT} }`;
const TERMS = `id kind status acceptedOn dueOn dueDateProvisional complex extensionCount extensionDays overdue`;
const COMPLAINT = `query($id: ID!) { complaint(id: $id) { ${TERMS} } }`;
const COMPLAINTS = `query($kind: ComplaintKind, $overdueOn: Date) {
  complaints(kind: $kind, overdueOn: $overdueOn, first: 100) { nodes { id } } }`;
const TOTALS = `query($period: PeriodInput!, $unitId: ID) {
  yearlyTotals(period: $period, unitId: $unitId) { complaints { filed accepted resolved upheld overdue overdueComplaints overdueDenunciations } } }`;

/**
 * Denunciations come under the Law on Denunciations 2018 (received from 2019): 30 days to
 * resolve from acceptance, extended by up to 30 days once (COMPLEX) or twice (ESPECIALLY_COMPLEX).
 * Complaints: 30 days, 45 once marked complex. Every case is about the school, received
 * Wed 2025-10-01; none of the dates below crosses a day off but the weekends.
 */
describe('legal terms over GraphQL: extendDenunciation, markComplex, the overdue filter and totals', () => {
  let t: TestApp;

  const file = (id: string, kind: string, receivedOn = '2025-10-01') =>
    mutate(
      t,
      FILE_COMPLAINT,
      {
        input: {
          id,
          kind,
          complainantName: 'Hoàng Thị Thu',
          receivedOn,
          content: 'Kê khai thành tích không trung thực.',
          subject: { kind: 'COLLECTIVE', id: ORG.school },
        },
      },
      OFFICER,
    );
  const accept = (complaintId: string, acceptedOn: string) =>
    mutate(t, ACCEPT_COMPLAINT, { complaintId, acceptedOn }, OFFICER);
  const extension = (denunciationId: string, days: number, complexity: string, extendedOn: string) => ({
    input: { denunciationId, days, reason: 'Vụ việc có nhiều tình tiết phức tạp.', complexity, extendedOn },
  });
  const shown = async (id: string, position: string) => {
    await caughtUp(t, position);
    const { body } = await t.graphql(COMPLAINT, { id });
    expect(body.errors).toBeUndefined();
    return body.data.complaint;
  };
  const ids = async (variables: Record<string, unknown>): Promise<string[]> => {
    const { body } = await t.graphql(COMPLAINTS, variables);
    expect(body.errors).toBeUndefined();
    return body.data.complaints.nodes.map((c: { id: string }) => c.id);
  };

  beforeAll(async () => {
    t = await startOrganisationApp({ now: () => NOW });
    for (const [id, kind] of [
      ['kn-1', 'COMPLAINT'],
      ['kn-2', 'COMPLAINT'],
      ['tc-1', 'DENUNCIATION'],
      ['tc-2', 'DENUNCIATION'],
      ['tc-3', 'DENUNCIATION'],
    ])
      await file(id, kind);
    await accept('kn-1', '2025-10-06'); // due Wed 11-05
    await accept('kn-2', '2025-10-06'); // due Wed 11-05
    await accept('tc-1', '2025-10-03'); // due Sun 11-02, so Mon 11-03
    await accept('tc-2', '2025-10-03'); // due Mon 11-03
    await file('pn-1', 'PETITION', '2025-12-01'); // never accepted: 10 days, overdue from 12-12
  }, 120_000);
  afterAll(async () => t.stop());

  it('extends an especially complex denunciation twice, each time from acceptance plus every extension', async () => {
    const first = await mutate(t, EXTEND, extension('tc-1', 30, 'ESPECIALLY_COMPLEX', '2025-10-31'), OFFICER);
    expect(first).toMatchObject({ id: 'tc-1', streamId: 'complaint-tc-1', version: 3 });
    expect(first.eventTypes).toEqual(['DenunciationExtended']);
    expect(await shown('tc-1', first.position)).toEqual({
      id: 'tc-1',
      kind: 'DENUNCIATION',
      status: 'ACCEPTED',
      acceptedOn: '2025-10-03',
      dueOn: '2025-12-02', // 10-03 + 60 days
      dueDateProvisional: false,
      complex: false,
      extensionCount: 1,
      extensionDays: 30,
      overdue: true, // today is past 12-02
    });

    const second = await mutate(t, EXTEND, extension('tc-1', 20, 'ESPECIALLY_COMPLEX', '2025-12-01'), OFFICER);
    expect(second.version).toBe(4);
    expect(await shown('tc-1', second.position)).toMatchObject({
      dueOn: '2025-12-22', // 10-03 + 80 days, a Monday
      extensionCount: 2,
      extensionDays: 50,
      overdue: false, // in time again until 12-22
    });
    expect((await streamEvents(t, 'complaint-tc-1'))[3]).toMatchObject({
      type: 'DenunciationExtended',
      data: { extensionNumber: 2, days: 20, previousDueOn: '2025-12-02', dueOn: '2025-12-22' },
      metadata: { actorId: 'kn-officer', role: 'COMPLAINT_OFFICER' },
    });
  });

  it('refuses a third extension, a second one of a complex case, one over 30 days and one after the term', async () => {
    await expectRefused(
      t,
      ['complaint-tc-1'],
      EXTEND,
      extension('tc-1', 10, 'ESPECIALLY_COMPLEX', '2025-12-10'),
      { code: 'RULE_VIOLATION', rule: 'EXTENSION_LIMIT_REACHED', extensions: 2, allowed: 2 },
      OFFICER,
    );
    await expectRefused(
      t,
      ['complaint-tc-2'],
      EXTEND,
      extension('tc-2', 31, 'COMPLEX', '2025-10-20'),
      { code: 'RULE_VIOLATION', rule: 'EXTENSION_TOO_LONG', days: 31, maxDays: 30 },
      OFFICER,
    );
    // On the last day of the term is still within it.
    const once = await mutate(t, EXTEND, extension('tc-2', 15, 'COMPLEX', '2025-11-03'), OFFICER);
    expect(await shown('tc-2', once.position)).toMatchObject({ dueOn: '2025-11-17', extensionCount: 1 });
    await expectRefused(
      t,
      ['complaint-tc-2'],
      EXTEND,
      extension('tc-2', 10, 'COMPLEX', '2025-11-10'),
      { code: 'RULE_VIOLATION', rule: 'EXTENSION_LIMIT_REACHED', complexity: 'COMPLEX', extensions: 1, allowed: 1 },
      OFFICER,
    );
    // Especially complex would allow a second one, but the term ended on 11-17.
    await expectRefused(
      t,
      ['complaint-tc-2'],
      EXTEND,
      extension('tc-2', 10, 'ESPECIALLY_COMPLEX', '2025-11-18'),
      { code: 'RULE_VIOLATION', rule: 'TERM_ALREADY_EXPIRED', dueOn: '2025-11-17', extendedOn: '2025-11-18' },
      OFFICER,
    );
  });

  it('refuses extending a complaint, a denunciation not yet accepted, an unknown id, bad input and other roles', async () => {
    await expectRefused(
      t,
      ['complaint-kn-2'],
      EXTEND,
      extension('kn-2', 10, 'COMPLEX', '2025-10-20'),
      { code: 'RULE_VIOLATION', rule: 'EXTENSION_ONLY_FOR_DENUNCIATIONS', kind: 'COMPLAINT' },
      OFFICER,
    );
    await expectRefused(
      t,
      ['complaint-tc-3'],
      EXTEND,
      extension('tc-3', 10, 'COMPLEX', '2025-10-20'),
      { code: 'RULE_VIOLATION', rule: 'COMPLAINT_STATUS', status: 'RECEIVED', required: 'ACCEPTED' },
      OFFICER,
    );
    await expectRefused(
      t,
      ['complaint-tc-none'],
      EXTEND,
      extension('tc-none', 10, 'COMPLEX', '2025-10-20'),
      { code: 'NOT_FOUND', entity: 'Complaint' },
      OFFICER,
    );
    for (const refused of [
      extension('tc-2', 0, 'COMPLEX', '2025-10-20'),
      extension('tc-2', 10, 'SIMPLE', '2025-10-20'),
      extension('tc-2', 10, 'COMPLEX', '2025-10-32'),
      { input: { ...extension('tc-2', 10, 'COMPLEX', '2025-10-20').input, reason: '' } },
    ])
      await expectRefused(t, ['complaint-tc-2'], EXTEND, refused, { code: 'BAD_USER_INPUT' }, OFFICER);
    for (const actor of [SECRETARIAT, UNIT_OFFICER])
      await expectRefused(
        t,
        ['complaint-tc-2'],
        EXTEND,
        extension('tc-2', 10, 'ESPECIALLY_COMPLEX', '2025-11-10'),
        { code: 'FORBIDDEN' },
        actor,
      );
    await expectRefused(
      t,
      ['complaint-tc-2'],
      EXTEND,
      extension('tc-2', 10, 'ESPECIALLY_COMPLEX', '2025-11-10'),
      { code: 'UNAUTHENTICATED' },
      null,
    );
  });

  it('marks a complaint complex within its term: 45 days from acceptance, kept after the resolution', async () => {
    const marked = await mutate(t, MARK_COMPLEX, { complaintId: 'kn-1', markedOn: '2025-10-20' }, OFFICER);
    expect(marked).toMatchObject({ id: 'kn-1', version: 3, eventTypes: ['ComplaintMarkedComplex'] });
    expect(await shown('kn-1', marked.position)).toEqual({
      id: 'kn-1',
      kind: 'COMPLAINT',
      status: 'ACCEPTED',
      acceptedOn: '2025-10-06',
      dueOn: '2025-11-20', // 10-06 + 45 days instead of 11-05
      dueDateProvisional: false,
      complex: true,
      extensionCount: 0,
      extensionDays: 0,
      overdue: true, // today is past 11-20
    });
    expect((await streamEvents(t, 'complaint-kn-1'))[2].data).toMatchObject({
      markedOn: '2025-10-20',
      previousDueOn: '2025-11-05',
      dueOn: '2025-11-20',
    });
    const resolved = await mutate(
      t,
      RESOLVE_COMPLAINT,
      {
        input: {
          complaintId: 'kn-1',
          outcome: 'REJECTED',
          resolution: 'Không có căn cứ.',
          decidedOn: '2025-11-19',
        },
      },
      OFFICER,
    );
    expect(await shown('kn-1', resolved.position)).toMatchObject({
      status: 'RESOLVED',
      dueOn: '2025-11-20',
      complex: true,
      overdue: false,
    });
  });

  it('refuses markComplex twice, on a denunciation, after the term, before acceptance, on an unknown id and for other roles', async () => {
    const refuse = (
      complaintId: string,
      markedOn: string,
      expected: Record<string, unknown>,
      as: Actor | null = OFFICER,
    ) => expectRefused(t, [`complaint-${complaintId}`], MARK_COMPLEX, { complaintId, markedOn }, expected, as);
    // kn-1 is resolved by now; a second mark on an accepted complaint is ALREADY_COMPLEX (below, on kn-2).
    await refuse('kn-1', '2025-11-10', { code: 'RULE_VIOLATION', rule: 'COMPLAINT_STATUS', status: 'RESOLVED' });
    await refuse('tc-2', '2025-10-20', { code: 'RULE_VIOLATION', rule: 'COMPLEX_TERM_NOT_FOR_DENUNCIATIONS' });
    await refuse('kn-2', '2025-11-06', {
      code: 'RULE_VIOLATION',
      rule: 'TERM_ALREADY_EXPIRED',
      dueOn: '2025-11-05',
      markedOn: '2025-11-06',
    });
    await refuse('kn-2', '2025-10-05', { code: 'BAD_USER_INPUT', field: 'markedOn' }); // before the acceptance
    await refuse('kn-2', 'soon', { code: 'BAD_USER_INPUT' });
    await refuse('pn-1', '2025-12-05', { code: 'RULE_VIOLATION', rule: 'COMPLAINT_STATUS', status: 'RECEIVED' });
    await refuse('kn-none', '2025-10-20', { code: 'NOT_FOUND', entity: 'Complaint' });
    await refuse('kn-2', '2025-10-20', { code: 'FORBIDDEN' }, SECRETARIAT);
    await refuse('kn-2', '2025-10-20', { code: 'FORBIDDEN' }, UNIT_OFFICER);

    // A complex complaint accepted and marked again: ALREADY_COMPLEX.
    await file('kn-3', 'COMPLAINT', '2025-12-01');
    await mutate(t, ACCEPT_COMPLAINT, { complaintId: 'kn-3', acceptedOn: '2025-12-03', complex: true }, OFFICER);
    await refuse('kn-3', '2025-12-05', { code: 'RULE_VIOLATION', rule: 'ALREADY_COMPLEX', dueOn: '2026-01-19' });
    const marked = await mutate(t, MARK_COMPLEX, { complaintId: 'kn-2', markedOn: '2025-11-05' }, OFFICER);
    await refuse('kn-2', '2025-11-05', { code: 'RULE_VIOLATION', rule: 'ALREADY_COMPLEX', dueOn: '2025-11-20' });
    // The lists below read the read models: they must hold every command of this test.
    await caughtUp(t, marked.position);
  });

  it('filters complaints by kind and by the date they were overdue on, extensions and complex terms included', async () => {
    expect(await ids({ kind: 'DENUNCIATION' })).toEqual(['tc-1', 'tc-2', 'tc-3']);
    expect(await ids({ kind: 'PETITION' })).toEqual(['pn-1']);
    // Today: kn-2 (complex, due 11-20), tc-2 (extended to 11-17), tc-3 (never accepted), pn-1 (not accepted by 12-11).
    expect(await ids({ overdueOn: '2025-12-15' })).toEqual(['kn-2', 'tc-2', 'tc-3', 'pn-1']);
    expect(await ids({ overdueOn: '2025-12-15', kind: 'DENUNCIATION' })).toEqual(['tc-2', 'tc-3']);
    expect(await ids({ overdueOn: '2025-12-15', kind: 'COMPLAINT' })).toEqual(['kn-2']);
    expect(await ids({ overdueOn: '2025-12-15', kind: 'PETITION' })).toEqual(['pn-1']);
    // tc-1's own 30 days ended on 11-03: its extensions keep it in time until 12-22.
    expect(await ids({ overdueOn: '2025-12-22', kind: 'DENUNCIATION' })).toEqual(['tc-2', 'tc-3']);
    expect(await ids({ overdueOn: '2025-12-23', kind: 'DENUNCIATION' })).toEqual(['tc-1', 'tc-2', 'tc-3']);
    // kn-1 was resolved within its complex term, kn-2 is held to its complex term too.
    expect(await ids({ overdueOn: '2025-11-18', kind: 'COMPLAINT' })).toEqual([]);
    expect(await ids({ overdueOn: '2025-11-21', kind: 'COMPLAINT' })).toEqual(['kn-2']);
    expect((await t.graphql(COMPLAINTS, { kind: 'RUMOUR' })).body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it("counts the year's overdue complaints and denunciations apart, as of today while 2025 runs", async () => {
    const complaints = async (unitId?: string) => {
      const { body } = await t.graphql(TOTALS, { period: { kind: 'CALENDAR_YEAR', year: 2025 }, unitId });
      expect(body.errors).toBeUndefined();
      return body.data.yearlyTotals.complaints;
    };
    const expected = {
      filed: 7,
      accepted: 5,
      resolved: 1,
      upheld: 0,
      overdue: 4,
      overdueComplaints: 1,
      overdueDenunciations: 2,
    };
    expect(await complaints()).toEqual(expected);
    expect(await complaints(ORG.school)).toEqual(expected);
    expect(await complaints(ORG.education)).toEqual({
      filed: 0,
      accepted: 0,
      resolved: 0,
      upheld: 0,
      overdue: 0,
      overdueComplaints: 0,
      overdueDenunciations: 0,
    });
  });
});
