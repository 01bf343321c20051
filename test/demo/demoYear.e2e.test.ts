import { createHash } from 'node:crypto';
import { FORWARDED_DOSSIER } from '../../src/demo/demoForwarding';
import { OVERDUE_DOSSIER } from '../../src/demo/demoOverdueDossier';
import { DEMO_ACTORS } from '../../src/demo/demoData';
import { DEMO_PUBLICATION_ID } from '../../src/demo/demoPublication';
import { SUDDEN_AWARD } from '../../src/demo/demoSuddenAward';
import { DEMO_YEAR, type DemoYearSummary } from '../../src/demo/demoYear';
import { comparePositions } from '../../src/eventStore/eventStore.port';
import { verifyChain } from '../../src/eventStore/chainCheck';
import { appraisalDueDate } from '../../src/rules/legalTerms';
import { addDays, AuthorityLevel } from '../../src/shared/domain';
import type { TestApp } from '../support/app';
import { authorization } from '../support/auth';
import { startDemoApp } from '../support/demo';

/** A dossier's events up to its appraisal at the province, after the district council's support and forwarding. */
const FORWARDED_AND_APPRAISED = [
  'DossierSubmitted',
  'DossierReceived',
  'DossierAssigned',
  'DossierAppraised',
  'DossierResolved',
  'DossierForwarded',
  'DossierReceived',
  'DossierAppraised',
];

/** A whole year driven through GraphQL over HTTP, then checked against the event log. */
describe(`a year of emulation and commendation work (${DEMO_YEAR})`, () => {
  let t: TestApp;
  let year: DemoYearSummary;

  beforeAll(async () => {
    ({ t, year } = await startDemoApp()); // every read model caught up with the year
  }, 120_000);
  afterAll(async () => t.stop());

  const events = (streamId: string) => t.app.services.store.readStream(streamId);
  const types = async (streamId: string) => (await events(streamId)).map((e) => e.type);

  it('answers every command with a position further along the log', () => {
    for (let i = 1; i < year.positions.length; i++)
      expect(comparePositions(year.positions[i - 1], year.positions[i])).toBeLessThan(0);
  });

  it('scores and finalizes the communes cluster with the assessed scores', async () => {
    expect(await types('cluster-khoi-cac-xa')).toEqual(['ClusterFormed']);
    const finalized = (await events(`cluster_year-khoi-cac-xa:${DEMO_YEAR}`)).find(
      (e) => e.type === 'ClusterRankingFinalized',
    )!;
    const rows = finalized.data.rows as Array<{
      rank: number;
      unitId: string;
      totalPoints: number;
      proposedForFlag: boolean;
    }>;
    expect(rows.map((r) => [r.rank, r.unitId, r.totalPoints])).toEqual([
      [1, 'xa-quan-ha', 94.5],
      [2, 'xa-cam-giang', 90],
      [3, 'xa-nguyen-phuc', 87.5],
      [4, 'xa-my-thanh', 86],
    ]);
    expect(rows[0].proposedForFlag).toBe(true);
  });

  it('returns and resubmits a dossier, appraises each under the 2022 rule set, and finds one ineligible', async () => {
    expect(await types(`dossier-${year.dossiers['p-do-thi-ngoc']}`)).toEqual([
      'DossierSubmitted',
      'DossierReturned',
      'DossierResubmitted',
      'DossierReceived',
      'DossierAssigned',
      'DossierAppraised',
      'DossierResolved',
      'DossierGranted',
    ]);
    const quynh = await events(`dossier-${year.dossiers['p-duong-thi-quynh']}`);
    const appraisal = quynh.find((e) => e.type === 'DossierAppraised')!;
    expect(appraisal.data).toMatchObject({ eligible: false, ruleSetId: 'tdkt-2022' });
    expect(appraisal.metadata.ruleSetId).toBe('tdkt-2022');
    expect(
      (appraisal.data.checks as Array<{ rule: string; passed: boolean }>).find((c) => c.rule === 'RATING'),
    ).toMatchObject({ passed: false });
    expect(quynh.map((e) => e.type)).toEqual([
      'DossierSubmitted',
      'DossierReceived',
      'DossierAssigned',
      'DossierAppraised',
    ]);
  });

  it('tallies the council sessions over all members who may vote and resolves every agenda dossier', async () => {
    const closed = (await events(`council_session-${year.sessions[0]}`)).find(
      (e) => e.type === 'CouncilSessionClosed',
    )!;
    const tallies = closed.data.tallies as Array<{
      dossierId: string;
      tally: { approve: number; members: number; barred: number; approved: boolean };
    }>;
    expect(tallies).toHaveLength(4);
    for (const { tally } of tallies) {
      expect(tally.members + tally.barred).toBe(9);
      expect(tally.approved).toBe(true);
    }
    // The member from Bùi Văn Minh's commune is barred from his dossier; one member abstained.
    expect(tallies.find((x) => x.dossierId === year.dossiers['p-bui-van-minh'])!.tally).toMatchObject({
      approve: 7,
      abstain: 1,
      members: 8,
      barred: 1,
    });
    const resolved = (await events(`dossier-${year.dossiers['p-bui-van-minh']}`)).find(
      (e) => e.type === 'DossierResolved',
    )!;
    expect(resolved.data).toMatchObject({ approved: true, sessionId: year.sessions[0] });
    // Every ballot cast was counted: the close lists each, and the read model shows none late.
    const counted = (closed.data.countedBallots as Array<{ dossierId: string; memberId: string }>).map(
      ({ dossierId, memberId }) => `${dossierId} ${memberId}`,
    );
    const { body } = await t.graphql('query($s: ID!) { councilBallots(sessionId: $s) { dossierId memberId late } }', {
      s: year.sessions[0],
    });
    const shown = body.data.councilBallots as Array<{ dossierId: string; memberId: string; late: boolean }>;
    expect(shown.map((b) => `${b.dossierId} ${b.memberId}`).sort()).toEqual([...counted].sort());
    expect(shown.filter((b) => b.late)).toEqual([]);
  });

  it('publishes the second round before its session, with a comment received in the window', async () => {
    const stream = await events(`publication-${DEMO_PUBLICATION_ID}`);
    expect(stream.map((e) => e.type)).toEqual(['NomineesPublished', 'PublicationCommentRecorded']);
    expect(stream[0].data).toMatchObject({
      fromDate: `${DEMO_YEAR}-12-17`,
      nominees: [{ dossierId: year.dossiers.fighter }, { dossierId: year.dossiers.flag }],
    });
    expect(stream[1].data).toMatchObject({ commentNo: 1, dossierId: year.dossiers.flag, complaint: null });
  });

  it('grants awards under decisions with the issuing level the law requires', async () => {
    // The flag went up to the province, whose council supported it before the province granted it.
    expect(await types(`dossier-${year.dossiers.flag}`)).toEqual([
      ...FORWARDED_AND_APPRAISED,
      'DossierResolved',
      'DossierGranted',
    ]);
    const resolved = (await events(`dossier-${year.dossiers.flag}`)).filter((e) => e.type === 'DossierResolved');
    expect(resolved.map((e) => e.data.sessionId)).toEqual([year.sessions[1], year.sessions[3]]);
    expect(year.sessions[3]).toBe(`phien-hop-tinh-${DEMO_YEAR + 1}-1`);
    const flag = (await events(`award-${year.awards.flag}`))[0];
    expect(flag.data).toMatchObject({
      award: 'PROVINCIAL_EMULATION_FLAG',
      issuedByUnitId: 'tinh-bac-kan',
      decisionNumber: '2156/QĐ-UBND',
    });
    const fighter = (await events(`award-${year.awards.fighter}`))[0];
    expect(fighter.data).toMatchObject({ award: 'GRASSROOTS_EMULATION_FIGHTER', signerName: 'Đinh Quang Hưng' });
  });

  it("signs the first round's decision in the system: the awards follow, and the decision lists them", async () => {
    const { body } = await t.graphql(
      `query($n: String!, $y: Int!) { decision(issuedByUnitId: "huyen-bach-thong", year: $y, number: $n) {
        status signerName entries { awardId subject { name } rewardVnd } awards { awardId revoked } } }`,
      { n: '125/QĐ-UBND', y: DEMO_YEAR },
      DEMO_ACTORS.districtSecretariat,
    );
    const decision = body.data.decision;
    expect(decision).toMatchObject({ status: 'SIGNED', signerName: 'Đinh Quang Hưng' });
    expect(decision.entries).toHaveLength(4);
    const awardIds = decision.entries.map((e: { awardId: string }) => e.awardId);
    expect(decision.awards.map((a: { awardId: string }) => a.awardId).sort()).toEqual([...awardIds].sort());
    expect(
      decision.awards.filter((a: { revoked: boolean }) => a.revoked).map((a: { awardId: string }) => a.awardId),
    ).toEqual([year.revokedAwardId]);
    for (const awardId of awardIds) expect(await types(`award-${awardId}`)).toContain('AwardGranted');
  });

  it('grants a sudden award by the simplified procedure on its appraisal, without the council', async () => {
    expect(await types(`dossier-${year.dossiers.sudden}`)).toEqual([
      'DossierSubmitted',
      'DossierReceived',
      'DossierAssigned',
      'DocumentAttached',
      'DocumentAttached',
      'DossierAppraised',
      'DossierGranted',
    ]);
    const [submitted, , , , , appraised, granted] = await events(`dossier-${year.dossiers.sudden}`);
    expect(submitted.data).toMatchObject({ procedure: 'SIMPLIFIED', achievedOn: SUDDEN_AWARD.achievedOn });
    expect(appraised.data).toMatchObject({ eligible: true, ruleSetId: 'tdkt-2022' });
    expect(granted.data).toMatchObject({ awardId: year.awards.sudden, withoutCouncil: true });
    const { body } = await t.graphql(
      'query { dossiers(filter: { procedure: SIMPLIFIED }) { totalCount edges { node { id dueOn } } } }',
      {},
      DEMO_ACTORS.districtSecretariat,
    );
    // The simplified term: 10 working days from 09-17 (the standard one would be 20).
    expect(body.data.dossiers).toEqual({
      totalCount: 1,
      edges: [{ node: { id: year.dossiers.sudden, dueOn: `${DEMO_YEAR}-10-01` } }],
    });
  });

  it("attaches the sudden award's memo and summary by their hashes, and prints its Giấy khen", async () => {
    expect(year.documents).toHaveLength(2);
    const { body } = await t.graphql(
      `query($id: ID!) { dossier(id: $id) { documents { kind fileName sha256 size } } }`,
      { id: year.dossiers.sudden },
      DEMO_ACTORS.districtSecretariat,
    );
    expect(body.data.dossier.documents.map((d: { kind: string; sha256: string }) => [d.kind, d.sha256])).toEqual([
      ['PROPOSAL_MEMO', year.documents[0]],
      ['ACHIEVEMENT_REPORT', year.documents[1]],
    ]);
    const download = await fetch(`${t.url}/documents/${year.documents[0]}`, {
      headers: await authorization(DEMO_ACTORS.districtSecretariat),
    });
    const bytes = Buffer.from(await download.arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(year.documents[0]);
    const [printed] = await events(`certificate_register-huyen-bach-thong:${DEMO_YEAR}`);
    expect(printed).toMatchObject({ type: 'CertificatePrinted', data: { awardId: year.awards.sudden, serial: 1 } });
  });

  it("revokes the award an upheld complaint was about, as the resolution's consequence", async () => {
    const award = await events(`award-${year.revokedAwardId}`);
    expect(award.map((e) => e.type)).toEqual(['AwardGranted', 'AwardRevoked']);
    const complaint = await events(`complaint-kn-${DEMO_YEAR + 1}-001`);
    expect(complaint.map((e) => e.type)).toEqual(['ComplaintFiled', 'ComplaintAccepted', 'ComplaintResolved']);
    expect(complaint[1].data).toMatchObject({ dueOn: `${DEMO_YEAR + 1}-02-24` }); // remote area: 45 days
    expect(award[1].metadata).toMatchObject({
      causationId: `complaint-kn-${DEMO_YEAR + 1}-001@3`,
      correlationId: complaint[2].metadata.correlationId,
    });
  });

  it('extends a denunciation and marks a complaint complex, each resolved within its longer term; leaves one overdue', async () => {
    const Y = DEMO_YEAR + 1;
    const denunciation = await events(`complaint-kn-${Y}-003`);
    expect(denunciation.map((e) => e.type)).toEqual([
      'ComplaintFiled',
      'ComplaintAccepted',
      'DenunciationExtended',
      'ComplaintResolved',
    ]);
    expect(denunciation[2].data).toMatchObject({ previousDueOn: `${Y}-02-17`, dueOn: `${Y}-03-17`, days: 30 });
    expect(await types(`complaint-kn-${Y}-005`)).toEqual([
      'ComplaintFiled',
      'ComplaintAccepted',
      'ComplaintMarkedComplex',
      'ComplaintResolved',
    ]);
    const { body } = await t.graphql(
      `{ complaints(first: 100) { nodes { id kind status dueOn complex extensionCount extensionDays overdue } } }`,
    );
    const shown = Object.fromEntries(body.data.complaints.nodes.map((c: { id: string }) => [c.id, c]));
    expect(shown[`kn-${Y}-003`]).toMatchObject({
      kind: 'DENUNCIATION',
      status: 'RESOLVED',
      dueOn: `${Y}-03-17`,
      extensionCount: 1,
      extensionDays: 30,
      overdue: false,
    });
    expect(shown[`kn-${Y}-005`]).toMatchObject({ status: 'RESOLVED', dueOn: `${Y}-03-31`, complex: true });
    expect(shown[`kn-${Y}-004`]).toMatchObject({ status: 'ACCEPTED', dueOn: `${Y}-03-07`, overdue: true });
    const totals = await t.graphql(
      'query($period: PeriodInput!) { yearlyTotals(period: $period) { complaints { filed resolved overdue overdueComplaints overdueDenunciations } } }',
      { period: { kind: 'CALENDAR_YEAR', year: Y } },
    );
    expect(totals.body.data.yearlyTotals.complaints).toEqual({
      filed: 5,
      resolved: 3,
      overdue: 1,
      overdueComplaints: 1,
      overdueDenunciations: 0,
    });
  });

  it('shows the secretariat the dossier left awaiting appraisal as overdue from the day after its due date', async () => {
    // 20 working days from 12-26 skip New Year's Day and end before the Tết days off.
    const dueOn = appraisalDueDate(OVERDUE_DOSSIER.receivedOn, AuthorityLevel.DISTRICT, 'tdkt-2022');
    expect(dueOn).toMatch(new RegExp(`^${DEMO_YEAR + 1}-01-`));
    const overdueOn = (day: string) =>
      t.graphql(
        'query($day: Date!) { dossiers(filter: { overdueOn: $day }) { totalCount edges { node { id status award handlingLevel handlingOfficerId dueOn } } } }',
        { day },
        DEMO_ACTORS.districtSecretariat,
      );
    const { body } = await overdueOn(addDays(dueOn, 1));
    expect(body.errors).toBeUndefined();
    expect(body.data.dossiers.totalCount).toBe(1);
    expect(body.data.dossiers.edges.map((e: { node: unknown }) => e.node)).toEqual([
      {
        id: year.dossiers.overdue,
        status: 'SUBMITTED',
        award: 'CERTIFICATE_OF_MERIT',
        handlingLevel: 'DISTRICT',
        handlingOfficerId: DEMO_ACTORS.districtSecretariat.sub,
        dueOn,
      },
    ]);
    // On its due date it is not overdue yet.
    expect((await overdueOn(dueOn)).body.data.dossiers.totalCount).toBe(0);
    expect(await types(`dossier-${year.dossiers.overdue}`)).toEqual([
      'DossierSubmitted',
      'DossierReceived',
      'DossierAssigned',
    ]);
  });

  it("shows an inspector the revoked award's whole history, ballot choices hidden, chain verified", async () => {
    const { body } = await t.graphql(
      `query($filter: AuditFilter!) { auditTrail(filter: $filter, first: 100) { entries { type streamId actorId data } chainVerified hasNextPage } }`,
      { filter: { dossierId: year.dossiers['p-ngo-van-phuc'] } },
    );
    const trail = body.data.auditTrail;
    const types = trail.entries.map((e: { type: string }) => e.type);
    expect(types).toEqual(
      expect.arrayContaining([
        'DossierSubmitted',
        'DossierAppraised',
        'CouncilSessionConvened',
        'BallotCast',
        'CouncilSessionClosed',
        'DossierResolved',
        'AwardGranted',
        'DossierGranted',
        'ComplaintFiled',
        'ComplaintAccepted',
        'ComplaintResolved',
        'AwardRevoked',
      ]),
    );
    expect(types.filter((type: string) => type === 'BallotCast')).toHaveLength(9); // no member sits in Mỹ Thanh commune: all nine voted
    for (const ballot of trail.entries.filter((e: { type: string }) => e.type === 'BallotCast'))
      expect(ballot.data.choice).toBe('REDACTED');
    expect(trail.entries.find((e: { type: string }) => e.type === 'BallotCast').actorId).toMatch(/^p-/);
    expect(trail.chainVerified).toBe(true);
  });

  it('signs the covenant commune by commune, merges and renames two villages, transfers an officer, proposes a household', async () => {
    const yearEvents = await t.app.services.store.readStream(`cluster_year-khoi-cac-xa:${DEMO_YEAR}`);
    const signed = yearEvents.filter((e) => e.type === 'ClusterCovenantMemberSigned');
    expect(signed.map((e) => e.metadata.role)).toEqual(signed.map(() => 'UNIT_OFFICER'));
    expect(signed[signed.length - 1].data.unsignedUnitIds).toEqual([]);
    const { body } = await t.graphql(`query($id: ID!) { dossier(id: $id) { status nominee { kind id name } } }`, {
      id: year.dossiers.household,
    });
    expect(body.data.dossier).toEqual({
      status: 'ELIGIBLE',
      nominee: { kind: 'HOUSEHOLD', id: 'ho-hoang-van-sinh', name: 'Hoàng Văn Sinh' },
    });
    const village = await t.graphql(`{ searchSubjects(text: "Nà Pài") { subject { kind id name } } }`);
    expect(village.body.data.searchSubjects).toContainEqual({
      subject: { kind: 'COLLECTIVE', id: 'thon-na-pai', name: 'Thôn Nà Pài – Bản Cầu' },
    });
    const moved = await t.app.services.store.readStream('person-p-ly-thi-mai');
    expect(moved.map((e) => e.type)).toEqual(['PersonRegistered', 'PersonTransferred']);
    const merged = await t.app.services.store.readStream('unit-thon-ban-cau');
    expect(merged[merged.length - 1].data).toMatchObject({ intoUnitId: 'thon-na-pai' });
  });

  it("forwards a commune's Bằng khen, supported by the district council, to the province, which receives and appraises it", async () => {
    expect(await types(`dossier-${year.dossiers.forwarded}`)).toEqual(FORWARDED_AND_APPRAISED);
    const { body } = await t.graphql(
      `query($id: ID!) { dossier(id: $id) { status ruleSet handlingUnitId handlingLevel receivedOn
        route { fromUnitId fromLevel toUnitId toLevel forwardedOn supportedInSessionId } } }`,
      { id: year.dossiers.forwarded },
      DEMO_ACTORS.provinceSecretariat,
    );
    expect(body.data.dossier).toEqual({
      status: 'ELIGIBLE',
      ruleSet: 'tdkt-2022',
      handlingUnitId: 'tinh-bac-kan',
      handlingLevel: 'PROVINCE',
      receivedOn: FORWARDED_DOSSIER.receivedAtProvinceOn,
      route: [
        {
          fromUnitId: 'huyen-bach-thong',
          fromLevel: 'DISTRICT',
          toUnitId: 'tinh-bac-kan',
          toLevel: 'PROVINCE',
          forwardedOn: FORWARDED_DOSSIER.forwardedOn,
          supportedInSessionId: year.sessions[2],
        },
      ],
    });
  });

  it('keeps every stream hash chain intact', async () => {
    const streams = (await t.db.pool.query<{ stream_id: string }>('SELECT DISTINCT stream_id FROM events')).rows.map(
      (r) => r.stream_id,
    );
    // 14 units, 20 people (5 of them on the province council), a household, 2 movements, a plan, a cluster and
    // its year, 7 registrations, 5 ratings, an initiative, 11 dossiers (one sudden, two forwarded), a
    // publication, 3 district sessions and a province one, 64 ballots (a stream each; the member from Cẩm Giàng
    // is barred from its dossier), a decision, 7 awards, a certificate register, 5 complaints
    expect(streams.filter((id) => id.startsWith('ballot-'))).toHaveLength(64);
    expect(streams.length).toBe(147);
    for (const streamId of streams)
      expect(verifyChain(await events(streamId))).toEqual({ valid: true, brokenAt: null });
  });
});
