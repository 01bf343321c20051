/**
 * One valid-shaped request per query and mutation of the schema, naming things of the
 * award tests' organisation (test/support/awarding.ts ORG): what the generated role
 * checks send as each role the policy refuses.
 */
import type { Role } from '../../src/identity';
import type { Actor } from './auth';
import { workforceFigures } from './workforceFigures';
import { ADMIN, MEMBERS, ORG, SECRETARIAT, TODAY, UNIT_OFFICER } from './awarding';

export interface OperationRequest {
  query: string;
  variables: Record<string, unknown>;
}

/** One actor per role: the unit-scoped ones act for the province (secretariat) and the school (officer). */
export const ACTOR_OF_ROLE: Record<Role, Actor> = {
  ADMIN,
  SECRETARIAT,
  UNIT_OFFICER,
  COUNCIL_MEMBER: { sub: 'tv-1', role: 'COUNCIL_MEMBER' },
  INSPECTOR: { sub: 'thanh-tra-1', role: 'INSPECTOR' },
  COMPLAINT_OFFICER: { sub: 'tiep-dan-1', role: 'COMPLAINT_OFFICER' },
  ANALYST: { sub: 'phan-tich-1', role: 'ANALYST' },
};

const YEAR = { kind: 'CALENDAR_YEAR', year: 2025 };
const DECISION_KEY = { issuedByUnitId: ORG.district, year: 2025, number: '15/QĐ-UBND' };
const DECISION_DRAFT = {
  ...DECISION_KEY,
  decidedOn: TODAY,
  place: 'Bạch Thông',
  signerName: 'Chủ tịch UBND huyện',
  signerTitle: 'Chủ tịch',
  about: 'khen thưởng danh hiệu Lao động tiên tiến năm 2025',
  legalGrounds: ['Luật Thi đua, khen thưởng số 06/2022/QH15'],
  dossierIds: ['hs-hoa'],
};
const HOA = { kind: 'INDIVIDUAL', id: 'gv-hoa' };

function mutation(
  field: string,
  signature: string,
  call: string,
  variables: Record<string, unknown>,
): OperationRequest {
  return { query: `mutation(${signature}) { ${field}(${call}) { id position } }`, variables };
}

function inputMutation(field: string, inputType: string, input: Record<string, unknown>): OperationRequest {
  return mutation(field, `$input: ${inputType}!`, 'input: $input', { input });
}

export const MUTATION_REQUESTS: Record<string, OperationRequest> = {
  registerUnit: inputMutation('registerUnit', 'RegisterUnitInput', {
    id: 'to-van',
    name: 'Tổ Ngữ văn',
    kind: 'AGENCY',
    level: 'UNIT',
    parentUnitId: ORG.school,
  }),
  registerPerson: inputMutation('registerPerson', 'RegisterPersonInput', {
    id: 'gv-moi',
    fullName: 'Lò Thị Mới',
    unitId: ORG.school,
    directWorker: false,
  }),
  registerHousehold: inputMutation('registerHousehold', 'RegisterHouseholdInput', {
    id: 'ho-moi',
    headName: 'Hà Văn Hộ',
    address: 'Thôn 1',
    unitId: ORG.district,
  }),
  renameUnit: inputMutation('renameUnit', 'RenameUnitInput', {
    unitId: ORG.school,
    name: 'Trường THCS mới',
    effectiveOn: TODAY,
  }),
  mergeUnit: inputMutation('mergeUnit', 'MergeUnitInput', {
    unitId: ORG.school,
    intoUnitId: ORG.education,
    effectiveOn: TODAY,
  }),
  transferPerson: inputMutation('transferPerson', 'TransferPersonInput', {
    personId: 'gv-hoa',
    toUnitId: ORG.education,
    effectiveOn: TODAY,
  }),
  launchMovement: inputMutation('launchMovement', 'LaunchMovementInput', {
    name: 'Dạy tốt, học tốt',
    kind: 'REGULAR',
    launchedByUnitId: ORG.district,
    startsOn: '2025-01-01',
    criteria: ['Chất lượng dạy học'],
  }),
  issuePlan: inputMutation('issuePlan', 'IssuePlanInput', {
    year: 2025,
    issuedByUnitId: ORG.district,
    title: 'Kế hoạch thi đua năm 2025',
    tasks: [
      { quarter: 1, content: 'Phát động thi đua', directingUnitId: ORG.district, executingUnitIds: [ORG.school] },
    ],
  }),
  reportPlanTask: mutation(
    'reportPlanTask',
    '$planId: ID!, $taskNo: Int!, $done: Boolean!',
    'planId: $planId, taskNo: $taskNo, done: $done',
    { planId: 'kh-2025', taskNo: 1, done: true },
  ),
  formCluster: inputMutation('formCluster', 'FormClusterInput', {
    name: 'Khối các sở',
    kind: 'BLOC',
    organizerUnitId: ORG.province,
    memberUnitIds: [ORG.homeAffairs, ORG.education, ORG.district, ORG.school],
  }),
  assignClusterLeadership: mutation(
    'assignClusterLeadership',
    '$clusterId: ID!, $year: Int!, $leaderUnitId: ID!, $deputyUnitId: ID!',
    'clusterId: $clusterId, year: $year, leaderUnitId: $leaderUnitId, deputyUnitId: $deputyUnitId',
    { clusterId: 'khoi-so', year: 2025, leaderUnitId: ORG.education, deputyUnitId: ORG.district },
  ),
  setClusterCriteria: inputMutation('setClusterCriteria', 'SetClusterCriteriaInput', {
    clusterId: 'khoi-so',
    year: 2025,
    criteria: [{ code: 'CM', name: 'Chuyên môn', maxPoints: 100 }],
  }),
  recordClusterScore: inputMutation('recordClusterScore', 'RecordClusterScoreInput', {
    clusterId: 'khoi-so',
    year: 2025,
    unitId: ORG.school,
    criterionCode: 'CM',
    points: 90,
    kind: 'SELF',
  }),
  signClusterCovenant: inputMutation('signClusterCovenant', 'SignClusterCovenantInput', {
    clusterId: 'khoi-so',
    year: 2025,
    unitId: ORG.school,
    signedOn: TODAY,
  }),
  finalizeClusterRanking: mutation(
    'finalizeClusterRanking',
    '$clusterId: ID!, $year: Int!',
    'clusterId: $clusterId, year: $year',
    { clusterId: 'khoi-so', year: 2025 },
  ),
  registerTitle: inputMutation('registerTitle', 'RegisterTitleInput', {
    subject: HOA,
    award: 'ADVANCED_WORKER',
    period: YEAR,
  }),
  ratePerformance: inputMutation('ratePerformance', 'RatePerformanceInput', {
    subject: HOA,
    period: YEAR,
    rating: 'GOOD',
  }),
  reportWorkforce: inputMutation('reportWorkforce', 'ReportWorkforceInput', {
    unitId: ORG.school,
    year: 2025,
    figures: workforceFigures(),
  }),
  recognizeInitiative: inputMutation('recognizeInitiative', 'RecognizeInitiativeInput', {
    title: 'Sáng kiến dạy học',
    authorIds: ['gv-hoa'],
    level: 'UNIT',
    period: YEAR,
    decisionNumber: '12/QĐ-SK',
  }),
  submitDossier: inputMutation('submitDossier', 'SubmitDossierInput', {
    proposingUnitId: ORG.school,
    nominee: HOA,
    award: 'ADVANCED_WORKER',
    period: YEAR,
    achievements: 'Hoàn thành tốt nhiệm vụ.',
  }),
  resubmitDossier: mutation(
    'resubmitDossier',
    '$dossierId: ID!, $achievements: String!',
    'dossierId: $dossierId, achievements: $achievements',
    { dossierId: 'hs-hoa', achievements: 'Bổ sung.' },
  ),
  withdrawDossier: mutation(
    'withdrawDossier',
    '$dossierId: ID!, $reason: String!',
    'dossierId: $dossierId, reason: $reason',
    { dossierId: 'hs-hoa', reason: 'Rút hồ sơ.' },
  ),
  returnDossier: mutation(
    'returnDossier',
    '$dossierId: ID!, $reason: String!',
    'dossierId: $dossierId, reason: $reason',
    { dossierId: 'hs-hoa', reason: 'Thiếu nhận xét.' },
  ),
  receiveDossier: mutation(
    'receiveDossier',
    '$dossierId: ID!, $receivedOn: Date!',
    'dossierId: $dossierId, receivedOn: $receivedOn',
    { dossierId: 'hs-hoa', receivedOn: TODAY },
  ),
  assignDossier: mutation(
    'assignDossier',
    '$dossierId: ID!, $officerId: ID!',
    'dossierId: $dossierId, officerId: $officerId',
    { dossierId: 'hs-hoa', officerId: 'tv-1' },
  ),
  appraiseDossier: mutation('appraiseDossier', '$dossierId: ID!', 'dossierId: $dossierId', { dossierId: 'hs-hoa' }),
  attachDocument: mutation(
    'attachDocument',
    '$dossierId: ID!, $kind: DocumentKind!, $sha256: String!, $fileName: String!',
    'dossierId: $dossierId, kind: $kind, sha256: $sha256, fileName: $fileName',
    { dossierId: 'hs-hoa', kind: 'PROPOSAL_MEMO', sha256: 'a'.repeat(64), fileName: 'to-trinh.pdf' },
  ),
  forwardDossier: mutation(
    'forwardDossier',
    '$dossierId: ID!, $toUnitId: ID!',
    'dossierId: $dossierId, toUnitId: $toUnitId',
    { dossierId: 'hs-hoa', toUnitId: ORG.homeAffairs },
  ),
  draftProposal: inputMutation('draftProposal', 'DraftProposalInput', {
    unitId: ORG.school,
    number: '12/TTr-THCS',
    proposedOn: TODAY,
    dossierIds: ['hs-hoa'],
  }),
  submitProposal: mutation('submitProposal', '$proposalId: ID!', 'proposalId: $proposalId', { proposalId: 'tt-1' }),
  conveneCouncilSession: inputMutation('conveneCouncilSession', 'ConveneCouncilSessionInput', {
    councilUnitId: ORG.homeAffairs,
    heldOn: TODAY,
    memberIds: MEMBERS,
    dossierIds: ['hs-hoa'],
  }),
  castBallot: inputMutation('castBallot', 'CastBallotInput', {
    sessionId: 'phien-1',
    dossierId: 'hs-hoa',
    memberId: 'tv-1',
    choice: 'APPROVE',
  }),
  closeCouncilSession: mutation('closeCouncilSession', '$sessionId: ID!', 'sessionId: $sessionId', {
    sessionId: 'phien-1',
  }),
  grantAward: inputMutation('grantAward', 'GrantAwardInput', {
    dossierId: 'hs-hoa',
    decisionNumber: '15/QĐ-UBND',
    decidedOn: TODAY,
    issuedByUnitId: ORG.district,
    signerName: 'Chủ tịch UBND huyện',
  }),
  revokeAward: mutation(
    'revokeAward',
    '$awardId: ID!, $reason: String!, $decisionNumber: String!',
    'awardId: $awardId, reason: $reason, decisionNumber: $decisionNumber',
    { awardId: 'kt-hoa', reason: 'Sai sót.', decisionNumber: '16/QĐ-UBND' },
  ),
  printCertificate: mutation('printCertificate', '$awardId: ID!', 'awardId: $awardId', { awardId: 'kt-hoa' }),
  draftDecision: inputMutation('draftDecision', 'DecisionDraftInput', DECISION_DRAFT),
  reviseDecisionDraft: inputMutation('reviseDecisionDraft', 'DecisionDraftInput', DECISION_DRAFT),
  signDecision: mutation(
    'signDecision',
    '$issuedByUnitId: ID!, $year: Int!, $number: String!',
    'issuedByUnitId: $issuedByUnitId, year: $year, number: $number',
    DECISION_KEY,
  ),
  fileComplaint: inputMutation('fileComplaint', 'FileComplaintInput', {
    kind: 'COMPLAINT',
    complainantName: 'Trần Văn Khiếu',
    receivedOn: TODAY,
    content: 'Khiếu nại.',
    subject: HOA,
  }),
  acceptComplaint: mutation(
    'acceptComplaint',
    '$complaintId: ID!, $acceptedOn: Date!',
    'complaintId: $complaintId, acceptedOn: $acceptedOn',
    { complaintId: 'kn-1', acceptedOn: TODAY },
  ),
  dismissComplaint: mutation(
    'dismissComplaint',
    '$complaintId: ID!, $reason: String!, $decidedOn: Date!',
    'complaintId: $complaintId, reason: $reason, decidedOn: $decidedOn',
    { complaintId: 'kn-1', reason: 'Không thụ lý.', decidedOn: TODAY },
  ),
  extendDenunciation: inputMutation('extendDenunciation', 'ExtendDenunciationInput', {
    denunciationId: 'kn-1',
    days: 30,
    reason: 'Vụ việc phức tạp.',
    complexity: 'COMPLEX',
    extendedOn: TODAY,
  }),
  publishNominees: inputMutation('publishNominees', 'PublishNomineesInput', {
    dossierIds: ['hs-1'],
    channels: ['PORTAL'],
    location: 'https://snv.example.gov.vn/cong-khai',
    fromDate: TODAY,
  }),
  recordPublicationComment: inputMutation('recordPublicationComment', 'RecordPublicationCommentInput', {
    publicationId: 'cc-1',
    commenterName: 'Trần Văn Bình',
    content: 'Ý kiến về danh sách.',
    receivedOn: TODAY,
  }),
  markComplex: mutation(
    'markComplex',
    '$complaintId: ID!, $markedOn: Date!',
    'complaintId: $complaintId, markedOn: $markedOn',
    { complaintId: 'kn-1', markedOn: TODAY },
  ),
  resolveComplaint: inputMutation('resolveComplaint', 'ResolveComplaintInput', {
    complaintId: 'kn-1',
    outcome: 'REJECTED',
    resolution: 'Không có cơ sở.',
    decidedOn: TODAY,
  }),
};

export const QUERY_REQUESTS: Record<string, OperationRequest> = {
  projections: { query: '{ projections { name } }', variables: {} },
  projectionsCaughtUp: { query: '{ projectionsCaughtUp(position: "0") }', variables: {} },
  yearlyTotals: {
    query:
      'query($u: ID) { yearlyTotals(unitId: $u, period: { kind: CALENDAR_YEAR, year: 2025 }) { period { year } } }',
    variables: { u: ORG.school },
  },
  reportForm: {
    query:
      'query($u: ID) { reportForm(code: "0603", unitId: $u, period: { kind: CALENDAR_YEAR, year: 2025 }) { code } }',
    variables: { u: ORG.school },
  },
  yearlyTotalsSeries: {
    query:
      'query($u: ID) { yearlyTotalsSeries(unitId: $u, kind: CALENDAR_YEAR, fromYear: 2024, toYear: 2025) { period { year } } }',
    variables: { u: ORG.school },
  },
  clusters: { query: '{ clusters { id } }', variables: {} },
  clusterStandings: {
    query: 'query($c: ID!) { clusterStandings(clusterId: $c, year: 2025) { clusterId } }',
    variables: { c: 'khoi-so' },
  },
  movements: { query: '{ movements { id } }', variables: {} },
  plan: { query: 'query($id: ID!) { plan(id: $id) { id } }', variables: { id: 'kh-2025' } },
  searchSubjects: {
    query: 'query($t: String!) { searchSubjects(text: $t) { subject { id } } }',
    variables: { t: 'hoa' },
  },
  eligibility: {
    query:
      'query($s: SubjectInput!) { eligibility(subject: $s, award: ADVANCED_WORKER, period: { kind: CALENDAR_YEAR, year: 2025 }) { eligible } }',
    variables: { s: HOA },
  },
  dossier: { query: 'query($id: ID!) { dossier(id: $id) { id } }', variables: { id: 'hs-hoa' } },
  dossiers: { query: '{ dossiers { edges { node { id } } } }', variables: {} },
  awardHistory: { query: 'query($s: SubjectInput!) { awardHistory(subject: $s) { id } }', variables: { s: HOA } },
  awardsByDecision: { query: '{ awardsByDecision(decisionNumber: "15/QĐ-UBND") { id } }', variables: {} },
  decision: {
    query: `query($issuedByUnitId: ID!, $year: Int!, $number: String!) {
      decision(issuedByUnitId: $issuedByUnitId, year: $year, number: $number) { id } }`,
    variables: DECISION_KEY,
  },
  decisions: {
    query: '{ decisions(issuedByUnitId: "huyen", year: 2025) { id } }',
    variables: {},
  },
  proposals: {
    query: '{ proposals(unitId: "huyen", year: 2025) { id status } }',
    variables: {},
  },
  councilBallots: {
    query: 'query($s: ID!) { councilBallots(sessionId: $s) { memberId late } }',
    variables: { s: 'phien-1' },
  },
  publication: { query: 'query($id: ID!) { publication(id: $id) { id } }', variables: { id: 'cc-1' } },
  publicationsOfDossier: {
    query: 'query($dossierId: ID!) { publicationsOfDossier(dossierId: $dossierId) { id } }',
    variables: { dossierId: 'hs-1' },
  },
  councilSession: { query: 'query($id: ID!) { councilSession(id: $id) { id } }', variables: { id: 'phien-1' } },
  councilSessions: { query: '{ councilSessions { edges { node { id } } } }', variables: {} },
  auditTrail: {
    query: 'query($s: SubjectInput) { auditTrail(filter: { subject: $s }) { entries { type } } }',
    variables: { s: HOA },
  },
  complaint: { query: 'query($id: ID!) { complaint(id: $id) { id } }', variables: { id: 'kn-1' } },
  complaints: { query: '{ complaints { nodes { id } } }', variables: {} },
  logDigest: { query: '{ logDigest { root } }', variables: {} },
};
