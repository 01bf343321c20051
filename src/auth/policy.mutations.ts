/**
 * The mutations' rows. A unit-scoped role acts within the subtree of its token's unit:
 * every unit a command names, and the unit each thing it names belongs to (its scope
 * unit: a dossier's proposing unit, an award's issuing unit, a session's council unit,
 * a cluster's organizer, a person's unit), must lie in that subtree. The standing agency's
 * work on a dossier (reception, assignment, appraisal, return, publication, agenda,
 * forwarding) follows its current handling unit: once forwarded, the higher level's.
 */
import { currentHandlingUnitId } from '../dossiers/dossierForwarding';
import { SubjectKind } from '../shared/domain';
import {
  grantTo,
  row,
  when,
  type AccessPolicy,
  type AccessRequest,
  type Grant,
  type OperationArgs,
  type Refusal,
} from './policy';
import { outsideSubtree } from './scopeChecks';

type Units = Array<string | null>;
type ScopeOf = (request: AccessRequest) => Promise<Units> | Units;

/** Every unit the command names (directly, or through the things it names) lies in the caller's subtree. */
function inSubtree(scope: ScopeOf, rule = 'in its subtree'): Grant {
  return when(rule, async (request) => outsideSubtree(request, await scope(request)));
}

const input = (request: AccessRequest): OperationArgs => request.args.input;

const dossierUnit = async (request: AccessRequest, dossierId: string): Promise<string | null> =>
  (await request.facts.dossier(dossierId))?.proposingUnitId ?? null;
/** The unit handling the dossier now: its proposing unit, or the higher level it was forwarded to. */
const handlingUnit = async (request: AccessRequest, dossierId: string): Promise<string | null> => {
  const dossier = await request.facts.dossier(dossierId);
  return dossier === null ? null : currentHandlingUnitId(dossier);
};
const sessionUnit = async (request: AccessRequest, sessionId: string): Promise<string | null> =>
  (await request.facts.session(sessionId))?.councilUnitId ?? null;
const clusterUnit = async (request: AccessRequest, clusterId: string): Promise<string | null> =>
  (await request.facts.cluster(clusterId))?.organizerUnitId ?? null;
const personUnits = (request: AccessRequest, personIds: readonly string[]): Promise<Units> =>
  Promise.all(personIds.map((id) => request.facts.unitOf({ kind: SubjectKind.INDIVIDUAL, id })));

const ofDossierArg: ScopeOf = async (r) => [await dossierUnit(r, r.args.dossierId)];
const handledDossierArg: ScopeOf = async (r) => [await handlingUnit(r, r.args.dossierId)];
const HANDLED_HERE = 'handled in its subtree';
const ofClusterArg: ScopeOf = async (r) => [await clusterUnit(r, r.args.clusterId)];
const ofSubjectInput: ScopeOf = async (r) => [await r.facts.unitOf(input(r).subject)];

const ofPlanTasks: ScopeOf = (r) => {
  const tasks = (input(r).tasks ?? []) as OperationArgs[];
  return [
    input(r).issuedByUnitId,
    ...tasks.flatMap((t) => [t.directingUnitId, ...(t.executingUnitIds ?? []), ...(t.coordinatingUnitIds ?? [])]),
  ];
};

const ofSubmission: ScopeOf = async (r) => [input(r).proposingUnitId, await r.facts.unitOf(input(r).nominee)];

const ofConvening: ScopeOf = async (r) => {
  const {
    councilUnitId,
    memberIds = [],
    dossierIds = [],
  } = input(r) as { councilUnitId: string; memberIds?: string[]; dossierIds?: string[] };
  const [members, agenda] = await Promise.all([
    personUnits(r, memberIds),
    Promise.all(dossierIds.map((id) => handlingUnit(r, id))),
  ]);
  return [councilUnitId, ...members, ...agenda];
};

const ofDecisionDraft: ScopeOf = async (r) => [
  input(r).issuedByUnitId,
  ...(await Promise.all(((input(r).dossierIds ?? []) as string[]).map((id) => dossierUnit(r, id)))),
];
const ofGrant: ScopeOf = async (r) => [input(r).issuedByUnitId, await dossierUnit(r, input(r).dossierId)];
const ofAwardArg: ScopeOf = async (r) => [(await r.facts.award(r.args.awardId))?.issuedByUnitId ?? null];

function underAParent(request: AccessRequest): Refusal {
  return input(request).parentUnitId ? null : 'a unit without a parent is registered by ADMIN';
}

/** The signed decision is the secretariat's to attach. */
function notSignedDecision(request: AccessRequest): Refusal {
  return request.args.kind === 'SIGNED_DECISION' ? 'a signed decision is attached by SECRETARIAT' : null;
}

/** A past submission date enters an archived paper dossier: for the standing agency only. */
function notBackdated(request: AccessRequest): Refusal {
  const submittedOn = input(request).submittedOn as string | null | undefined;
  return submittedOn && submittedOn < request.today
    ? `a submission date before today (${submittedOn} < ${request.today}) is for SECRETARIAT and ADMIN only`
    : null;
}

function assessedScore(request: AccessRequest): Refusal {
  return input(request).kind === 'ASSESSED' ? null : "a SELF score is the member unit's own (UNIT_OFFICER)";
}

function selfScoreOfOwnUnit(request: AccessRequest): Refusal {
  const { kind, unitId } = input(request);
  if (kind !== 'SELF') return "an ASSESSED score is recorded by the cluster organizer's SECRETARIAT";
  return unitId === request.identity.unitId
    ? null
    : `a UNIT_OFFICER records the self-scores of its own unit ${request.identity.unitId} only`;
}

function ownUnitSigns(request: AccessRequest): Refusal {
  const unitId = input(request).unitId;
  return unitId === request.identity.unitId
    ? null
    : `a UNIT_OFFICER signs the covenant for its own unit ${request.identity.unitId} only, not ${unitId}`;
}

/** A unit officer reports on the tasks its unit directs or executes. */
async function taskOfOwnUnit(request: AccessRequest): Promise<Refusal> {
  const plan = await request.facts.plan(request.args.planId);
  const task = plan?.tasks[request.args.taskNo - 1];
  if (!task) return null; // no such plan or task: the command says so
  const own = request.identity.unitId;
  return task.directingUnitId === own || task.executingUnitIds.includes(own ?? '')
    ? null
    : `task ${request.args.taskNo} is not directed or executed by unit ${own}`;
}

function ownUnitProposes(request: AccessRequest): Refusal {
  const unitId = input(request).unitId;
  return unitId === request.identity.unitId
    ? null
    : `a UNIT_OFFICER writes proposal memos for its own unit ${request.identity.unitId} only, not ${unitId}`;
}

async function ownUnitsProposal(request: AccessRequest): Promise<Refusal> {
  const proposal = await request.facts.proposal(request.args.proposalId);
  if (proposal === null) return null; // no such memo: the command says so
  return proposal.unitId === request.identity.unitId
    ? null
    : `proposal memo ${proposal.proposalId} is unit ${proposal.unitId}'s, not ${request.identity.unitId}'s`;
}

function ownBallot(request: AccessRequest): Refusal {
  const memberId = input(request).memberId;
  return memberId === request.identity.actorId
    ? null
    : `${request.identity.actorId} may cast only its own ballot, not member ${memberId}'s`;
}

const COMPLAINT_HANDLING = grantTo(['COMPLAINT_OFFICER']);

export const MUTATION_POLICY: AccessPolicy = {
  registerUnit: row('mutation', 'Units and people', {
    SECRETARIAT: when('under a parent in its subtree', underAParent, (r) => outsideSubtree(r, [input(r).parentUnitId])),
  }),
  registerPerson: row(
    'mutation',
    'Units and people',
    grantTo(
      ['SECRETARIAT', 'UNIT_OFFICER'],
      inSubtree((r) => [input(r).unitId]),
    ),
  ),
  registerHousehold: row(
    'mutation',
    'Units and people',
    grantTo(
      ['SECRETARIAT', 'UNIT_OFFICER'],
      inSubtree((r) => [input(r).unitId]),
    ),
  ),
  renameUnit: row('mutation', 'Units and people', { SECRETARIAT: inSubtree((r) => [input(r).unitId]) }),
  mergeUnit: row('mutation', 'Units and people', {
    SECRETARIAT: inSubtree((r) => [input(r).unitId, input(r).intoUnitId], 'both units in its subtree'),
  }),
  transferPerson: row('mutation', 'Units and people', {
    SECRETARIAT: inSubtree(
      async (r) => [...(await personUnits(r, [input(r).personId])), input(r).toUnitId],
      'both units in its subtree',
    ),
  }),
  launchMovement: row('mutation', 'Movements and plans', {
    SECRETARIAT: inSubtree((r) => [input(r).launchedByUnitId, ...(input(r).participantUnitIds ?? [])]),
  }),
  issuePlan: row('mutation', 'Movements and plans', { SECRETARIAT: inSubtree(ofPlanTasks) }),
  reportPlanTask: row('mutation', 'Movements and plans', {
    SECRETARIAT: inSubtree(
      async (r) => [(await r.facts.plan(r.args.planId))?.issuedByUnitId ?? null],
      'plans issued in its subtree',
    ),
    UNIT_OFFICER: when('tasks its unit directs or executes', taskOfOwnUnit),
  }),
  formCluster: row('mutation', 'Clusters', {
    SECRETARIAT: inSubtree((r) => [input(r).organizerUnitId, ...(input(r).memberUnitIds ?? [])]),
  }),
  assignClusterLeadership: row('mutation', 'Clusters', {
    SECRETARIAT: inSubtree(async (r) => [
      await clusterUnit(r, r.args.clusterId),
      r.args.leaderUnitId,
      r.args.deputyUnitId,
    ]),
  }),
  setClusterCriteria: row('mutation', 'Clusters', {
    SECRETARIAT: inSubtree(async (r) => [await clusterUnit(r, input(r).clusterId)]),
  }),
  recordClusterScore: row('mutation', 'Clusters', {
    SECRETARIAT: when('ASSESSED scores, in its subtree', assessedScore, async (r) =>
      outsideSubtree(r, [await clusterUnit(r, input(r).clusterId), input(r).unitId]),
    ),
    UNIT_OFFICER: when('SELF scores of its own unit', selfScoreOfOwnUnit),
  }),
  signClusterCovenant: row('mutation', 'Clusters', { UNIT_OFFICER: when('for its own unit', ownUnitSigns) }),
  finalizeClusterRanking: row('mutation', 'Clusters', { SECRETARIAT: inSubtree(ofClusterArg) }),
  registerTitle: row('mutation', 'Registrations, ratings, initiatives', { UNIT_OFFICER: inSubtree(ofSubjectInput) }),
  reportWorkforce: row('mutation', 'Registrations, ratings, initiatives', {
    SECRETARIAT: inSubtree((r) => [input(r).unitId]),
  }),
  ratePerformance: row('mutation', 'Registrations, ratings, initiatives', { UNIT_OFFICER: inSubtree(ofSubjectInput) }),
  recognizeInitiative: row('mutation', 'Registrations, ratings, initiatives', {
    SECRETARIAT: inSubtree((r) => personUnits(r, input(r).authorIds ?? []), 'authors in its subtree'),
  }),
  submitDossier: row('mutation', 'Dossiers', {
    SECRETARIAT: inSubtree(ofSubmission, 'in its subtree, any submission date'),
    UNIT_OFFICER: when('in its subtree, submitted today', notBackdated, async (r) =>
      outsideSubtree(r, await ofSubmission(r)),
    ),
  }),
  resubmitDossier: row('mutation', 'Dossiers', { UNIT_OFFICER: inSubtree(ofDossierArg) }),
  withdrawDossier: row('mutation', 'Dossiers', { UNIT_OFFICER: inSubtree(ofDossierArg) }),
  returnDossier: row('mutation', 'Dossiers', { SECRETARIAT: inSubtree(handledDossierArg, HANDLED_HERE) }),
  receiveDossier: row('mutation', 'Dossiers', {
    SECRETARIAT: inSubtree(
      async (r) => [await handlingUnit(r, r.args.dossierId), r.args.receivingUnitId ?? null],
      HANDLED_HERE,
    ),
  }),
  assignDossier: row('mutation', 'Dossiers', {
    SECRETARIAT: inSubtree(
      async (r) => [await handlingUnit(r, r.args.dossierId), ...(await personUnits(r, [r.args.officerId]))],
      HANDLED_HERE,
    ),
  }),
  appraiseDossier: row('mutation', 'Dossiers', { SECRETARIAT: inSubtree(handledDossierArg, HANDLED_HERE) }),
  attachDocument: row('mutation', 'Dossiers', {
    SECRETARIAT: inSubtree(ofDossierArg),
    UNIT_OFFICER: when('its dossiers, other than the signed decision', notSignedDecision, async (request) =>
      outsideSubtree(request, await ofDossierArg(request)),
    ),
  }),
  forwardDossier: row('mutation', 'Dossiers', { SECRETARIAT: inSubtree(handledDossierArg, HANDLED_HERE) }),
  draftProposal: row('mutation', 'Dossiers', { UNIT_OFFICER: when('for its own unit', ownUnitProposes) }),
  submitProposal: row('mutation', 'Dossiers', { UNIT_OFFICER: when('for its own unit', ownUnitsProposal) }),
  publishNominees: row('mutation', 'Council', {
    SECRETARIAT: inSubtree(
      (r) => Promise.all(((input(r).dossierIds ?? []) as string[]).map((id) => handlingUnit(r, id))),
      'dossiers handled in its subtree',
    ),
  }),
  recordPublicationComment: row('mutation', 'Council', COMPLAINT_HANDLING),
  conveneCouncilSession: row('mutation', 'Council', { SECRETARIAT: inSubtree(ofConvening) }),
  castBallot: row('mutation', 'Council', {
    SECRETARIAT: inSubtree(
      async (r) => [await sessionUnit(r, input(r).sessionId)],
      "a member's written ballot, in its subtree",
    ),
    COUNCIL_MEMBER: when('its own ballot', ownBallot),
  }),
  closeCouncilSession: row('mutation', 'Council', {
    SECRETARIAT: inSubtree(async (r) => [await sessionUnit(r, r.args.sessionId)]),
  }),
  grantAward: row('mutation', 'Awards', { SECRETARIAT: inSubtree(ofGrant) }),
  revokeAward: row('mutation', 'Awards', { SECRETARIAT: inSubtree(ofAwardArg) }),
  printCertificate: row('mutation', 'Awards', { SECRETARIAT: inSubtree(ofAwardArg) }),
  draftDecision: row('mutation', 'Awards', { SECRETARIAT: inSubtree(ofDecisionDraft) }),
  reviseDecisionDraft: row('mutation', 'Awards', { SECRETARIAT: inSubtree(ofDecisionDraft) }),
  signDecision: row('mutation', 'Awards', { SECRETARIAT: inSubtree((r) => [r.args.issuedByUnitId]) }),
  fileComplaint: row('mutation', 'Complaints and denunciations', COMPLAINT_HANDLING),
  acceptComplaint: row('mutation', 'Complaints and denunciations', COMPLAINT_HANDLING),
  dismissComplaint: row('mutation', 'Complaints and denunciations', COMPLAINT_HANDLING),
  resolveComplaint: row('mutation', 'Complaints and denunciations', COMPLAINT_HANDLING),
  extendDenunciation: row('mutation', 'Complaints and denunciations', COMPLAINT_HANDLING),
  markComplex: row('mutation', 'Complaints and denunciations', COMPLAINT_HANDLING),
};
