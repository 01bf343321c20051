import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PNG } from 'pngjs';
import type { AwardGranted } from '../../src/awards/award.events';
import { DEMO_YEAR } from '../../src/demo/demoData';
import { SUDDEN_AWARD } from '../../src/demo/demoSuddenAward';
import { Expected } from '../../src/eventStore/eventStore.port';
import { AuthorityLevel, AwardCategory, AwardKind, SubjectKind } from '../../src/shared/domain';
import { expectRefused, mutate, type TestApp } from '../support/app';
import { authorization, type Actor } from '../support/auth';
import { startDemoApp } from '../support/demo';
import { testEvent } from '../support/events';
import { grantedAwardFixture } from '../support/grantedAward';
import { streamEvents, typeAndData } from '../support/streams';
import { caughtUp } from '../support/until';

const run = promisify(execFile);
const PRINT = 'mutation($awardId: ID!) { printCertificate(awardId: $awardId) { id position } }';
const INSPECTOR: Actor = { sub: 'thanh-tra-1', role: 'INSPECTOR' };
const ANALYST: Actor = { sub: 'phan-tich-1', role: 'ANALYST' };
const ISSUER = 'huyen-bach-thong';
const REGISTER = `certificate_register-${ISSUER}:${DEMO_YEAR}`;
const DECIDED_ON = `${DEMO_YEAR}-12-10`;
const RECIPIENT = 'Lương Thị Hường';
const COLLECTIVE = 'Tổ Toán - Tin trường THCS Quân Hà';

const POPPLER = existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/pdftoppm');
// Without poppler-utils the PDF checks are skipped locally, never under CI.
const withPoppler = POPPLER || process.env.CI ? it : it.skip;
const popplerNote = POPPLER || process.env.CI ? '' : ' (skipped: poppler-utils is not installed)';

function certificateAward(awardId: string, overrides: Partial<AwardGranted['data']> = {}): AwardGranted['data'] {
  return grantedAwardFixture({
    awardId,
    dossierId: `d-${awardId}`,
    award: AwardKind.CERTIFICATE_OF_MERIT,
    category: AwardCategory.COMMENDATION,
    label: 'Giấy khen',
    subject: { kind: SubjectKind.INDIVIDUAL, id: `p-${awardId}`, name: RECIPIENT },
    subjectUnitId: ISSUER,
    period: { kind: grantedAwardFixture().period.kind, year: DEMO_YEAR },
    decisionNumber: '88/QĐ-UBND',
    decidedOn: DECIDED_ON,
    issuedByUnitId: ISSUER,
    issuedByLevel: AuthorityLevel.DISTRICT,
    signerName: 'Hoàng Văn Đức',
    ...overrides,
  });
}

describe('printed certificates (Giấy khen, Bằng khen)', () => {
  let t: TestApp;
  let revokedAwardId: string;
  let titleAwardId: string;
  let work: string;

  /** Seeds an award decision on its stream, as the award issuance writes it. */
  async function seedAward(data: AwardGranted['data']): Promise<string> {
    const result = await t.app.services.store.append(
      `award-${data.awardId}`,
      [testEvent('AwardGranted', data as unknown as Record<string, unknown>)],
      Expected.noStream,
    );
    return result.position;
  }

  async function printed(awardId: string): Promise<string> {
    const result = await mutate(t, PRINT, { awardId });
    await caughtUp(t, result.position);
    return result.position;
  }

  const download = async (awardId: string, as: Actor) =>
    fetch(`${t.url}/awards/${awardId}/certificate.pdf`, { headers: await authorization(as) });

  beforeAll(async () => {
    const demo = await startDemoApp();
    t = demo.t;
    revokedAwardId = demo.year.revokedAwardId;
    titleAwardId = Object.values(demo.year.awards).find((id) => id !== revokedAwardId)!;
    await seedAward(certificateAward('gk-1'));
    await seedAward(
      certificateAward('gk-2', { subject: { kind: SubjectKind.COLLECTIVE, id: 'tt-1', name: COLLECTIVE } }),
    );
    // Written decomposed (NFD): the PDF still carries the composed letters.
    await seedAward(
      certificateAward('gk-nfd', {
        subject: { kind: SubjectKind.INDIVIDUAL, id: 'p-nfd', name: RECIPIENT.normalize('NFD') },
      }),
    );
    await caughtUp(t, await seedAward(certificateAward('gk-unprinted')));
    work = await mkdtemp(join(tmpdir(), 'certificate-'));
  }, 180_000);
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
    await t.stop();
  });

  it('gives the first print the next serial of its register, keeps it on a reprint, and numbers the next award on', async () => {
    await printed('gk-1');
    await printed('gk-1');
    await printed('gk-2');
    const events = (await streamEvents(t, REGISTER)).map(typeAndData);
    // Serial 1 is the demo year's own print, its sudden award's Giấy khen.
    expect(events.map((e) => [e.data.awardId, e.data.serial, e.data.reprint, e.data.reprintOf])).toEqual([
      [SUDDEN_AWARD.awardId, 1, false, null],
      ['gk-1', 2, false, null],
      ['gk-1', 2, true, 2],
      ['gk-2', 3, false, null],
    ]);
    expect(events[1].data.certificate).toMatchObject({
      title: 'GIẤY KHEN',
      serialSuffix: 'GK',
      recipient: { name: RECIPIENT },
      issuingUnitName: 'UBND huyện Bạch Thông',
      decisionNumber: '88/QĐ-UBND',
    });
    const { rows } = await t.db.pool.query(
      'SELECT award_id, serial, prints FROM certificates.certificates WHERE award_id = ANY($1) ORDER BY award_id',
      [['gk-1', 'gk-2']],
    );
    expect(rows).toEqual([
      { award_id: 'gk-1', serial: 2, prints: 2 },
      { award_id: 'gk-2', serial: 3, prints: 1 },
    ]);
  });

  it('refuses an unknown award, a revoked award and an award without a certificate, leaving the streams as they were', async () => {
    await expectRefused(t, [REGISTER], PRINT, { awardId: 'no-such-award' }, { code: 'NOT_FOUND' });
    const revoked = (await streamEvents(t, `award-${revokedAwardId}`))[0].data as AwardGranted['data'];
    await expectRefused(
      t,
      [`award-${revokedAwardId}`, `certificate_register-${revoked.issuedByUnitId}:${revoked.decidedOn.slice(0, 4)}`],
      PRINT,
      { awardId: revokedAwardId },
      { code: 'RULE_VIOLATION', rule: 'AWARD_REVOKED' },
    );
    const title = (await streamEvents(t, `award-${titleAwardId}`))[0].data as AwardGranted['data'];
    await expectRefused(
      t,
      [`award-${titleAwardId}`, `certificate_register-${title.issuedByUnitId}:${title.decidedOn.slice(0, 4)}`],
      PRINT,
      { awardId: titleAwardId },
      { code: 'RULE_VIOLATION', rule: 'NO_CERTIFICATE', award: title.award },
    );
  });

  it('serves the PDF to the secretariat and inspectors only, and 404 before the certificate is printed', async () => {
    await printed('gk-1');
    const pdf = await download('gk-1', INSPECTOR);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const forbidden = await download('gk-1', ANALYST);
    expect(forbidden.status).toBe(403);
    expect(((await forbidden.json()) as any).errors[0].extensions.code).toBe('FORBIDDEN');
    const missing = await download('gk-unprinted', INSPECTOR);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as any).errors[0].extensions.code).toBe('NOT_FOUND');
  });

  withPoppler(
    `prints the national header, title, recipient, serial and decision in NFC Vietnamese${popplerNote}`,
    async () => {
      await printed('gk-nfd');
      const file = join(work, 'gk-nfd.pdf');
      await writeFile(file, Buffer.from(await (await download('gk-nfd', INSPECTOR)).arrayBuffer()));
      const { stdout: text } = await run('pdftotext', ['-enc', 'UTF-8', file, '-']);
      expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
      expect(text).toContain('GIẤY KHEN');
      expect(text).toContain(`Ông/Bà ${RECIPIENT}`);
      expect(text).not.toContain(RECIPIENT.normalize('NFD'));
      expect(text).toContain('Quyết định số 88/QĐ-UBND, ngày 10 tháng 12 năm');
      // Dated as its decision, not as the day it was printed.
      expect(text).toContain(`UBND huyện Bạch Thông, ngày 10 tháng 12 năm ${DEMO_YEAR}`);
      expect(text).toMatch(/Số: \d+\/GK/);
      expect(text).toContain('Hoàng Văn Đức');
    },
  );

  withPoppler(`renders a landscape first page that is not blank${popplerNote}`, async () => {
    const file = join(work, 'gk-2.pdf');
    await writeFile(file, Buffer.from(await (await download('gk-2', INSPECTOR)).arrayBuffer()));
    await run('pdftoppm', ['-png', '-r', '40', '-f', '1', '-l', '1', '-singlefile', file, join(work, 'gk-2')]);
    const png = PNG.sync.read(await readFile(join(work, 'gk-2.png')));
    expect(png.width).toBeGreaterThan(png.height);
    let inked = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      if (png.data[i] < 200 || png.data[i + 1] < 200 || png.data[i + 2] < 200) inked++;
    }
    // Text covers a small share of the page, but far more than nothing.
    expect(inked / (png.width * png.height)).toBeGreaterThan(0.005);
  });
});
