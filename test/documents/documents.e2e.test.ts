import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentKey } from '../../src/documents/documentStore.port';
import { tinyPdf } from '../../src/documents/tinyPdf';
import type { TestApp } from '../support/app';
import type { Actor } from '../support/auth';
import {
  APPRAISE,
  ORG,
  SECRETARIAT,
  SUBMIT,
  UNIT_OFFICER,
  expectRefused,
  mutate,
  person,
  startOrganisationApp,
  year,
} from '../support/awarding';
import { ATTACH, download, upload } from '../support/documents';
import { streamEvents } from '../support/streams';
import { caughtUp } from '../support/until';

const NOW = new Date('2026-02-10T03:00:00.000Z');
const MAX_BYTES = 64 * 1024;
const INSPECTOR: Actor = { sub: 'inspector-1', role: 'INSPECTOR' };
const MEMBER: Actor = { sub: 'tv-1', role: 'COUNCIL_MEMBER' };
const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('documents: upload, attach, appraisal completeness, download', () => {
  let t: TestApp;
  const dir = mkdtempSync(join(tmpdir(), 'tdkt-documents-test-'));
  const stream = 'dossier-d-docs';
  const memo = tinyPdf('To trinh de nghi khen thuong');

  beforeAll(async () => {
    t = await startOrganisationApp({
      now: () => NOW,
      documents: { maxBytes: MAX_BYTES, store: { kind: 'folder', dir } },
    });
    await mutate(
      t,
      SUBMIT,
      {
        input: {
          id: 'd-docs',
          proposingUnitId: ORG.school,
          nominee: person('gv-hoa'),
          award: 'ADVANCED_WORKER',
          period: year(2025),
          achievements: 'Hoàn thành tốt nhiệm vụ năm 2025.',
        },
      },
      UNIT_OFFICER,
    );
  });
  afterAll(async () => t.stop());

  it('stores an upload under the SHA-256 of its bytes and answers hash, size and type', async () => {
    const answer = await upload(t, [memo.subarray(0, 10), memo.subarray(10)], UNIT_OFFICER, { dossierId: 'd-docs' });
    expect(answer.status).toBe(201);
    expect(answer.json()).toEqual({ sha256: sha256Of(memo), size: memo.length, contentType: 'application/pdf' });
    expect(existsSync(join(dir, documentKey(sha256Of(memo))))).toBe(true);
  });

  it('refuses an over-size upload with 413, declared or streamed, and stores nothing', async () => {
    const big = Buffer.concat([tinyPdf('big'), Buffer.alloc(MAX_BYTES)]);
    const declared = await upload(t, [big], SECRETARIAT);
    expect(declared.status).toBe(413);
    expect(declared.json().errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    const chunks = Array.from({ length: 8 }, (_, i) => (i === 0 ? tinyPdf('big') : Buffer.alloc(16 * 1024, i)));
    const streamed = await upload(t, chunks, SECRETARIAT, { contentLength: false });
    expect(streamed.status).toBe(413);
    expect(streamed.json().errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect(existsSync(join(dir, documentKey(sha256Of(big))))).toBe(false);
    expect(existsSync(join(dir, documentKey(sha256Of(Buffer.concat(chunks)))))).toBe(false);
    expect(readdirSync(join(dir, 'tmp'))).toEqual([]);
  });

  it('refuses a type off the allow-list, and bytes that are not of the declared type (415)', async () => {
    const text = await upload(t, [Buffer.from('hello')], SECRETARIAT, { contentType: 'text/plain' });
    expect(text.status).toBe(415);
    const disguised = await upload(t, [Buffer.from('MZ not a pdf at all')], SECRETARIAT);
    expect(disguised.status).toBe(415);
    expect(disguised.json().errors[0].extensions.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses uploads to roles without the right (FORBIDDEN) and to callers without a token (401)', async () => {
    const inspector = await upload(t, [memo], INSPECTOR);
    expect(inspector.status).toBe(403);
    expect(inspector.json().errors[0].extensions.code).toBe('FORBIDDEN');
    const noDossier = await upload(t, [memo], UNIT_OFFICER);
    expect(noDossier.status).toBe(403);
    expect((await upload(t, [memo], null)).status).toBe(401);
  });

  it('refuses to attach an unknown hash or a signed decision from a unit officer, appending nothing', async () => {
    const unknown = { dossierId: 'd-docs', kind: 'PROPOSAL_MEMO', sha256: 'a'.repeat(64), fileName: 'to-trinh.pdf' };
    await expectRefused(t, [stream], ATTACH, unknown, { code: 'RULE_VIOLATION', rule: 'DOCUMENT_NOT_STORED' });
    const decision = { ...unknown, kind: 'SIGNED_DECISION', sha256: sha256Of(memo) };
    await expectRefused(t, [stream], ATTACH, decision, { code: 'FORBIDDEN' }, UNIT_OFFICER);
    const badHash = { ...unknown, sha256: 'XYZ' };
    await expectRefused(t, [stream], ATTACH, badHash, { code: 'BAD_USER_INPUT' });
  });

  it('refuses the appraisal of an incomplete dossier (DOSSIER_COMPLETE), then appraises it once complete', async () => {
    const refused = await expectRefused(t, [stream], APPRAISE, { dossierId: 'd-docs' }, { rule: 'DOSSIER_COMPLETE' });
    expect(refused.extensions?.missing).toEqual(['PROPOSAL_MEMO', 'ACHIEVEMENT_REPORT', 'MINUTES']);
    const attachMemo = { dossierId: 'd-docs', kind: 'PROPOSAL_MEMO', sha256: sha256Of(memo), fileName: 'Tờ trình.pdf' };
    await mutate(t, ATTACH, attachMemo, UNIT_OFFICER);
    await expectRefused(t, [stream], ATTACH, { ...attachMemo, kind: 'MINUTES' }, { rule: 'DOCUMENT_ALREADY_ATTACHED' });
    const partly = await expectRefused(t, [stream], APPRAISE, { dossierId: 'd-docs' }, { rule: 'DOSSIER_COMPLETE' });
    expect(partly.extensions?.missing).toEqual(['ACHIEVEMENT_REPORT', 'MINUTES']);
    // Attached side by side, as a browser sends several files: the second is decided again on the new version.
    const rest = ['ACHIEVEMENT_REPORT', 'MINUTES'].map((kind) => ({ kind, pdf: tinyPdf(kind) }));
    for (const { pdf } of rest)
      expect((await upload(t, [pdf], UNIT_OFFICER, { dossierId: 'd-docs' })).status).toBe(201);
    await Promise.all(
      rest.map(({ kind, pdf }) =>
        mutate(t, ATTACH, { dossierId: 'd-docs', kind, sha256: sha256Of(pdf), fileName: `${kind}.pdf` }, UNIT_OFFICER),
      ),
    );
    const appraised = await mutate(t, APPRAISE, { dossierId: 'd-docs' });
    expect(appraised.eventTypes).toEqual(['DossierAppraised']);
    const attached = (await streamEvents(t, stream)).filter((e) => e.type === 'DocumentAttached');
    expect(attached[0].data).toMatchObject({
      dossierId: 'd-docs',
      kind: 'PROPOSAL_MEMO',
      sha256: sha256Of(memo),
      fileName: 'Tờ trình.pdf',
      size: memo.length,
      contentType: 'application/pdf',
      attachedBy: UNIT_OFFICER.sub,
    });
  });

  it('lists the documents on the dossier and shows them with their hashes in the audit trail', async () => {
    await caughtUp(t, (await streamEvents(t, stream)).at(-1)!.position);
    const { body } = await t.graphql(
      `{ dossier(id: "d-docs") { documents { kind fileName sha256 size attachedAt attachedBy } missingDocuments }
         auditTrail(filter: { dossierId: "d-docs" }) { entries { type data } } }`,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.dossier.missingDocuments).toEqual([]);
    // In the order attached: the memo first, then the two attached side by side, in either order.
    const kinds: string[] = body.data.dossier.documents.map((d: any) => d.kind);
    expect(kinds[0]).toBe('PROPOSAL_MEMO');
    expect([...kinds].sort()).toEqual(['ACHIEVEMENT_REPORT', 'MINUTES', 'PROPOSAL_MEMO']);
    expect(body.data.dossier.documents[0]).toEqual({
      kind: 'PROPOSAL_MEMO',
      fileName: 'Tờ trình.pdf',
      sha256: sha256Of(memo),
      size: memo.length,
      attachedAt: NOW.toISOString(),
      attachedBy: UNIT_OFFICER.sub,
    });
    const trail = body.data.auditTrail.entries.filter((e: any) => e.type === 'DocumentAttached');
    expect(trail.map((e: any) => e.data.sha256)).toContain(sha256Of(memo));
  });

  it('downloads a document, byte for byte, to whoever may read its dossier, and to no one else', async () => {
    const hash = sha256Of(memo);
    const officer = await download(t, hash, UNIT_OFFICER);
    expect(officer.status).toBe(200);
    expect(officer.body.equals(memo)).toBe(true);
    expect((await download(t, hash, INSPECTOR)).body.equals(memo)).toBe(true);
    const member = await download(t, hash, MEMBER);
    expect(member.status).toBe(403);
    expect(member.json().errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await download(t, 'b'.repeat(64), SECRETARIAT)).status).toBe(404);
    expect((await download(t, hash, null)).status).toBe(401);
  });

  it('refuses to send a stored file whose bytes no longer match its hash', async () => {
    const hash = sha256Of(memo);
    const tampered = Buffer.from(memo.toString('latin1').replace('To trinh', 'Xx trinh'), 'latin1');
    writeFileSync(join(dir, documentKey(hash)), tampered);
    const answer = await download(t, hash, SECRETARIAT);
    expect(answer.status).toBe(500);
    expect(answer.json().errors[0].extensions.code).toBe('DOCUMENT_CORRUPT');
    expect(answer.body.includes(Buffer.from('Xx trinh'))).toBe(false);
  });
});
