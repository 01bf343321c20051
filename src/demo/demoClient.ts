import type { TokenSubject } from '../auth/tokens';
import { DEMO_ACTORS } from './demoData';

/** A GraphQL response body. */
export interface GraphQLAnswer {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}
/** Sends one GraphQL request as `actor` (the caller turns the actor into a bearer token). */
export type GraphQLExecutor = (
  query: string,
  variables: Record<string, unknown>,
  actor: TokenSubject,
) => Promise<GraphQLAnswer>;

/** The GraphQL mutations the demo sends, by name. */
const DEMO_MUTATIONS = {
  registerUnit: 'mutation($input: RegisterUnitInput!) { registerUnit(input: $input) { id position } }',
  registerPerson: 'mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { id position } }',
  registerHousehold: 'mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { id position } }',
  renameUnit: 'mutation($input: RenameUnitInput!) { renameUnit(input: $input) { id position } }',
  mergeUnit: 'mutation($input: MergeUnitInput!) { mergeUnit(input: $input) { id position } }',
  transferPerson: 'mutation($input: TransferPersonInput!) { transferPerson(input: $input) { id position } }',
  signClusterCovenant:
    'mutation($input: SignClusterCovenantInput!) { signClusterCovenant(input: $input) { id position } }',
  formCluster: 'mutation($input: FormClusterInput!) { formCluster(input: $input) { id position } }',
  assignClusterLeadership:
    'mutation($clusterId: ID!, $year: Int!, $leaderUnitId: ID!, $deputyUnitId: ID!) { assignClusterLeadership(clusterId: $clusterId, year: $year, leaderUnitId: $leaderUnitId, deputyUnitId: $deputyUnitId) { id position } }',
  setClusterCriteria:
    'mutation($input: SetClusterCriteriaInput!) { setClusterCriteria(input: $input) { id position } }',
  recordClusterScore:
    'mutation($input: RecordClusterScoreInput!) { recordClusterScore(input: $input) { id position } }',
  finalizeClusterRanking:
    'mutation($clusterId: ID!, $year: Int!) { finalizeClusterRanking(clusterId: $clusterId, year: $year) { id position } }',
  launchMovement: 'mutation($input: LaunchMovementInput!) { launchMovement(input: $input) { id position } }',
  issuePlan: 'mutation($input: IssuePlanInput!) { issuePlan(input: $input) { id position } }',
  reportPlanTask:
    'mutation($planId: ID!, $taskNo: Int!, $done: Boolean!, $note: String) { reportPlanTask(planId: $planId, taskNo: $taskNo, done: $done, note: $note) { id position } }',
  registerTitle: 'mutation($input: RegisterTitleInput!) { registerTitle(input: $input) { id position } }',
  ratePerformance: 'mutation($input: RatePerformanceInput!) { ratePerformance(input: $input) { id position } }',
  recognizeInitiative:
    'mutation($input: RecognizeInitiativeInput!) { recognizeInitiative(input: $input) { id position } }',
  submitDossier: 'mutation($input: SubmitDossierInput!) { submitDossier(input: $input) { id position } }',
  returnDossier:
    'mutation($dossierId: ID!, $reason: String!) { returnDossier(dossierId: $dossierId, reason: $reason) { id position } }',
  resubmitDossier:
    'mutation($dossierId: ID!, $achievements: String!) { resubmitDossier(dossierId: $dossierId, achievements: $achievements) { id position } }',
  receiveDossier:
    'mutation($dossierId: ID!, $receivedOn: Date!) { receiveDossier(dossierId: $dossierId, receivedOn: $receivedOn) { id position } }',
  assignDossier:
    'mutation($dossierId: ID!, $officerId: ID!) { assignDossier(dossierId: $dossierId, officerId: $officerId) { id position } }',
  appraiseDossier:
    'mutation($dossierId: ID!, $note: String) { appraiseDossier(dossierId: $dossierId, note: $note) { id position } }',
  attachDocument:
    'mutation($dossierId: ID!, $kind: DocumentKind!, $sha256: String!, $fileName: String!) { attachDocument(dossierId: $dossierId, kind: $kind, sha256: $sha256, fileName: $fileName) { id position } }',
  printCertificate: 'mutation($awardId: ID!) { printCertificate(awardId: $awardId) { id position } }',
  forwardDossier:
    'mutation($dossierId: ID!, $toUnitId: ID!, $forwardedOn: Date) { forwardDossier(dossierId: $dossierId, toUnitId: $toUnitId, forwardedOn: $forwardedOn) { id position } }',
  conveneCouncilSession:
    'mutation($input: ConveneCouncilSessionInput!) { conveneCouncilSession(input: $input) { id position } }',
  castBallot: 'mutation($input: CastBallotInput!) { castBallot(input: $input) { id position } }',
  closeCouncilSession:
    'mutation($sessionId: ID!) { closeCouncilSession(sessionId: $sessionId) { id position eventTypes } }',
  grantAward: 'mutation($input: GrantAwardInput!) { grantAward(input: $input) { id position } }',
  draftDecision: 'mutation($input: DecisionDraftInput!) { draftDecision(input: $input) { id position } }',
  signDecision:
    'mutation($issuedByUnitId: ID!, $year: Int!, $number: String!) { signDecision(issuedByUnitId: $issuedByUnitId, year: $year, number: $number) { id position } }',
  fileComplaint: 'mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { id position } }',
  acceptComplaint:
    'mutation($complaintId: ID!, $acceptedOn: Date!, $complex: Boolean, $remoteArea: Boolean) { acceptComplaint(complaintId: $complaintId, acceptedOn: $acceptedOn, complex: $complex, remoteArea: $remoteArea) { id position } }',
  dismissComplaint:
    'mutation($complaintId: ID!, $reason: String!, $decidedOn: Date!) { dismissComplaint(complaintId: $complaintId, reason: $reason, decidedOn: $decidedOn) { id position } }',
  resolveComplaint:
    'mutation($input: ResolveComplaintInput!) { resolveComplaint(input: $input) { id position eventTypes } }',
  extendDenunciation:
    'mutation($input: ExtendDenunciationInput!) { extendDenunciation(input: $input) { id position } }',
  publishNominees: 'mutation($input: PublishNomineesInput!) { publishNominees(input: $input) { id position } }',
  recordPublicationComment:
    'mutation($input: RecordPublicationCommentInput!) { recordPublicationComment(input: $input) { id position } }',
  markComplex:
    'mutation($complaintId: ID!, $markedOn: Date!) { markComplex(complaintId: $complaintId, markedOn: $markedOn) { id position } }',
} as const;

export type DemoMutation = keyof typeof DEMO_MUTATIONS;

/** What every demo mutation answers: the stream's id and the log position of its last event. */
export interface DemoResult {
  id: string;
  position: string;
  eventTypes?: string[];
}
/** Sends one demo mutation as `actor` (the district secretariat unless named) and returns its result. */
export type DemoCall = (
  name: DemoMutation,
  variables: Record<string, unknown>,
  actor?: TokenSubject,
) => Promise<DemoResult>;

/** A `DemoCall` that fails on the first GraphQL error and appends each result's log position to `positions`. */
export function demoCaller(execute: GraphQLExecutor, positions: string[]): DemoCall {
  return async (name, variables, actor = DEMO_ACTORS.districtSecretariat) => {
    const answer = await execute(DEMO_MUTATIONS[name], variables, actor);
    if (answer.errors?.length) {
      const [first] = answer.errors;
      throw new Error(`${name} failed: ${first.message} ${JSON.stringify(first.extensions ?? {})}`);
    }
    const result = answer.data![name] as DemoResult;
    positions.push(result.position);
    return result;
  };
}

/** Subject inputs of the API: a person, or a unit as a collective. */
export const individual = (id: string) => ({ kind: 'INDIVIDUAL', id });
export const collective = (id: string) => ({ kind: 'COLLECTIVE', id });

/** The district standing agency receives each dossier complete on `receivedOn` and puts its head in charge. */
export async function receiveAndAssign(call: DemoCall, dossierIds: string[], receivedOn: string): Promise<void> {
  for (const dossierId of dossierIds) {
    await call('receiveDossier', { dossierId, receivedOn });
    await call('assignDossier', { dossierId, officerId: DEMO_ACTORS.districtSecretariat.sub });
  }
}
