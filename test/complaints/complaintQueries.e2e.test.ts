import type { Actor } from '../support/auth';
import { DEMO_YEAR, type DemoYearSummary } from '../../src/demo/demoYear';
import { mutate, startTestApp, type TestApp } from '../support/app';
import { loadDemoYear } from '../support/demo';
import { caughtUp } from '../support/until';

const Y = DEMO_YEAR + 1; // the demo's complaints come in the year after its awards
const TODAY = `${Y}-03-20`;
const OFFICER: Actor = { sub: 'officer-1', role: 'COMPLAINT_OFFICER' };

const FIELDS = `id kind status complainantName receivedOn acceptedOn dueOn resolvedOn outcome awardId dossierId subject { kind id name } overdue`;
const COMPLAINT = `query($id: ID!) { complaint(id: $id) { ${FIELDS} revokedAwardId award { id revoked revokedReason } } }`;
const COMPLAINTS = `query($status: ComplaintStatus, $kind: ComplaintKind, $overdueOn: Date, $first: Int, $after: String) {
  complaints(status: $status, kind: $kind, overdueOn: $overdueOn, first: $first, after: $after) { nodes { ${FIELDS} } endCursor hasNextPage }
}`;

describe('complaint lookups', () => {
  let t: TestApp;
  let year: DemoYearSummary;

  /** Runs a command as the complaint officer and returns its position. */
  const asOfficer = async (query: string, variables: Record<string, unknown>): Promise<string> =>
    (await mutate(t, query, variables, OFFICER)).position;
  const file = (input: Record<string, unknown>) =>
    asOfficer('mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { position } }', {
      input: { complainantName: 'Triệu Thị Mai', content: 'Đề nghị xem xét lại.', ...input },
    });
  const accept = (complaintId: string, acceptedOn: string, complex = false, remoteArea = false) =>
    asOfficer(
      'mutation($id: ID!, $on: Date!, $c: Boolean, $r: Boolean) { acceptComplaint(complaintId: $id, acceptedOn: $on, complex: $c, remoteArea: $r) { position } }',
      {
        id: complaintId,
        on: acceptedOn,
        c: complex,
        r: remoteArea,
      },
    );
  const list = async (variables: Record<string, unknown>) => {
    const { body } = await t.graphql(COMPLAINTS, variables);
    expect(body.errors).toBeUndefined();
    return body.data.complaints;
  };
  const ids = async (variables: Record<string, unknown>) =>
    (await list({ first: 100, ...variables })).nodes.map((c: { id: string }) => c.id);

  beforeAll(async () => {
    t = await startTestApp({ now: () => new Date(`${TODAY}T03:00:00.000Z`) });
    year = await loadDemoYear(t);
    // Open complaints beside the demo's: the upheld complaint (kn-…-001), the dismissed petition (kn-…-002),
    // the extended denunciation (kn-…-003, resolved 03-12), the complaint left overdue (kn-…-004, due 03-07)
    // and the complaint marked complex (kn-…-005, resolved 03-18).
    await file({ id: 'kn-003', kind: 'COMPLAINT', receivedOn: `${Y}-02-01`, awardId: year.awards['p-bui-van-minh'] }); // never accepted: overdue from 02-12
    await file({ id: 'kn-004', kind: 'DENUNCIATION', receivedOn: `${Y}-02-10`, dossierId: year.dossiers.fighter });
    await accept('kn-004', `${Y}-02-15`); // due 03-17: overdue from 03-18
    await file({
      id: 'kn-005',
      kind: 'PETITION',
      receivedOn: `${Y}-03-15`,
      subject: { kind: 'COLLECTIVE', id: 'xa-my-thanh' },
    }); // not yet due
    await file({ id: 'kn-006', kind: 'COMPLAINT', receivedOn: `${Y}-02-03`, awardId: year.awards['p-do-thi-ngoc'] });
    await accept('kn-006', `${Y}-02-20`, true); // late (overdue 02-14 to 02-19), complex: due 04-06
    await file({ id: 'kn-007', kind: 'COMPLAINT', receivedOn: `${Y}-01-20`, awardId: year.awards.flag });
    const last = await accept('kn-007', `${Y}-01-25`, true, true); // due 03-26
    await caughtUp(t, last, { timeoutMs: 20_000 });
  }, 120_000);
  afterAll(async () => t.stop());

  it('shows the upheld complaint with its deadlines, outcome and the award it revoked', async () => {
    const { body } = await t.graphql(COMPLAINT, { id: `kn-${Y}-001` });
    expect(body.errors).toBeUndefined();
    expect(body.data.complaint).toMatchObject({
      id: `kn-${Y}-001`,
      kind: 'COMPLAINT',
      status: 'RESOLVED',
      complainantName: 'Lý Văn Sơn',
      receivedOn: `${Y}-01-06`,
      acceptedOn: `${Y}-01-10`,
      dueOn: `${Y}-02-24`, // remote area: 45 days
      resolvedOn: `${Y}-02-05`,
      outcome: 'UPHELD',
      awardId: year.revokedAwardId,
      dossierId: null,
      subject: { kind: 'INDIVIDUAL', id: 'p-ngo-van-phuc', name: 'Ngô Văn Phúc' },
      overdue: false,
      revokedAwardId: year.revokedAwardId,
      award: { id: year.revokedAwardId, revoked: true },
    });
  });

  it('shows the dismissed petition', async () => {
    const { body } = await t.graphql(COMPLAINT, { id: `kn-${Y}-002` });
    expect(body.data.complaint).toMatchObject({
      kind: 'PETITION',
      status: 'DISMISSED',
      complainantName: 'Hà Thị Tuyết',
      receivedOn: `${Y}-01-12`,
      acceptedOn: null,
      dueOn: null,
      resolvedOn: `${Y}-01-15`,
      outcome: null,
      awardId: null,
      subject: { kind: 'COLLECTIVE', id: 'xa-cam-giang', name: 'UBND xã Cẩm Giàng' },
      overdue: false,
      award: null,
    });
  });

  it('answers null for an unknown complaint and refuses a malformed id', async () => {
    expect((await t.graphql(COMPLAINT, { id: 'kn-none' })).body.data.complaint).toBeNull();
    expect((await t.graphql(COMPLAINT, { id: 'kn none' })).body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('lists every complaint by date received and flags those overdue today', async () => {
    const { nodes, hasNextPage } = await list({});
    expect(nodes.map((c: any) => [c.id, c.receivedOn, c.overdue])).toEqual([
      [`kn-${Y}-001`, `${Y}-01-06`, false],
      [`kn-${Y}-002`, `${Y}-01-12`, false],
      [`kn-${Y}-003`, `${Y}-01-13`, false],
      ['kn-007', `${Y}-01-20`, false],
      ['kn-003', `${Y}-02-01`, true],
      ['kn-006', `${Y}-02-03`, false],
      [`kn-${Y}-004`, `${Y}-02-03`, true],
      ['kn-004', `${Y}-02-10`, true],
      [`kn-${Y}-005`, `${Y}-02-10`, false],
      ['kn-005', `${Y}-03-15`, false],
    ]);
    expect(hasNextPage).toBe(false);
  });

  it('filters by status', async () => {
    expect(await ids({ status: 'RECEIVED' })).toEqual(['kn-003', 'kn-005']);
    expect(await ids({ status: 'ACCEPTED' })).toEqual(['kn-007', 'kn-006', `kn-${Y}-004`, 'kn-004']);
    expect(await ids({ status: 'RESOLVED' })).toEqual([`kn-${Y}-001`, `kn-${Y}-003`, `kn-${Y}-005`]);
    expect(await ids({ status: 'DISMISSED' })).toEqual([`kn-${Y}-002`]);
  });

  it('filters by the date they were overdue on, as they stood that day', async () => {
    expect(await ids({ overdueOn: TODAY })).toEqual(['kn-003', `kn-${Y}-004`, 'kn-004']);
    // Before kn-006 was accepted (late) and before kn-004's deadline.
    expect(await ids({ overdueOn: `${Y}-02-15` })).toEqual(['kn-003', 'kn-006']);
    expect(await ids({ overdueOn: `${Y}-02-15`, status: 'ACCEPTED' })).toEqual(['kn-006']);
    expect(await ids({ overdueOn: `${Y}-02-11` })).toEqual([]); // kn-003's tenth day: not yet
    expect(await ids({ overdueOn: `${Y}-02-12` })).toEqual(['kn-003']);
    // kn-007 (due 03-26) once its deadline passed; kn-005 ten days after receipt.
    expect(await ids({ overdueOn: `${Y}-03-27` })).toEqual(['kn-007', 'kn-003', `kn-${Y}-004`, 'kn-004', 'kn-005']);
    expect(await ids({ overdueOn: `${Y}-03-26` })).toEqual(['kn-003', `kn-${Y}-004`, 'kn-004', 'kn-005']);
    // The demo's extended denunciation past its first term (02-17), the complex complaint past its first (03-14).
    expect(await ids({ overdueOn: `${Y}-02-18`, kind: 'DENUNCIATION' })).toEqual([]);
    expect(await ids({ overdueOn: `${Y}-03-16`, kind: 'COMPLAINT' })).toEqual(['kn-003', `kn-${Y}-004`]);
  });

  it("agrees with each complaint's overdue flag for today", async () => {
    const { nodes } = await list({});
    expect(await ids({ overdueOn: TODAY })).toEqual(nodes.filter((c: any) => c.overdue).map((c: any) => c.id));
  });

  it('pages with an opaque cursor', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    const pages: boolean[] = [];
    for (;;) {
      const page: any = await list({ first: 2, after });
      seen.push(...page.nodes.map((c: any) => c.id));
      pages.push(page.hasNextPage);
      if (!page.hasNextPage) break;
      expect(page.endCursor).toEqual(expect.any(String));
      expect(page.endCursor).not.toContain(page.nodes[1].id); // opaque
      after = page.endCursor;
    }
    expect(pages).toEqual([true, true, true, true, false]);
    expect(seen).toEqual(await ids({}));
    // Pages of a filtered list.
    const first = await list({ status: 'ACCEPTED', first: 2 });
    expect(first.nodes.map((c: any) => c.id)).toEqual(['kn-007', 'kn-006']);
    const second = await list({ status: 'ACCEPTED', first: 2, after: first.endCursor });
    expect(second).toMatchObject({ nodes: [{ id: `kn-${Y}-004` }, { id: 'kn-004' }], hasNextPage: false });
    // An empty page has no cursor.
    expect(await list({ overdueOn: `${Y}-01-01` })).toEqual({ nodes: [], endCursor: null, hasNextPage: false });
  });

  it('refuses page sizes out of range and cursors it did not issue', async () => {
    const code = async (variables: Record<string, unknown>) =>
      (await t.graphql(COMPLAINTS, variables)).body.errors?.[0].extensions?.code;
    expect(await code({ first: 100 })).toBeUndefined();
    expect(await code({ first: 101 })).toBe('BAD_USER_INPUT');
    expect(await code({ first: 0 })).toBe('BAD_USER_INPUT');
    expect(await code({ first: -5 })).toBe('BAD_USER_INPUT');
    expect(await code({ after: 'not-a-cursor' })).toBe('BAD_USER_INPUT');
    expect(await code({ after: '' })).toBe('BAD_USER_INPUT');
    expect(await code({ after: Buffer.from(`audit:12345`).toString('base64url') })).toBe('BAD_USER_INPUT');
    expect(await code({ after: Buffer.from(`complaints:${Y}-02-30:kn-003`).toString('base64url') })).toBe(
      'BAD_USER_INPUT',
    );
    expect(await code({ after: Buffer.from(`complaints:${Y}-02-01:kn 003; DROP`).toString('base64url') })).toBe(
      'BAD_USER_INPUT',
    );
    expect(await code({ overdueOn: `${Y}-02-30` })).toBe('BAD_USER_INPUT');
    expect(await code({ status: 'PENDING' })).toBe('BAD_USER_INPUT');
  });

  it("looks up the complaints' awards and dossiers with one query each per request", async () => {
    const spy = jest.spyOn(t.app.services.pool, 'query');
    try {
      const { body } = await t.graphql(
        `{ complaints { nodes { id award { id decisionNumber revoked } dossier { id status } } } }`,
      );
      expect(body.errors).toBeUndefined();
      const byId = Object.fromEntries(body.data.complaints.nodes.map((c: any) => [c.id, c]));
      expect(byId['kn-003'].award).toMatchObject({
        id: year.awards['p-bui-van-minh'],
        decisionNumber: '125/QĐ-UBND',
        revoked: false,
      });
      expect(byId['kn-004']).toMatchObject({ award: null, dossier: { id: year.dossiers.fighter, status: 'GRANTED' } });
      expect(byId['kn-005']).toMatchObject({ award: null, dossier: null });
      const calls = (table: string) =>
        spy.mock.calls.filter(([sql]) => typeof sql === 'string' && sql.includes(`FROM ${table}`)).length;
      expect(calls('awards.awards')).toBe(1);
      expect(calls('dossiers.dossiers')).toBe(1);
    } finally {
      spy.mockRestore();
    }
  });
});
