import { allProjections } from '../../projections';
import type { TestApp } from '../support/app';
import { startDemoApp } from '../support/demo';

/**
 * Every read model rebuilt from the log answers every question exactly as the
 * incrementally built one did.
 */
const QUESTIONS: Array<[string, Record<string, unknown>]> = [
  [
    'query($f: AuditFilter!) { auditTrail(filter: $f, first: 100) { entries { position type summary data hash actorId } chainVerified hasNextPage } }',
    { f: { dossierId: 'hs-ldtt-ngo-van-phuc' } },
  ],
  [
    'query($f: AuditFilter!) { auditTrail(filter: $f, first: 100) { entries { position type } } }',
    { f: { subject: { kind: 'COLLECTIVE', id: 'xa-quan-ha' } } },
  ],
  ['{ searchSubjects(text: "thi", first: 50) { subject { kind id name } unitName score } }', {}],
  ['{ clusters { id name kind organizerUnitId memberUnitIds } }', {}],
  [
    '{ clusterStandings(clusterId: "khoi-cac-xa", year: 2024) { finalized leaderUnitId rows { rank unitId totalPoints proposedForFlag scores { code points } } } }',
    {},
  ],
  ['{ movements { id name kind startsOn endsOn } }', {}],
  [
    'query($f: DossierFilter) { dossiers(filter: $f, first: 100) { edges { cursor node { id status receivedOn handlingLevel handlingOfficerId dueOn version } } pageInfo { hasNextPage endCursor } totalCount } }',
    { f: { proposingUnitId: 'huyen-bach-thong' } },
  ],
  [
    '{ councilSessions { edges { node { id level heldOn status memberCount membersVoted members { personId ballotsCast writtenBallots } agenda { dossierId thresholdShare tally { approve reject abstain members approved } } } } } }',
    {},
  ],
  ['{ plan(id: "ke-hoach-tdkt-2024") { tasks { taskNo status } } }', {}],
  [
    '{ publicationsOfDossier(dossierId: "hs-co-thi-dua-xa-quan-ha") { id channels location fromDate toDate nominees { dossierId award nominee { id name } } comments { commentNo commenterName receivedOn dossierId complaintId } } }',
    {},
  ],
  [
    '{ eligibility(subject: { kind: INDIVIDUAL, id: "p-dang-thi-lan" }, award: PROVINCIAL_EMULATION_FIGHTER, period: { kind: CALENDAR_YEAR, year: 2024 }) { eligible ruleSet checks { rule passed detail } } }',
    {},
  ],
];

describe('rebuilding every projection from the log', () => {
  let t: TestApp;
  beforeAll(async () => {
    ({ t } = await startDemoApp());
  }, 60_000);
  afterAll(async () => t.stop());

  const answers = async () =>
    Promise.all(QUESTIONS.map(async ([query, variables]) => (await t.graphql(query, variables)).body));

  it('gives the same answers as the incrementally built read models', async () => {
    const before = await answers();
    for (const [i, answer] of before.entries()) expect([i, answer.errors]).toEqual([i, undefined]);
    const generations = t.app.services.projections.status().map((s) => [s.name, s.generation]);
    for (const projection of allProjections) await t.app.services.projections.rebuild(projection.name);
    expect(t.app.services.projections.status().map((s) => [s.name, s.generation])).toEqual(
      generations.map(([name, g]) => [name, (g as number) + 1]),
    );
    expect(await answers()).toEqual(before);
  });
});
