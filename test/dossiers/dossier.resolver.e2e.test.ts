import { AwardKind, MovementKind, PerformanceRating, SubjectKind } from '../../src/shared/domain';
import type { TestApp } from '../support/app';
import {
  ADMIN,
  APPRAISE,
  ELIGIBILITY,
  GRANT,
  ORG,
  RESUBMIT,
  RETURN,
  SECRETARIAT,
  SUBMIT,
  TEST_NOW,
  TODAY,
  UNIT_OFFICER,
  WITHDRAW,
  expectRefused,
  mutate,
  person,
  runCouncil,
  seedMovement,
  seedRating,
  startOrganisationApp,
  year,
} from '../support/awarding';
import { logExtent, streamEvents } from '../support/streams';

describe('dossiers over GraphQL: submit, return, resubmit, withdraw, appraise; the eligibility query', () => {
  let t: TestApp;
  const hoa = { kind: SubjectKind.INDIVIDUAL, id: 'gv-hoa', name: 'Nguyễn Thị Hoa' };
  const base = { proposingUnitId: ORG.school, achievements: 'Giáo viên dạy giỏi cấp huyện.' };

  beforeAll(async () => {
    t = await startOrganisationApp();
    await seedRating(t, hoa, ORG.school, year(2025), PerformanceRating.GOOD);
    await seedMovement(t, 'pt-chuyen-de', MovementKind.THEMATIC, ORG.province);
  });
  afterAll(async () => t.stop());

  it('submits with today as the submission date and the rule set in force, naming nominee and units from their streams', async () => {
    const result = await mutate(
      t,
      SUBMIT,
      { input: { ...base, id: 'd-hoa', nominee: person('gv-hoa'), award: 'ADVANCED_WORKER', period: year(2025) } },
      UNIT_OFFICER,
    );
    expect(result).toMatchObject({
      id: 'd-hoa',
      streamId: 'dossier-d-hoa',
      version: 1,
      eventTypes: ['DossierSubmitted'],
    });
    const [submitted] = await streamEvents(t, 'dossier-d-hoa');
    expect(submitted.data).toEqual({
      dossierId: 'd-hoa',
      proposingUnitId: ORG.school,
      proposingUnitName: 'Trường THCS Lê Lợi',
      nominee: hoa,
      nomineeUnitId: ORG.school,
      award: 'ADVANCED_WORKER',
      period: year(2025),
      movementId: null,
      movementThematic: false,
      achievements: base.achievements,
      submittedOn: TODAY,
      submittedAt: TEST_NOW.toISOString(),
      ruleSetId: 'tdkt-2025',
      procedure: 'STANDARD',
      achievedOn: null,
    });
    expect(submitted.metadata).toMatchObject({ actorId: 'officer-1', role: 'UNIT_OFFICER', ruleSetId: 'tdkt-2025' });
  });

  it('returns a dossier for supplement and takes it back resubmitted; refuses steps out of order, appending nothing', async () => {
    const stream = 'dossier-d-hoa';
    await expectRefused(
      t,
      [stream],
      RESUBMIT,
      { dossierId: 'd-hoa', achievements: 'Bổ sung' },
      { code: 'RULE_VIOLATION', rule: 'DOSSIER_NOT_RETURNED' },
      UNIT_OFFICER,
    );
    const returned = await mutate(t, RETURN, { dossierId: 'd-hoa', reason: 'Thiếu minh chứng sáng kiến' });
    expect(returned).toMatchObject({ version: 2, eventTypes: ['DossierReturned'] });
    await expectRefused(
      t,
      [stream],
      APPRAISE,
      { dossierId: 'd-hoa' },
      { code: 'RULE_VIOLATION', rule: 'DOSSIER_NOT_AWAITING_APPRAISAL', status: 'RETURNED' },
    );
    await expectRefused(
      t,
      [stream],
      RETURN,
      { dossierId: 'd-hoa', reason: 'again' },
      { code: 'RULE_VIOLATION', rule: 'DOSSIER_NOT_AWAITING_APPRAISAL' },
    );
    const resubmitted = await mutate(
      t,
      RESUBMIT,
      { dossierId: 'd-hoa', achievements: 'Đã bổ sung minh chứng.' },
      UNIT_OFFICER,
    );
    expect(resubmitted).toMatchObject({ version: 3, eventTypes: ['DossierResubmitted'] });
    const events = await streamEvents(t, stream);
    expect(events.map((e) => e.type)).toEqual(['DossierSubmitted', 'DossierReturned', 'DossierResubmitted']);
    expect(events[1].data).toMatchObject({ reason: 'Thiếu minh chứng sáng kiến', returnNo: 1 });
    expect(events[2].data).toMatchObject({ achievements: 'Đã bổ sung minh chứng.', returnNo: 1, nominee: hoa });
  });

  it('appraises with the rule engine: ELIGIBLE, every check recorded with the rule set', async () => {
    const result = await mutate(t, APPRAISE, { dossierId: 'd-hoa', note: 'Đủ điều kiện' });
    expect(result).toMatchObject({ version: 4, eventTypes: ['DossierAppraised'] });
    const appraised = (await streamEvents(t, 'dossier-d-hoa'))[3];
    expect(appraised.data).toMatchObject({
      eligible: true,
      ruleSetId: 'tdkt-2025',
      note: 'Đủ điều kiện',
      appraisedAt: TEST_NOW.toISOString(),
    });
    expect(appraised.data.checks).toEqual([
      { rule: 'RATING', passed: true, detail: 'rated GOOD for 2025; ADVANCED_WORKER needs GOOD or EXCELLENT' },
      { rule: 'ONE_AWARD_PER_ACHIEVEMENT', passed: true, detail: 'holds no ADVANCED_WORKER for 2025 yet' },
      { rule: 'PENDING_COMPLAINT', passed: true, detail: 'no complaint or denunciation about the subject is pending' },
    ]);
    expect(appraised.metadata.ruleSetId).toBe('tdkt-2025');
    await expectRefused(
      t,
      ['dossier-d-hoa'],
      APPRAISE,
      { dossierId: 'd-hoa' },
      { code: 'RULE_VIOLATION', rule: 'DOSSIER_NOT_AWAITING_APPRAISAL', status: 'ELIGIBLE' },
    );
  });

  it('appraises INELIGIBLE when a condition fails, naming it', async () => {
    const id = (
      await mutate(t, SUBMIT, {
        input: { ...base, nominee: person('gv-nam'), award: 'ADVANCED_WORKER', period: year(2025) },
      })
    ).id;
    await mutate(t, APPRAISE, { dossierId: id });
    const appraised = (await streamEvents(t, `dossier-${id}`))[1];
    expect(appraised.data.eligible).toBe(false);
    expect(appraised.data.checks[0]).toEqual({
      rule: 'RATING',
      passed: false,
      detail: 'no rating recorded for 2025; ADVANCED_WORKER needs GOOD or EXCELLENT',
    });
  });

  it('withdraws a dossier, once', async () => {
    const id = (
      await mutate(t, SUBMIT, {
        input: { ...base, id: 'd-rut', nominee: person('gv-ba'), award: 'CERTIFICATE_OF_MERIT', period: year(2025) },
      })
    ).id;
    const result = await mutate(t, WITHDRAW, { dossierId: id, reason: 'Đơn vị rút hồ sơ' }, UNIT_OFFICER);
    expect(result).toMatchObject({ id: 'd-rut', version: 2, eventTypes: ['DossierWithdrawn'] });
    expect((await streamEvents(t, 'dossier-d-rut'))[1].data).toMatchObject({
      reason: 'Đơn vị rút hồ sơ',
      statusBefore: 'SUBMITTED',
    });
    await expectRefused(
      t,
      ['dossier-d-rut'],
      WITHDRAW,
      { dossierId: id, reason: 'again' },
      { code: 'RULE_VIOLATION', rule: 'DOSSIER_ALREADY_WITHDRAWN' },
      UNIT_OFFICER,
    );
    await expectRefused(
      t,
      ['dossier-d-rut'],
      APPRAISE,
      { dossierId: id },
      { code: 'RULE_VIOLATION', rule: 'DOSSIER_NOT_AWAITING_APPRAISAL', status: 'WITHDRAWN' },
    );
  });

  it('refuses a back-dated submission by a UNIT_OFFICER (FORBIDDEN); the secretariat back-dates and gets the rule set of that date', async () => {
    const input = {
      ...base,
      id: 'd-cu',
      nominee: person('gv-tu'),
      award: 'ADVANCED_WORKER',
      period: year(2023),
      submittedOn: '2023-12-15',
    };
    await expectRefused(t, ['dossier-d-cu'], SUBMIT, { input }, { code: 'FORBIDDEN' }, UNIT_OFFICER);
    await expectRefused(t, ['dossier-d-cu'], SUBMIT, { input }, { code: 'UNAUTHENTICATED' }, null);
    await mutate(t, SUBMIT, { input }, SECRETARIAT);
    const [archived] = await streamEvents(t, 'dossier-d-cu');
    expect(archived.data).toMatchObject({ submittedOn: '2023-12-15', ruleSetId: 'tdkt-2013' });
    expect(archived.metadata).toMatchObject({ role: 'SECRETARIAT', ruleSetId: 'tdkt-2013' });
    await mutate(
      t,
      SUBMIT,
      { input: { ...input, id: 'd-2024', submittedOn: '2024-03-01', period: year(2024) } },
      ADMIN,
    );
    expect((await streamEvents(t, 'dossier-d-2024'))[0].data.ruleSetId).toBe('tdkt-2022');
    // A submission date in the future is malformed whoever sends it.
    await expectRefused(
      t,
      ['dossier-d-sau'],
      SUBMIT,
      { input: { ...input, id: 'd-sau', submittedOn: '2026-01-05' } },
      { code: 'BAD_USER_INPUT', field: 'submittedOn' },
    );
  });

  it('records whether the dossier comes from a thematic movement', async () => {
    await mutate(t, SUBMIT, {
      input: {
        ...base,
        id: 'd-cd',
        nominee: person('gv-lan'),
        award: 'CERTIFICATE_OF_MERIT',
        period: year(2025),
        movementId: 'pt-chuyen-de',
      },
    });
    expect((await streamEvents(t, 'dossier-d-cd'))[0].data).toMatchObject({
      movementId: 'pt-chuyen-de',
      movementThematic: true,
    });
    await expectRefused(
      t,
      ['dossier-d-nomove'],
      SUBMIT,
      {
        input: {
          ...base,
          id: 'd-nomove',
          nominee: person('gv-lan'),
          award: 'CERTIFICATE_OF_MERIT',
          period: year(2025),
          movementId: 'khong-co',
        },
      },
      {
        code: 'NOT_FOUND',
        entity: 'Movement',
        id: 'khong-co',
      },
    );
  });

  it('refuses unknown units and nominees (NOT_FOUND), an award for the wrong kind of subject (RULE_VIOLATION) and malformed input (BAD_USER_INPUT)', async () => {
    const stream = 'dossier-d-bad';
    const ok = { ...base, id: 'd-bad', nominee: person('gv-hoa'), award: 'ADVANCED_WORKER', period: year(2025) };
    await expectRefused(
      t,
      [stream],
      SUBMIT,
      { input: { ...ok, proposingUnitId: 'khong-co' } },
      { code: 'NOT_FOUND', entity: 'Unit', id: 'khong-co' },
    );
    await expectRefused(
      t,
      [stream],
      SUBMIT,
      { input: { ...ok, nominee: person('khong-co') } },
      { code: 'NOT_FOUND', entity: 'Person', id: 'khong-co' },
    );
    await expectRefused(
      t,
      [stream],
      SUBMIT,
      { input: { ...ok, nominee: { kind: 'COLLECTIVE', id: 'khong-co' } } },
      { code: 'NOT_FOUND', entity: 'Unit' },
    );
    await expectRefused(
      t,
      [stream],
      SUBMIT,
      { input: { ...ok, nominee: { kind: 'COLLECTIVE', id: ORG.school } } },
      { code: 'RULE_VIOLATION', rule: 'AWARD_SUBJECT_KIND' },
    );
    const bad = [
      { ...ok, period: { kind: 'CALENDAR_YEAR', year: 1900 } },
      { ...ok, achievements: '' },
      { ...ok, achievements: 'x'.repeat(20_001) },
      { ...ok, nominee: { kind: 'INDIVIDUAL', id: 'has space' } },
      { ...ok, submittedOn: '2025-02-30' },
    ];
    for (const input of bad) await expectRefused(t, [stream], SUBMIT, { input }, { code: 'BAD_USER_INPUT' });
    const nested = await expectRefused(
      t,
      [stream],
      SUBMIT,
      { input: { ...ok, nominee: { kind: 'INDIVIDUAL', id: 'has space' } } },
      { code: 'BAD_USER_INPUT' },
    );
    expect(nested.extensions?.validationErrors[0].field).toBe('nominee.id');
    const period = await expectRefused(
      t,
      [stream],
      SUBMIT,
      { input: { ...ok, period: { kind: 'SCHOOL_YEAR', year: 1944 } } },
      { code: 'BAD_USER_INPUT' },
    );
    expect(period.extensions?.validationErrors[0].field).toBe('period.year');
    await expectRefused(
      t,
      ['dossier-nope'],
      RETURN,
      { dossierId: 'nope', reason: 'x' },
      { code: 'NOT_FOUND', entity: 'Dossier', id: 'nope' },
    );
    await expectRefused(
      t,
      ['dossier-nope'],
      APPRAISE,
      { dossierId: 'nope' },
      { code: 'NOT_FOUND', entity: 'Dossier', id: 'nope' },
    );
    await expectRefused(t, ['dossier-d-hoa'], RETURN, { dossierId: 'd-hoa', reason: '' }, { code: 'BAD_USER_INPUT' });
  });

  it('appraises on facts that include the award granted just before, even while an older transaction holds the log head back', async () => {
    const lan = { kind: SubjectKind.INDIVIDUAL, id: 'gv-lan', name: 'Võ Thị Lan' };
    await seedRating(t, lan, ORG.school, year(2025), PerformanceRating.EXCELLENT);
    await mutate(t, SUBMIT, {
      input: { ...base, id: 'aw-lan', nominee: person('gv-lan'), award: 'ADVANCED_WORKER', period: year(2025) },
    });
    await mutate(t, APPRAISE, { dossierId: 'aw-lan' });
    await runCouncil(t, 's-lan', ['tv-1', 'tv-2', 'tv-3'], ['aw-lan']);
    await mutate(t, SUBMIT, {
      input: {
        ...base,
        id: 'gef-lan',
        nominee: person('gv-lan'),
        award: 'GRASSROOTS_EMULATION_FIGHTER',
        period: year(2025),
      },
    });

    // A transaction that started before the grant (like a projection batch) is still open:
    // the store's safely readable head stays below the grant until it ends.
    const older = await t.db.pool.connect();
    let appraised = false;
    try {
      await older.query('BEGIN');
      await older.query('SELECT pg_current_xact_id()');
      await mutate(t, GRANT, {
        input: {
          id: 'a-lan',
          dossierId: 'aw-lan',
          decisionNumber: '1/QĐ-THCS',
          decidedOn: TODAY,
          issuedByUnitId: ORG.school,
          signerName: 'Hiệu trưởng',
        },
      });
      const appraisal = mutate(t, APPRAISE, { dossierId: 'gef-lan' }).then(() => (appraised = true));
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(appraised).toBe(false);
      await older.query('COMMIT');
      await appraisal;
    } finally {
      older.release();
    }
    const result = (await streamEvents(t, 'dossier-gef-lan')).at(-1)!.data;
    expect(result.checks[0]).toEqual({
      rule: 'ADVANCED_WORKER_SAME_PERIOD',
      passed: true,
      detail: 'holds ADVANCED_WORKER for 2025',
    });
    expect(result.eligible).toBe(true);
  });

  it('answers the eligibility query with the rule set in force today, appending nothing', async () => {
    const log = await logExtent(t);
    const { body } = await t.graphql(ELIGIBILITY, {
      subject: person('gv-hoa'),
      award: 'GRASSROOTS_EMULATION_FIGHTER',
      period: year(2025),
    });
    expect(body.errors).toBeUndefined();
    expect(body.data.eligibility).toEqual({
      eligible: false,
      ruleSet: 'tdkt-2025',
      checks: [
        {
          rule: 'ADVANCED_WORKER_SAME_PERIOD',
          passed: false,
          detail: 'does not hold ADVANCED_WORKER for 2025 (revoked awards do not count)',
        },
        {
          rule: 'INITIATIVE_OR_EXCELLENT',
          passed: false,
          detail:
            'rated GOOD for 2025, 0 initiatives recognised for 2025 at grassroots level or above; needs an EXCELLENT rating or at least 1 initiative',
        },
        {
          rule: 'ONE_AWARD_PER_ACHIEVEMENT',
          passed: true,
          detail: 'holds no GRASSROOTS_EMULATION_FIGHTER for 2025 yet',
        },
        {
          rule: 'PENDING_COMPLAINT',
          passed: true,
          detail: 'no complaint or denunciation about the subject is pending',
        },
      ],
    });
    const advanced = await t.graphql(ELIGIBILITY, {
      subject: person('gv-hoa'),
      award: 'ADVANCED_WORKER',
      period: year(2025),
    });
    expect(advanced.body.data.eligibility).toMatchObject({ eligible: true, ruleSet: 'tdkt-2025' });
    expect(await logExtent(t)).toEqual(log);

    const unknown = await t.graphql(ELIGIBILITY, {
      subject: person('khong-co'),
      award: 'ADVANCED_WORKER',
      period: year(2025),
    });
    expect(unknown.body.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', entity: 'Person' });
    const wrongKind = await t.graphql(ELIGIBILITY, {
      subject: { kind: 'COLLECTIVE', id: ORG.school },
      award: AwardKind.ADVANCED_WORKER,
      period: year(2025),
    });
    expect(wrongKind.body.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'AWARD_SUBJECT_KIND' });
    const badYear = await t.graphql(ELIGIBILITY, {
      subject: person('gv-hoa'),
      award: 'ADVANCED_WORKER',
      period: { kind: 'CALENDAR_YEAR', year: 2101 },
    });
    expect(badYear.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const flag = await t.graphql(ELIGIBILITY, {
      subject: { kind: 'COLLECTIVE', id: ORG.school },
      award: 'PROVINCIAL_EMULATION_FLAG',
      period: year(2025),
    });
    expect(flag.body.data.eligibility.checks[0]).toEqual({
      rule: 'CLUSTER_LEADER',
      passed: false,
      detail: 'no finalized cluster ranking for 2025; the flag needs rank 1',
    });
    expect(await logExtent(t)).toEqual(log);
  });
});
