import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { decisionAwardId, decisionStreamKey } from '../../src/decisions/decision.decider';
import { BallotChoice, PerformanceRating, SubjectKind } from '../../src/shared/domain';
import type { TestApp } from '../support/app';
import { authorization, type Actor } from '../support/auth';
import {
  GRANT,
  ORG,
  UNIT_OFFICER,
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
import { streamEvents } from '../support/streams';
import { caughtUp } from '../support/until';

const run = promisify(execFile);
const POPPLER = existsSync('/usr/bin/pdftotext');
// Without poppler-utils the PDF text check is skipped locally, never under CI.
const withPoppler = POPPLER || process.env.CI ? it : it.skip;
const popplerNote = POPPLER || process.env.CI ? '' : ' (skipped: poppler-utils is not installed)';

const RESULT = '{ id streamId version position eventTypes }';
const DRAFT = `mutation($input: DecisionDraftInput!) { draftDecision(input: $input) ${RESULT} }`;
const REVISE = `mutation($input: DecisionDraftInput!) { reviseDecisionDraft(input: $input) ${RESULT} }`;
const SIGN = `mutation($issuedByUnitId: ID!, $year: Int!, $number: String!) {
  signDecision(issuedByUnitId: $issuedByUnitId, year: $year, number: $number) ${RESULT} }`;
const DECISION = `query($issuedByUnitId: ID!, $year: Int!, $number: String!) {
  decision(issuedByUnitId: $issuedByUnitId, year: $year, number: $number) {
    id number status decidedOn signerName totalRewardVnd
    entries { dossierId awardId label subject { name } rewardVnd }
    awards { awardId dossierId subject { name } rewardVnd revoked } } }`;
const DECISIONS = `query($issuedByUnitId: ID!, $year: Int!) {
  decisions(issuedByUnitId: $issuedByUnitId, year: $year) { number status } }`;

const INSPECTOR: Actor = { sub: 'thanh-tra-1', role: 'INSPECTOR' };
const ANALYST: Actor = { sub: 'phan-tich-1', role: 'ANALYST' };
const NUMBER = '12/QĐ-THCS';
const STREAM = `decision-${decisionStreamKey(ORG.school, 2025, NUMBER)}`;
const KEY = { issuedByUnitId: ORG.school, year: 2025, number: NUMBER };

function draftInput(number: string, dossierIds: string[], overrides: Record<string, unknown> = {}) {
  return {
    issuedByUnitId: ORG.school,
    year: 2025,
    number,
    decidedOn: '2025-11-25',
    place: 'Bạch Thông',
    signerName: 'Lê Văn Tám',
    signerTitle: 'Hiệu trưởng',
    about: 'khen thưởng danh hiệu Lao động tiên tiến năm 2025',
    legalGrounds: ['Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022', 'Nghị định số 152/2025/NĐ-CP'],
    dossierIds,
    ...overrides,
  };
}

describe('decisions drafted, signed and printed in the system', () => {
  let t: TestApp;
  let work: string;
  const query = async (document: string, variables: Record<string, unknown>, as: Actor = INSPECTOR) =>
    (await t.graphql(document, variables, as)).body;

  beforeAll(async () => {
    t = await startOrganisationApp();
    const teachers: Array<[string, string]> = [
      ['gv-hoa', 'Nguyễn Thị Hoa'],
      ['gv-nam', 'Trần Văn Nam'],
      ['gv-ba', 'Lê Văn Ba'],
      ['gv-tu', 'Phạm Thị Tư'],
      ['gv-lan', 'Võ Thị Lan'],
    ];
    for (const [id, name] of teachers) {
      await seedRating(t, { kind: SubjectKind.INDIVIDUAL, id, name }, ORG.school, year(2025), PerformanceRating.GOOD);
      await submitDossier(t, { id: `qd-${id}`, nominee: person(id), award: 'ADVANCED_WORKER', period: year(2025) });
      await appraise(t, `qd-${id}`);
    }
    await runCouncil(
      t,
      's-qd',
      ['tv-1', 'tv-2', 'tv-3'],
      teachers.map(([id]) => `qd-${id}`),
      (dossierId) => (dossierId === 'qd-gv-ba' ? BallotChoice.REJECT : BallotChoice.APPROVE),
    );
    work = await mkdtemp(join(tmpdir(), 'decision-'));
  }, 180_000);
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
    await t.stop();
  });

  it('drafts a decision with computed amounts, and revises it while a draft', async () => {
    const drafted = await mutate(t, DRAFT, { input: draftInput(NUMBER, ['qd-gv-hoa']) });
    expect(drafted).toMatchObject({ streamId: STREAM, version: 1, eventTypes: ['DecisionDrafted'] });
    const revised = await mutate(t, REVISE, { input: draftInput(NUMBER, ['qd-gv-hoa', 'qd-gv-nam']) });
    await caughtUp(t, revised.position);
    const { data } = await query(DECISION, KEY);
    expect(data.decision).toMatchObject({
      number: NUMBER,
      status: 'DRAFT',
      decidedOn: '2025-11-25',
      totalRewardVnd: 1_420_000,
      entries: [
        {
          dossierId: 'qd-gv-hoa',
          label: 'Lao động tiên tiến',
          subject: { name: 'Nguyễn Thị Hoa' },
          rewardVnd: 710_000,
        },
        { dossierId: 'qd-gv-nam', subject: { name: 'Trần Văn Nam' }, rewardVnd: 710_000 },
      ],
      awards: [],
    });
  });

  it('refuses a number taken that year, a dossier that is not approved and signing an empty decision', async () => {
    await expectRefused(
      t,
      [STREAM],
      DRAFT,
      { input: draftInput(` ${NUMBER}`, ['qd-gv-tu']) },
      { code: 'RULE_VIOLATION', rule: 'DECISION_NUMBER_TAKEN' },
    );
    const rejectedDraft = `decision-${decisionStreamKey(ORG.school, 2025, '14/QĐ-THCS')}`;
    await expectRefused(
      t,
      [rejectedDraft],
      DRAFT,
      { input: draftInput('14/QĐ-THCS', ['qd-gv-ba']) },
      { code: 'RULE_VIOLATION', rule: 'DOSSIER_NOT_GRANTABLE', dossierId: 'qd-gv-ba', status: 'REJECTED' },
    );
    // Numbering restarts each year: the same number is free in 2024.
    const earlier = await mutate(t, DRAFT, { input: draftInput(NUMBER, [], { year: 2024, decidedOn: '2024-12-20' }) });
    expect(earlier.streamId).toBe(`decision-${decisionStreamKey(ORG.school, 2024, NUMBER)}`);
    await expectRefused(
      t,
      [earlier.streamId],
      SIGN,
      { ...KEY, year: 2024 },
      { code: 'RULE_VIOLATION', rule: 'DECISION_EMPTY' },
    );
  });

  it('refuses other roles: ANALYST and UNIT_OFFICER may not draft or sign, ANALYST may not read', async () => {
    await expectRefused(t, [STREAM], SIGN, KEY, { code: 'FORBIDDEN' }, ANALYST);
    await expectRefused(t, [STREAM], SIGN, KEY, { code: 'FORBIDDEN' }, UNIT_OFFICER);
    await expectRefused(t, [STREAM], REVISE, { input: draftInput(NUMBER, []) }, { code: 'FORBIDDEN' }, INSPECTOR);
    const read = await query(DECISION, KEY, ANALYST);
    expect(read.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('signs: the dossiers record their grants, the awards follow, and the decision lists them', async () => {
    const signed = await mutate(t, SIGN, KEY);
    expect(signed).toMatchObject({ streamId: STREAM, version: 3, eventTypes: ['DecisionSigned'] });
    await caughtUp(t, signed.position);
    const hoaAward = decisionAwardId(decisionStreamKey(ORG.school, 2025, NUMBER), 'qd-gv-hoa');
    const dossier = await streamEvents(t, 'dossier-qd-gv-hoa');
    expect(dossier.at(-1)).toMatchObject({
      type: 'DossierGranted',
      data: { awardId: hoaAward, decisionNumber: NUMBER },
    });
    expect((await streamEvents(t, `award-${hoaAward}`))[0]).toMatchObject({
      type: 'AwardGranted',
      data: { decisionNumber: NUMBER, decidedOn: '2025-11-25', signerName: 'Lê Văn Tám', rewardVnd: 710_000 },
    });
    const { data } = await query(DECISION, KEY);
    expect(data.decision.status).toBe('SIGNED');
    expect(data.decision.awards).toEqual([
      {
        awardId: hoaAward,
        dossierId: 'qd-gv-hoa',
        subject: { name: 'Nguyễn Thị Hoa' },
        rewardVnd: 710_000,
        revoked: false,
      },
      expect.objectContaining({ dossierId: 'qd-gv-nam', subject: { name: 'Trần Văn Nam' } }),
    ]);
    await expectRefused(t, [STREAM], SIGN, KEY, { code: 'RULE_VIOLATION', rule: 'DECISION_ALREADY_SIGNED' });
  });

  it('joins an award granted on paper under the same number to the decision', async () => {
    const paper = await mutate(t, GRANT, {
      input: {
        id: 'aw-paper-tu',
        dossierId: 'qd-gv-tu',
        decisionNumber: NUMBER,
        decidedOn: '2025-11-25',
        issuedByUnitId: ORG.school,
        signerName: 'Lê Văn Tám',
      },
    });
    await caughtUp(t, paper.position);
    const { data } = await query(DECISION, KEY);
    expect(data.decision.awards.map((a: any) => a.awardId)).toContain('aw-paper-tu');
    expect(data.decision.entries).toHaveLength(2);
    const list = await query(DECISIONS, { issuedByUnitId: ORG.school, year: 2025 });
    expect(list.data.decisions).toEqual([{ number: NUMBER, status: 'SIGNED' }]);
  });

  it("refuses signing when an entry's dossier was granted since the draft, leaving the decision as it was", async () => {
    const later = '15/QĐ-THCS';
    const laterStream = `decision-${decisionStreamKey(ORG.school, 2025, later)}`;
    await mutate(t, DRAFT, { input: draftInput(later, ['qd-gv-lan']) });
    const paper = await mutate(t, GRANT, {
      input: {
        dossierId: 'qd-gv-lan',
        decisionNumber: '99/QĐ-THCS',
        decidedOn: '2025-11-25',
        issuedByUnitId: ORG.school,
        signerName: 'Lê Văn Tám',
      },
    });
    await caughtUp(t, paper.position);
    await expectRefused(
      t,
      [laterStream, 'dossier-qd-gv-lan'],
      SIGN,
      { ...KEY, number: later },
      { code: 'RULE_VIOLATION', rule: 'DOSSIER_NOT_GRANTABLE', dossierId: 'qd-gv-lan', status: 'GRANTED' },
    );
  });

  it('serves the PDF to inspectors, refuses ANALYST, and answers 404 for a number the system does not hold', async () => {
    const url = (number: string) => `${t.url}/decisions/${ORG.school}/2025/${encodeURIComponent(number)}/decision.pdf`;
    const pdf = await fetch(url(NUMBER), { headers: await authorization(INSPECTOR) });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    await writeFile(join(work, 'decision.pdf'), Buffer.from(await pdf.arrayBuffer()));
    const forbidden = await fetch(url(NUMBER), { headers: await authorization(ANALYST) });
    expect(forbidden.status).toBe(403);
    expect(((await forbidden.json()) as any).errors[0].extensions.code).toBe('FORBIDDEN');
    const missing = await fetch(url('77/QĐ-THCS'), { headers: await authorization(INSPECTOR) });
    expect(missing.status).toBe(404);
  });

  withPoppler(`prints the number, the recipients with their diacritics and the amounts${popplerNote}`, async () => {
    const { stdout: text } = await run('pdftotext', ['-enc', 'UTF-8', join(work, 'decision.pdf'), '-']);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain(`Số: ${NUMBER}`);
    expect(text).toContain('Bạch Thông, ngày 25 tháng 11 năm 2025');
    expect(text).toContain('QUYẾT ĐỊNH');
    expect(text).toContain('Về việc khen thưởng danh hiệu Lao động tiên tiến năm 2025');
    expect(text).toContain('Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;');
    expect(text).toContain('Ông/Bà Nguyễn Thị Hoa');
    expect(text).toContain('Ông/Bà Trần Văn Nam');
    expect(text).toContain('710.000');
    expect(text).toContain('1.420.000');
    expect(text).toContain('Điều 3.');
    expect(text).toContain('Nơi nhận:');
    expect(text).toContain('Lê Văn Tám');
  });

  it('rebuilds the decisions read model from the log to the same rows', async () => {
    const rows = async () => ({
      decisions: (await t.db.pool.query('SELECT * FROM decisions.decisions ORDER BY decision_id')).rows,
      awards: (await t.db.pool.query('SELECT * FROM decisions.decision_awards ORDER BY award_id')).rows,
    });
    const live = await rows();
    expect(live.decisions).toHaveLength(3);
    await t.app.services.projections.rebuild('decisions');
    expect(await rows()).toEqual(live);
  });
});
