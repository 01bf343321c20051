import type { Actor } from '../support/auth';
import { AwardKind, ComplaintKind } from '../../src/shared/domain';
import { complaintIdOfComment } from '../../src/publications/publication.decider';
import type { TestApp } from '../support/app';
import {
  CONVENE,
  MEMBERS,
  ORG,
  SECRETARIAT,
  UNIT_OFFICER,
  appraise,
  expectRefused,
  mutate,
  person,
  startOrganisationApp,
  submitDossier,
  year,
} from '../support/awarding';
import { streamEvents } from '../support/streams';
import { caughtUp } from '../support/until';

const PUBLISH = `mutation($input: PublishNomineesInput!) { publishNominees(input: $input) { id streamId position } }`;
const COMMENT = `mutation($input: RecordPublicationCommentInput!) { recordPublicationComment(input: $input) { id streamId position } }`;
const FIELDS = `id channels location fromDate toDate windowWorkingDays
  nominees { dossierId award nominee { kind id name } }
  comments { commentNo commenterName content receivedOn dossierId complaintId complaintKind }`;
const PUBLICATION = `query($id: ID!) { publication(id: $id) { ${FIELDS} } }`;
const OF_DOSSIER = `query($dossierId: ID!) { publicationsOfDossier(dossierId: $dossierId) { id fromDate comments { commenterName } } }`;

const OFFICER: Actor = { sub: 'kn-1', role: 'COMPLAINT_OFFICER' };
const ANALYST: Actor = { sub: 'an-1', role: 'ANALYST' };
const INSPECTOR: Actor = { sub: 'tt-1', role: 'INSPECTOR' };

describe('publication of nominees before the council over GraphQL', () => {
  let t: TestApp;
  let hoa: string;
  let nam: string;

  const read = async (query: string, variables: Record<string, unknown>, as: Actor) => {
    const { body } = await t.graphql(query, variables, as);
    return body;
  };
  const publicationInput = (overrides: Record<string, unknown> = {}) => ({
    id: 'cc-2025-1',
    dossierIds: [hoa],
    channels: ['PORTAL', 'NOTICE_BOARD'],
    location: 'https://snv.example.gov.vn/cong-khai',
    fromDate: '2025-08-25',
    ...overrides,
  });
  const commentInput = (overrides: Record<string, unknown> = {}) => ({
    publicationId: 'cc-2025-1',
    commenterName: 'Trần Văn Bình',
    content: 'Thành tích nêu trong hồ sơ chưa đúng thực tế.',
    receivedOn: '2025-09-03',
    dossierId: hoa,
    ...overrides,
  });
  const conveneInput = (id: string, heldOn: string, dossierIds: string[]) => ({
    input: { id, councilUnitId: ORG.homeAffairs, heldOn, memberIds: MEMBERS, dossierIds },
  });

  beforeAll(async () => {
    t = await startOrganisationApp();
    const laborOrder = (who: string) => ({
      nominee: person(who),
      award: AwardKind.LABOR_ORDER_THIRD_CLASS,
      period: year(2025),
      submittedOn: '2025-08-15',
    });
    hoa = await submitDossier(t, laborOrder('gv-hoa'));
    nam = await submitDossier(t, laborOrder('gv-nam'));
    for (const dossierId of [hoa, nam]) expect((await appraise(t, dossierId)).eligible).toBe(true);
  }, 60_000);
  afterAll(async () => t.stop());

  it('publishes the list; the window runs 10 working days, the National Day holidays skipped', async () => {
    const result = await mutate(t, PUBLISH, { input: publicationInput() });
    expect(result.streamId).toBe('publication-cc-2025-1');
    expect((await streamEvents(t, result.streamId)).map((e) => e.type)).toEqual(['NomineesPublished']);
    await caughtUp(t, result.position);
    const { data } = await read(PUBLICATION, { id: 'cc-2025-1' }, SECRETARIAT);
    expect(data.publication).toMatchObject({
      channels: ['PORTAL', 'NOTICE_BOARD'],
      fromDate: '2025-08-25',
      toDate: '2025-09-09',
      windowWorkingDays: 10,
      nominees: [
        { dossierId: hoa, award: 'LABOR_ORDER_THIRD_CLASS', nominee: { id: 'gv-hoa', name: 'Nguyễn Thị Hoa' } },
      ],
      comments: [],
    });
  });

  it('refuses other roles, unknown dossiers, bad input and a second publication under one id, the stream unchanged', async () => {
    const stream = ['publication-cc-2025-x'];
    await expectRefused(
      t,
      stream,
      PUBLISH,
      { input: publicationInput({ id: 'cc-2025-x' }) },
      { code: 'FORBIDDEN' },
      UNIT_OFFICER,
    );
    await expectRefused(
      t,
      stream,
      PUBLISH,
      { input: publicationInput({ id: 'cc-2025-x' }) },
      { code: 'FORBIDDEN' },
      OFFICER,
    );
    await expectRefused(
      t,
      stream,
      PUBLISH,
      { input: publicationInput({ id: 'cc-2025-x', dossierIds: ['khong-co'] }) },
      { code: 'NOT_FOUND', entity: 'Dossier', id: 'khong-co' },
      { ...SECRETARIAT, role: 'ADMIN' },
    );
    await expectRefused(
      t,
      stream,
      PUBLISH,
      { input: publicationInput({ id: 'cc-2025-x', channels: [] }) },
      { code: 'BAD_USER_INPUT' },
    );
    await expectRefused(
      t,
      stream,
      PUBLISH,
      { input: publicationInput({ id: 'cc-2025-x', fromDate: '2025-11-21' }) },
      { code: 'BAD_USER_INPUT', field: 'fromDate' },
    );
    await expectRefused(
      t,
      ['publication-cc-2025-1'],
      PUBLISH,
      { input: publicationInput() },
      { code: 'RULE_VIOLATION', rule: 'ALREADY_EXISTS' },
    );
  });

  it('records a comment received in the window; refuses one outside it and other roles, the stream unchanged', async () => {
    const stream = ['publication-cc-2025-1'];
    await expectRefused(
      t,
      stream,
      COMMENT,
      { input: commentInput({ receivedOn: '2025-09-10' }) },
      { code: 'RULE_VIOLATION', rule: 'OUTSIDE_PUBLICATION_WINDOW', fromDate: '2025-08-25', toDate: '2025-09-09' },
      OFFICER,
    );
    await expectRefused(t, stream, COMMENT, { input: commentInput() }, { code: 'FORBIDDEN' }, SECRETARIAT);
    await expectRefused(
      t,
      stream,
      COMMENT,
      { input: commentInput({ dossierId: nam }) },
      { code: 'BAD_USER_INPUT', field: 'dossierId' },
      OFFICER,
    );
    const result = await mutate(t, COMMENT, { input: commentInput() }, OFFICER);
    const events = await streamEvents(t, result.streamId);
    expect(events.at(-1)).toMatchObject({
      type: 'PublicationCommentRecorded',
      data: { commentNo: 1, receivedOn: '2025-09-03', dossierId: hoa, complaint: null },
    });
  });

  it('files the complaint a comment opens, about the dossier and its nominee, caused by the comment', async () => {
    const result = await mutate(
      t,
      COMMENT,
      { input: commentInput({ commenterName: 'Lê Thị Cúc', receivedOn: '2025-09-09', opensComplaint: 'COMPLAINT' }) },
      OFFICER,
    );
    await caughtUp(t, result.position);
    const complaintId = complaintIdOfComment('cc-2025-1', 2);
    const filed = await streamEvents(t, `complaint-${complaintId}`);
    expect(filed.map((e) => e.type)).toEqual(['ComplaintFiled']);
    expect(filed[0].data).toMatchObject({
      kind: ComplaintKind.COMPLAINT,
      complainantName: 'Lê Thị Cúc',
      receivedOn: '2025-09-09',
      dossierId: hoa,
      subject: { kind: 'INDIVIDUAL', id: 'gv-hoa', name: 'Nguyễn Thị Hoa' },
    });
    expect(filed[0].metadata.causationId).toBe(`${result.streamId}@3`);
    const { data } = await read(PUBLICATION, { id: 'cc-2025-1' }, INSPECTOR);
    expect(
      data.publication.comments.map((c: { commenterName: string; complaintId: string | null }) => [
        c.commenterName,
        c.complaintId,
      ]),
    ).toEqual([
      ['Trần Văn Bình', null],
      ['Lê Thị Cúc', complaintId],
    ]);
  });

  it('shows comments to ANALYST without the commenters’ names, and nothing to a unit officer', async () => {
    const { data } = await read(PUBLICATION, { id: 'cc-2025-1' }, ANALYST);
    expect(data.publication.comments.map((c: { commenterName: string }) => c.commenterName)).toEqual([
      '[withheld]',
      '[withheld]',
    ]);
    const ofDossier = await read(OF_DOSSIER, { dossierId: hoa }, ANALYST);
    expect(ofDossier.data.publicationsOfDossier).toEqual([
      {
        id: 'cc-2025-1',
        fromDate: '2025-08-25',
        comments: [{ commenterName: '[withheld]' }, { commenterName: '[withheld]' }],
      },
    ]);
    const refused = await read(PUBLICATION, { id: 'cc-2025-1' }, UNIT_OFFICER);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses to convene on a State-level award published 9 working days before, or never; accepts 10', async () => {
    await expectRefused(t, ['council_session-hd-1'], CONVENE, conveneInput('hd-1', '2025-09-09', [hoa]), {
      code: 'RULE_VIOLATION',
      rule: 'PUBLICATION',
      dossierId: hoa,
      publishedFrom: '2025-08-25',
      workingDays: 9,
      needed: 10,
    });
    await expectRefused(t, ['council_session-hd-1'], CONVENE, conveneInput('hd-1', '2025-09-10', [hoa, nam]), {
      code: 'RULE_VIOLATION',
      rule: 'PUBLICATION',
      dossierId: nam,
      publishedFrom: null,
      workingDays: 0,
    });
    const convened = await mutate(t, CONVENE, conveneInput('hd-1', '2025-09-10', [hoa]));
    expect((await streamEvents(t, convened.streamId)).map((e) => e.type)).toEqual(['CouncilSessionConvened']);
  });
});
