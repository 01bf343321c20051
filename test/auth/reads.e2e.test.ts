import { WITHHELD_DENOUNCER } from '../../src/auth/denouncers';
import type { Logger } from '../../src/infra/logger';
import type { TestApp } from '../support/app';
import type { Actor } from '../support/auth';
import {
  ADMIN,
  CONVENE,
  MEMBERS,
  ORG,
  SECRETARIAT,
  TODAY,
  UNIT_OFFICER,
  appraise,
  mutate,
  person,
  startOrganisationApp,
  submitSchoolAndEducationDossiers,
} from '../support/awarding';
import { caughtUp } from '../support/until';
import { ACTOR_OF_ROLE, MUTATION_REQUESTS } from '../support/operations';

const { INSPECTOR, COMPLAINT_OFFICER, ANALYST } = ACTOR_OF_ROLE;
const DENOUNCER = 'Lò Văn Tố';
const COMPLAINANT = 'Mạc Thị Khiếu';

const COMPLAINT = 'query($id: ID!) { complaint(id: $id) { kind complainantName } }';
const COMPLAINTS = '{ complaints { nodes { id complainantName } } }';
const TRAIL = 'query($filter: AuditFilter!) { auditTrail(filter: $filter) { entries { type summary data } } }';

describe('reads: what each role sees', () => {
  let t: TestApp;
  const logged: Array<Record<string, unknown>> = [];
  const logger: Logger = {
    debug: () => undefined,
    info: () => undefined,
    error: () => undefined,
    warn: (message, details) => logged.push({ message, ...details }),
    child: (bindings) => ({ ...logger, warn: (message, details) => logger.warn(message, { ...bindings, ...details }) }),
  };
  let schoolDossier: string;
  let educationDossier: string;

  const fileComplaint = (id: string, kind: string, complainantName: string) =>
    mutate(
      t,
      MUTATION_REQUESTS.fileComplaint.query,
      {
        input: {
          id,
          kind,
          complainantName,
          receivedOn: TODAY,
          content: 'Thành tích kê khai chưa đúng.',
          subject: person('gv-tu'),
        },
      },
      COMPLAINT_OFFICER,
    );

  beforeAll(async () => {
    t = await startOrganisationApp({ logger });
    ({ schoolDossier, educationDossier } = await submitSchoolAndEducationDossiers(t, 'hs-hoa', 'hs-an'));
    await fileComplaint('to-cao-1', 'DENUNCIATION', DENOUNCER);
    const last = await fileComplaint('khieu-nai-1', 'COMPLAINT', COMPLAINANT);
    await caughtUp(t, last.position);
  }, 60_000);
  afterAll(async () => t.stop());

  const read = async (query: string, variables: Record<string, unknown>, as: Actor) =>
    (await t.graphql(query, variables, as)).body;
  const codes = (body: { errors?: Array<{ extensions?: Record<string, unknown> }> }) =>
    body.errors?.map((e) => e.extensions?.code) ?? [];

  it('refuses an ANALYST anything personal, and answers its aggregates', async () => {
    for (const [query, variables] of [
      [COMPLAINT, { id: 'to-cao-1' }],
      [TRAIL, { filter: { complaintId: 'to-cao-1' } }],
      ['{ searchSubjects(text: "hoa") { score } }', {}],
      ['query($id: ID!) { dossier(id: $id) { id } }', { id: schoolDossier }],
    ] as const) {
      expect(codes(await read(query, variables, ANALYST))).toEqual(['FORBIDDEN']);
    }
    const aggregates = await read(
      '{ yearlyTotals(period: { kind: CALENDAR_YEAR, year: 2025 }) { period { year } } clusters { id } movements { id } projections { name } }',
      {},
      ANALYST,
    );
    expect(aggregates.errors).toBeUndefined();
  });

  describe("a denouncer's identity", () => {
    it.each([
      ['INSPECTOR', INSPECTOR],
      ['SECRETARIAT', SECRETARIAT],
    ])('reads as the placeholder for %s in complaint, complaints and the audit trail', async (_, as) => {
      expect((await read(COMPLAINT, { id: 'to-cao-1' }, as)).data.complaint).toEqual({
        kind: 'DENUNCIATION',
        complainantName: WITHHELD_DENOUNCER,
      });
      expect((await read(COMPLAINT, { id: 'khieu-nai-1' }, as)).data.complaint.complainantName).toBe(COMPLAINANT);
      const nodes = (await read(COMPLAINTS, {}, as)).data.complaints.nodes;
      expect(nodes.map((n: { complainantName: string }) => n.complainantName).sort()).toEqual(
        [WITHHELD_DENOUNCER, COMPLAINANT].sort(),
      );
      const trail = await read(TRAIL, { filter: { complaintId: 'to-cao-1' } }, as);
      expect(trail.data.auditTrail.entries[0].data.complainantName).toBe(WITHHELD_DENOUNCER);
      expect(JSON.stringify([trail, nodes])).not.toContain(DENOUNCER);
    });

    it('is withheld from a unit officer reading the trail of a subject of its school', async () => {
      const trail = await read(TRAIL, { filter: { subject: person('gv-tu') } }, UNIT_OFFICER);
      expect(trail.data.auditTrail.entries.some((e: { type: string }) => e.type === 'ComplaintFiled')).toBe(true);
      expect(JSON.stringify(trail)).not.toContain(DENOUNCER);
    });

    it.each([
      ['COMPLAINT_OFFICER', COMPLAINT_OFFICER],
      ['ADMIN', ADMIN],
    ])('is shown to %s', async (_, as) => {
      expect((await read(COMPLAINT, { id: 'to-cao-1' }, as)).data.complaint.complainantName).toBe(DENOUNCER);
      expect(JSON.stringify((await read(COMPLAINTS, {}, as)).data)).toContain(DENOUNCER);
      const trail = await read(TRAIL, { filter: { complaintId: 'to-cao-1' } }, as);
      expect(trail.data.auditTrail.entries[0].data.complainantName).toBe(DENOUNCER);
      // Summaries name no complainant, for anyone.
      expect(trail.data.auditTrail.entries[0].summary).not.toContain(DENOUNCER);
    });
  });

  describe('a UNIT_OFFICER reads within its subtree', () => {
    it('refuses questions about units and subjects outside it', async () => {
      const outside: Array<[string, Record<string, unknown>]> = [
        ['query($id: ID!) { dossier(id: $id) { id } }', { id: educationDossier }],
        ['query($s: SubjectInput!) { awardHistory(subject: $s) { id } }', { s: person('cb-an') }],
        [
          'query($s: SubjectInput!) { eligibility(subject: $s, award: ADVANCED_WORKER, period: { kind: CALENDAR_YEAR, year: 2025 }) { eligible } }',
          { s: person('cb-an') },
        ],
        [TRAIL, { filter: { subject: person('cb-an') } }],
        [TRAIL, { filter: { actorId: SECRETARIAT.sub } }],
        ['{ yearlyTotals(period: { kind: CALENDAR_YEAR, year: 2025 }) { period { year } } }', {}],
        [
          'query($u: ID) { yearlyTotals(unitId: $u, period: { kind: CALENDAR_YEAR, year: 2025 }) { period { year } } }',
          { u: ORG.district },
        ],
        [COMPLAINT, { id: 'khieu-nai-1' }],
      ];
      for (const [query, variables] of outside)
        expect([query, codes(await read(query, variables, UNIT_OFFICER))]).toEqual([query, ['FORBIDDEN']]);
    });

    it('answers questions about its own units and subjects', async () => {
      const body = await read(
        `query($s: SubjectInput!, $d: ID!, $u: ID) { dossier(id: $d) { id } awardHistory(subject: $s) { id }
           yearlyTotals(unitId: $u, period: { kind: CALENDAR_YEAR, year: 2025 }) { period { year } }
           auditTrail(filter: { dossierId: $d }) { entries { type } } }`,
        { s: person('gv-hoa'), d: schoolDossier, u: ORG.school },
        UNIT_OFFICER,
      );
      expect(body.errors).toBeUndefined();
      expect(body.data.dossier.id).toBe(schoolDossier);
    });

    it('finds only people and units of its subtree', async () => {
      const search = 'query($t: String!) { searchSubjects(text: $t, first: 5) { subject { id } } }';
      const ids = async (text: string, as: Actor) =>
        (await read(search, { t: text }, as)).data.searchSubjects.map((h: { subject: { id: string } }) => h.subject.id);
      expect(await ids('do van an', INSPECTOR)).toContain('cb-an');
      expect(await ids('do van an', UNIT_OFFICER)).not.toContain('cb-an');
      expect(await ids('nguyen thi hoa', UNIT_OFFICER)).toContain('gv-hoa');
      expect(await ids('van', UNIT_OFFICER)).toEqual(expect.arrayContaining(['gv-nam', 'gv-ba']));
      expect((await ids('van', UNIT_OFFICER)).every((id: string) => id.startsWith('gv-') || id === ORG.school)).toBe(
        true,
      );
    });

    it('lists the clusters and movements that reach its unit', async () => {
      const form = (id: string, organizerUnitId: string, memberUnitIds: string[]) =>
        mutate(
          t,
          MUTATION_REQUESTS.formCluster.query,
          { input: { id, name: `Khối ${id}`, kind: 'BLOC', organizerUnitId, memberUnitIds } },
          ADMIN,
        );
      await form('khoi-co-truong', ORG.province, [ORG.homeAffairs, ORG.education, ORG.district, ORG.school]);
      await form('khoi-khong-truong', ORG.province, [ORG.province, ORG.homeAffairs, ORG.education, ORG.district]);
      const launch = (id: string, launchedByUnitId: string) =>
        mutate(
          t,
          MUTATION_REQUESTS.launchMovement.query,
          {
            input: {
              id,
              name: `Phong trào ${id}`,
              kind: 'REGULAR',
              launchedByUnitId,
              startsOn: '2025-01-01',
              criteria: ['Tiêu chí'],
            },
          },
          ADMIN,
        );
      await launch('pt-huyen', ORG.district);
      const last = await launch('pt-so-giao-duc', ORG.education);
      await caughtUp(t, last.position);
      const body = await read('{ clusters { id } movements { id } }', {}, UNIT_OFFICER);
      expect(body.data.clusters.map((c: { id: string }) => c.id)).toEqual(['khoi-co-truong']);
      expect(body.data.movements.map((m: { id: string }) => m.id)).toEqual(['pt-huyen']);
    });
  });

  it("lets a COUNCIL_MEMBER read the dossiers on its sessions' agendas only", async () => {
    const session = await (async () => {
      expect((await appraise(t, schoolDossier)).eligible).toBe(true);
      return mutate(t, CONVENE, {
        input: {
          id: 'phien-doc',
          councilUnitId: ORG.homeAffairs,
          heldOn: TODAY,
          memberIds: MEMBERS.slice(0, 5),
          dossierIds: [schoolDossier],
        },
      });
    })();
    await caughtUp(t, session.position);
    const dossier = 'query($id: ID!) { dossier(id: $id) { id } }';
    expect((await read(dossier, { id: schoolDossier }, { sub: 'tv-1', role: 'COUNCIL_MEMBER' })).data.dossier.id).toBe(
      schoolDossier,
    );
    expect(codes(await read(dossier, { id: schoolDossier }, { sub: 'tv-9', role: 'COUNCIL_MEMBER' }))).toEqual([
      'FORBIDDEN',
    ]);
    expect(codes(await read(dossier, { id: educationDossier }, { sub: 'tv-1', role: 'COUNCIL_MEMBER' }))).toEqual([
      'FORBIDDEN',
    ]);
  });

  it('holds on the compiled path too: the same refusals, the same withheld names on every sighting', async () => {
    // The executor compiles a document on its second sighting: the third runs compiled code.
    for (let sighting = 1; sighting <= 3; sighting++) {
      expect(codes(await read(COMPLAINT, { id: 'to-cao-1' }, ANALYST))).toEqual(['FORBIDDEN']);
      expect((await read(COMPLAINT, { id: 'to-cao-1' }, INSPECTOR)).data.complaint).toEqual({
        kind: 'DENUNCIATION',
        complainantName: WITHHELD_DENOUNCER,
      });
    }
  });

  it('logs each refusal with who asked for what, and nothing personal or secret', async () => {
    logged.length = 0;
    await read(COMPLAINT, { id: 'to-cao-1' }, ANALYST);
    expect(logged).toEqual([
      {
        message: 'request refused',
        correlationId: expect.any(String),
        operation: 'complaint',
        actorId: ANALYST.sub,
        role: 'ANALYST',
        unitId: null,
        reason: 'ANALYST may not run complaint',
      },
    ]);
    expect(JSON.stringify(logged)).not.toMatch(/Bearer|eyJ|Lò Văn Tố/);
  });
});
