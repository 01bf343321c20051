/**
 * A year of emulation and commendation work in Bạch Thông district (Bắc Kạn province),
 * after the district's 2023 plan: units and people, a cluster of communes whose covenant
 * each commune signs, scored and finalized, two villages merged and renamed, an officer
 * transferred, a household proposed for a Giấy khen, movements, the yearly plan,
 * registrations, ratings, an initiative, award dossiers (one returned and resubmitted,
 * one ineligible, one left overdue in the queue), a sudden award by the simplified
 * procedure granted without the council, a published list of nominees with a comment,
 * three district council sessions, two dossiers forwarded to the province (khen cao), one
 * of them supported by the province council and granted there, award decisions,
 * a complaint upheld that revokes an award, a denunciation extended, a complaint marked
 * complex and one left overdue. Every step goes through the public GraphQL API, so the
 * same script loads demo data and drives the end-to-end test.
 */
import { demoCaller, type GraphQLExecutor } from './demoClient';
import { scoreCommunesCluster } from './demoCluster';
import { extendAndResolveDenunciation, leaveComplaintOverdue, resolveComplexComplaint } from './demoComplaintTerms';
import { dismissPetition, upholdComplaint } from './demoComplaints';
import { runFirstRound } from './demoFirstRound';
import { forwardToProvince } from './demoForwarding';
import { leaveDossierOverdue } from './demoOverdueDossier';
import { recognizeInitiative, rateNominees, registerTitles } from './demoRegistrations';
import { reorganiseAndProposeHousehold } from './demoReorganisation';
import { runSecondRound } from './demoSecondRound';
import { type DocumentUploader } from './demoDocuments';
import { grantSuddenAward } from './demoSuddenAward';
import { issueYearlyPlan, launchMovements, registerUnitsAndPeople } from './demoSetUp';

export type { GraphQLAnswer, GraphQLExecutor } from './demoClient';
export { DEMO_YEAR } from './demoData';

/**
 * What the year leaves: ids by nominee (or `fighter`, `flag`, `overdue`, `household`,
 * `sudden`, `forwarded`), the sessions (the district's three, then the province's), each
 * command's position.
 */
export interface DemoYearSummary {
  positions: string[];
  dossiers: Record<string, string>;
  awards: Record<string, string>;
  revokedAwardId: string;
  /** The SHA-256 of each document the year attached (none without an uploader). */
  documents: string[];
  sessions: string[];
  lastPosition: string;
}

/**
 * Runs the year through `execute`. With `upload`, the sudden award's dossier also gets its
 * documents (a run without a way to upload, such as some tests, leaves them out).
 */
export async function runDemoYear(
  execute: GraphQLExecutor,
  log: (line: string) => void = () => undefined,
  upload?: DocumentUploader,
): Promise<DemoYearSummary> {
  const positions: string[] = [];
  const call = demoCaller(execute, positions);

  log('units and people');
  await registerUnitsAndPeople(call);

  log('movements and the yearly plan');
  await launchMovements(call);
  await issueYearlyPlan(call);

  log('the communes cluster: leadership, criteria, scores, ranking');
  await scoreCommunesCluster(call);

  log('registrations, ratings, an initiative');
  await registerTitles(call);
  await rateNominees(call);
  await recognizeInitiative(call);

  log('a sudden award by the simplified procedure, decided without the council, its Giấy khen printed');
  const sudden = await grantSuddenAward(call, upload);

  log('dossiers, appraisal, first council session, decisions');
  const first = await runFirstRound(call);

  log(
    'second round: a grassroots emulation fighter and the emulation flag, published before the council; the flag forwarded to the province council',
  );
  const second = await runSecondRound(call);

  log("a commune's Bằng khen supported by the district council and forwarded to the province");
  const forwarded = await forwardToProvince(call);

  log('a certificate of merit dossier received at the year end and left awaiting appraisal');
  const overdue = await leaveDossierOverdue(call);

  log('two villages merged and renamed, an officer transferred, a household proposed for a Giấy khen');
  const household = await reorganiseAndProposeHousehold(call);

  log('complaints: one upheld (the award is revoked), one dismissed');
  const revokedAwardId = first.awards['p-ngo-van-phuc'];
  await upholdComplaint(call, revokedAwardId);
  await dismissPetition(call);

  log('complaint terms: a denunciation extended, a complaint marked complex, one left overdue');
  await extendAndResolveDenunciation(call);
  await leaveComplaintOverdue(call);
  await resolveComplexComplaint(call, first.dossiers['p-duong-thi-quynh']);

  return {
    positions,
    dossiers: {
      ...first.dossiers,
      ...second.dossiers,
      overdue,
      household,
      sudden: sudden.dossierId,
      forwarded: forwarded.dossierId,
    },
    awards: { ...first.awards, ...second.awards, sudden: sudden.awardId },
    revokedAwardId,
    documents: sudden.documents,
    sessions: [first.sessionId, second.sessionId, forwarded.sessionId, second.provinceSessionId],
    lastPosition: positions[positions.length - 1],
  };
}
