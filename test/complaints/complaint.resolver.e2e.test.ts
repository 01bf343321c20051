import type { Actor } from '../support/auth';
import { countPendingComplaintsAbout } from '../../projections/complaints/complaints.queries';
import { PerformanceRating, SubjectKind } from '../../src/shared/domain';
import type { TestApp } from '../support/app';
import {
  ACCEPT_COMPLAINT,
  DISMISS_COMPLAINT,
  ELIGIBILITY,
  FILE_COMPLAINT,
  GRANT,
  ORG,
  RESOLVE_COMPLAINT,
  appraise,
  expectRefused,
  mutate,
  person,
  runCouncil,
  seedRating,
  startOrganisationApp,
  submitDossier,
  year,
} from '../support/awarding';
import { lastPosition, streamEvents } from '../support/streams';
import { caughtUp } from '../support/until';

/** Complaint handling runs a few weeks after the decisions. */
const NOW = new Date('2025-12-15T03:00:00.000Z');
const OFFICER: Actor = { sub: 'kn-1', role: 'COMPLAINT_OFFICER' };

describe('complaints over GraphQL: file, accept, dismiss, resolve (revoking the award in the same command)', () => {
  let t: TestApp;
  const hoa = { kind: SubjectKind.INDIVIDUAL, id: 'gv-hoa', name: 'Nguyễn Thị Hoa' };
  const nam = { kind: SubjectKind.INDIVIDUAL, id: 'gv-nam', name: 'Trần Văn Nam' };
  const ba = { kind: SubjectKind.INDIVIDUAL, id: 'gv-ba', name: 'Lê Văn Ba' };
  const filing = {
    kind: 'COMPLAINT',
    complainantName: 'Trần Thị Mai',
    receivedOn: '2025-11-21',
    content: 'Thành tích kê khai không đúng sự thật.',
  };

  beforeAll(async () => {
    t = await startOrganisationApp({ now: () => NOW });
    for (const teacher of [hoa, nam, ba]) await seedRating(t, teacher, ORG.school, year(2025), PerformanceRating.GOOD);
    for (const [id, nominee] of [
      ['aw-hoa', 'gv-hoa'],
      ['aw-nam', 'gv-nam'],
      ['aw-ba', 'gv-ba'],
    ]) {
      await submitDossier(t, { id, nominee: person(nominee), award: 'ADVANCED_WORKER', period: year(2025) });
      await appraise(t, id);
    }
    await runCouncil(t, 's-1', ['tv-1', 'tv-2', 'tv-3'], ['aw-hoa', 'aw-nam', 'aw-ba']);
    const decision = {
      decisionNumber: '125/QĐ-THCS',
      decidedOn: '2025-11-25',
      issuedByUnitId: ORG.school,
      signerName: 'Lê Văn Tám',
    };
    await mutate(t, GRANT, { input: { ...decision, id: 'a-hoa', dossierId: 'aw-hoa' } });
    await mutate(t, GRANT, { input: { ...decision, id: 'a-nam', dossierId: 'aw-nam' } });
  });
  afterAll(async () => t.stop());

  it('files a complaint about an award: its subject is the award’s, and it must be accepted within 10 days', async () => {
    const result = await mutate(t, FILE_COMPLAINT, { input: { ...filing, id: 'kn-1', awardId: 'a-hoa' } }, OFFICER);
    expect(result).toMatchObject({
      id: 'kn-1',
      streamId: 'complaint-kn-1',
      version: 1,
      eventTypes: ['ComplaintFiled'],
    });
    const [filed] = await streamEvents(t, 'complaint-kn-1');
    expect(filed.data).toEqual({
      complaintId: 'kn-1',
      kind: 'COMPLAINT',
      complainantName: 'Trần Thị Mai',
      receivedOn: '2025-11-21',
      content: filing.content,
      awardId: 'a-hoa',
      dossierId: null,
      subject: hoa,
      acceptanceDueOn: '2025-12-01',
      filedAt: NOW.toISOString(),
    });
    expect(filed.metadata).toMatchObject({ actorId: 'kn-1', role: 'COMPLAINT_OFFICER' });

    // Pending about the subject: the 2025 rule set allows no award until it is settled.
    const { body } = await t.graphql(ELIGIBILITY, {
      subject: person('gv-hoa'),
      award: 'CERTIFICATE_OF_MERIT',
      period: year(2025),
    });
    expect(body.data.eligibility.checks).toContainEqual({
      rule: 'PENDING_COMPLAINT',
      passed: false,
      detail:
        '1 complaint or denunciation about the subject pending; tdkt-2025 allows no award until resolved (from 2025-07-01)',
    });
  });

  it('refuses a complaint that names nothing, an unknown award, dossier or subject, a subject other than the award’s, and malformed input', async () => {
    const stream = ['complaint-kn-x'];
    const input = { ...filing, id: 'kn-x' };
    await expectRefused(
      t,
      stream,
      FILE_COMPLAINT,
      { input },
      { code: 'RULE_VIOLATION', rule: 'COMPLAINT_TARGET_REQUIRED' },
      OFFICER,
    );
    await expectRefused(
      t,
      stream,
      FILE_COMPLAINT,
      { input: { ...input, awardId: 'khong-co' } },
      { code: 'NOT_FOUND', entity: 'Award' },
      OFFICER,
    );
    await expectRefused(
      t,
      stream,
      FILE_COMPLAINT,
      { input: { ...input, dossierId: 'khong-co' } },
      { code: 'NOT_FOUND', entity: 'Dossier' },
      OFFICER,
    );
    await expectRefused(
      t,
      stream,
      FILE_COMPLAINT,
      { input: { ...input, subject: person('khong-co') } },
      { code: 'NOT_FOUND', entity: 'Person' },
      OFFICER,
    );
    await expectRefused(
      t,
      stream,
      FILE_COMPLAINT,
      { input: { ...input, awardId: 'a-hoa', subject: person('gv-nam') } },
      { code: 'BAD_USER_INPUT', field: 'subject' },
      OFFICER,
    );
    await expectRefused(
      t,
      stream,
      FILE_COMPLAINT,
      { input: { ...input, awardId: 'a-hoa', dossierId: 'aw-nam' } },
      { code: 'BAD_USER_INPUT', field: 'dossierId' },
      OFFICER,
    );
    await expectRefused(
      t,
      stream,
      FILE_COMPLAINT,
      { input: { ...input, subject: person('gv-hoa'), complainantName: '' } },
      { code: 'BAD_USER_INPUT' },
      OFFICER,
    );
    await expectRefused(
      t,
      stream,
      FILE_COMPLAINT,
      { input: { ...input, subject: person('gv-hoa'), content: 'x'.repeat(20_001) } },
      { code: 'BAD_USER_INPUT' },
      OFFICER,
    );
    await expectRefused(
      t,
      stream,
      FILE_COMPLAINT,
      { input: { ...input, subject: person('gv-hoa'), kind: 'RUMOUR' } },
      { code: 'BAD_USER_INPUT' },
      OFFICER,
    );
  });

  it('accepts a complaint and stores its due date: 30 days, 45 if complex', async () => {
    await expectRefused(
      t,
      ['complaint-kn-1'],
      ACCEPT_COMPLAINT,
      { complaintId: 'kn-1', acceptedOn: '2025-11-20' },
      { code: 'BAD_USER_INPUT', field: 'acceptedOn' },
      OFFICER,
    );
    const result = await mutate(
      t,
      ACCEPT_COMPLAINT,
      { complaintId: 'kn-1', acceptedOn: '2025-11-24', complex: true },
      OFFICER,
    );
    expect(result).toMatchObject({ version: 2, eventTypes: ['ComplaintAccepted'] });
    expect((await streamEvents(t, 'complaint-kn-1'))[1].data).toMatchObject({
      acceptedOn: '2025-11-24',
      complex: true,
      remoteArea: false,
      dueOn: '2026-01-08',
    });
    await caughtUp(t, result.position);
    const row = (
      await t.app.services.pool.query(
        `SELECT status, to_char(due_on, 'YYYY-MM-DD') AS due_on, complex FROM complaints.complaints WHERE complaint_id = 'kn-1'`,
      )
    ).rows[0];
    expect(row).toEqual({ status: 'ACCEPTED', due_on: '2026-01-08', complex: true });
    expect(await countPendingComplaintsAbout(t.app.services.pool, person('gv-hoa'))).toBe(1);
    await expectRefused(
      t,
      ['complaint-kn-1'],
      ACCEPT_COMPLAINT,
      { complaintId: 'kn-1', acceptedOn: '2025-11-25' },
      { code: 'RULE_VIOLATION', rule: 'COMPLAINT_STATUS', status: 'ACCEPTED' },
      OFFICER,
    );
    await expectRefused(
      t,
      ['complaint-khong-co'],
      ACCEPT_COMPLAINT,
      { complaintId: 'khong-co', acceptedOn: '2025-11-25' },
      { code: 'NOT_FOUND', entity: 'Complaint' },
      OFFICER,
    );
  });

  it('resolves UPHELD with revokeAward: ComplaintResolved, then AwardRevoked as its consequence', async () => {
    const streams = ['complaint-kn-1', 'award-a-hoa'];
    const input = {
      complaintId: 'kn-1',
      outcome: 'UPHELD',
      resolution: 'Thành tích không đúng; thu hồi danh hiệu.',
      decidedOn: '2025-12-10',
      revokeAward: true,
      decisionNumber: '12/QĐ-GQKN',
    };
    await expectRefused(
      t,
      streams,
      RESOLVE_COMPLAINT,
      { input: { ...input, outcome: 'REJECTED' } },
      { code: 'RULE_VIOLATION', rule: 'REVOCATION_NEEDS_UPHELD' },
      OFFICER,
    );
    await expectRefused(
      t,
      streams,
      RESOLVE_COMPLAINT,
      { input: { ...input, resolution: '' } },
      { code: 'BAD_USER_INPUT' },
      OFFICER,
    );

    const result = await mutate(t, RESOLVE_COMPLAINT, { input }, OFFICER);
    expect(result).toMatchObject({
      id: 'kn-1',
      streamId: 'complaint-kn-1',
      version: 3,
      eventTypes: ['ComplaintResolved'],
    });
    expect(result.position).toBe(await lastPosition(t, ['complaint-kn-1']));
    await caughtUp(t, result.position);
    expect((await streamEvents(t, 'complaint-kn-1'))[2].data).toMatchObject({
      outcome: 'UPHELD',
      revokeAward: true,
      revokedAwardId: 'a-hoa',
      revocationDecisionNumber: '12/QĐ-GQKN',
      decidedOn: '2025-12-10',
    });
    const revoked = (await streamEvents(t, 'award-a-hoa'))[1];
    expect(revoked.type).toBe('AwardRevoked');
    expect(revoked.data).toMatchObject({
      awardId: 'a-hoa',
      complaintId: 'kn-1',
      reason: input.resolution,
      decisionNumber: '12/QĐ-GQKN',
      subject: hoa,
    });
    expect(revoked.metadata).toMatchObject({ causationId: 'complaint-kn-1@3' });

    expect(await countPendingComplaintsAbout(t.app.services.pool, person('gv-hoa'))).toBe(0);
    expect(
      (await t.app.services.pool.query(`SELECT revoked FROM awards.awards WHERE award_id = 'a-hoa'`)).rows[0].revoked,
    ).toBe(true);
    await expectRefused(
      t,
      streams,
      RESOLVE_COMPLAINT,
      { input },
      { code: 'RULE_VIOLATION', rule: 'COMPLAINT_STATUS', status: 'RESOLVED' },
      OFFICER,
    );
  });

  it('revokes the award granted from a complaint’s dossier, refuses when the dossier yielded none, and leaves the award when not asked to', async () => {
    await mutate(
      t,
      FILE_COMPLAINT,
      { input: { ...filing, id: 'kn-2', kind: 'DENUNCIATION', dossierId: 'aw-nam' } },
      OFFICER,
    );
    expect((await streamEvents(t, 'complaint-kn-2'))[0].data.subject).toEqual(nam);
    await mutate(t, ACCEPT_COMPLAINT, { complaintId: 'kn-2', acceptedOn: '2025-11-22' }, OFFICER);
    expect((await streamEvents(t, 'complaint-kn-2'))[1].data.dueOn).toBe('2025-12-22'); // a denunciation: 30 days
    const resolved = await mutate(
      t,
      RESOLVE_COMPLAINT,
      {
        input: {
          complaintId: 'kn-2',
          outcome: 'PARTIALLY_UPHELD',
          resolution: 'Một phần đúng.',
          decidedOn: '2025-12-01',
          revokeAward: true,
        },
      },
      OFFICER,
    );
    expect(resolved.eventTypes).toEqual(['ComplaintResolved']);
    await caughtUp(t, resolved.position);
    expect((await streamEvents(t, 'award-a-nam'))[1].data).toMatchObject({
      complaintId: 'kn-2',
      decisionNumber: 'complaint-kn-2',
    });

    await mutate(t, FILE_COMPLAINT, { input: { ...filing, id: 'kn-3', dossierId: 'aw-ba' } }, OFFICER);
    await mutate(t, ACCEPT_COMPLAINT, { complaintId: 'kn-3', acceptedOn: '2025-11-22' }, OFFICER);
    await expectRefused(
      t,
      ['complaint-kn-3'],
      RESOLVE_COMPLAINT,
      {
        input: {
          complaintId: 'kn-3',
          outcome: 'UPHELD',
          resolution: 'Đúng.',
          decidedOn: '2025-12-01',
          revokeAward: true,
        },
      },
      {
        code: 'RULE_VIOLATION',
        rule: 'NO_AWARD_TO_REVOKE',
      },
      OFFICER,
    );
    const kept = await mutate(
      t,
      RESOLVE_COMPLAINT,
      {
        input: {
          complaintId: 'kn-3',
          outcome: 'UPHELD',
          resolution: 'Đúng một phần, chưa đến mức thu hồi.',
          decidedOn: '2025-12-01',
        },
      },
      OFFICER,
    );
    expect(kept.eventTypes).toEqual(['ComplaintResolved']);
    expect((await streamEvents(t, 'complaint-kn-3'))[2].data).toMatchObject({
      revokeAward: false,
      revokedAwardId: null,
    });
  });

  it('dismisses a petition within the 10 days, once', async () => {
    await mutate(
      t,
      FILE_COMPLAINT,
      { input: { ...filing, id: 'kn-4', kind: 'PETITION', subject: { kind: 'COLLECTIVE', id: ORG.school } } },
      OFFICER,
    );
    expect((await streamEvents(t, 'complaint-kn-4'))[0].data.subject).toEqual({
      kind: 'COLLECTIVE',
      id: ORG.school,
      name: 'Trường THCS Lê Lợi',
    });
    const result = await mutate(
      t,
      DISMISS_COMPLAINT,
      { complaintId: 'kn-4', reason: 'Không thuộc thẩm quyền', decidedOn: '2025-11-25' },
      OFFICER,
    );
    expect(result).toMatchObject({ version: 2, eventTypes: ['ComplaintDismissed'] });
    await expectRefused(
      t,
      ['complaint-kn-4'],
      DISMISS_COMPLAINT,
      { complaintId: 'kn-4', reason: 'again', decidedOn: '2025-11-26' },
      { code: 'RULE_VIOLATION', rule: 'COMPLAINT_STATUS', status: 'DISMISSED' },
      OFFICER,
    );
    await expectRefused(
      t,
      ['complaint-kn-4'],
      DISMISS_COMPLAINT,
      { complaintId: 'kn-4', reason: 'x', decidedOn: 'soon' },
      { code: 'BAD_USER_INPUT' },
      OFFICER,
    );
    await caughtUp(t, result.position);
    const row = (
      await t.app.services.pool.query(
        `SELECT status, to_char(resolved_on, 'YYYY-MM-DD') AS resolved_on, subject_kind FROM complaints.complaints WHERE complaint_id = 'kn-4'`,
      )
    ).rows[0];
    expect(row).toEqual({ status: 'DISMISSED', resolved_on: '2025-11-25', subject_kind: 'COLLECTIVE' });
  });
});
