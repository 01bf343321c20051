/**
 * The queries' rows. SECRETARIAT, INSPECTOR and COMPLAINT_OFFICER read everything (a
 * denouncer's identity only COMPLAINT_OFFICER and ADMIN); ANALYST reads aggregates and
 * reference lists without personal data. A UNIT_OFFICER reads within its subtree: a
 * query naming a unit or subject outside it is refused, and lists keep only what lies
 * inside it (rules below, per query). A COUNCIL_MEMBER reads the dossiers on its
 * sessions' agendas and the ballots of its sessions (who voted, never how).
 */
import { SEARCH_PAGE_DEFAULT, SEARCH_PAGE_MAX } from '../../projections/registry/registry.queries';
import { subjectKey, type SubjectRef } from '../shared/domain';
import { withholdCommentersOf, withholdCommentersOfAll } from './commenters';
import { withholdFromComplaint, withholdFromComplaintPage, withholdFromTrail } from './denouncers';
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
import { anyInSubtree, inCallerSubtree, outsideReach } from './scopeChecks';

const READERS = grantTo(['SECRETARIAT', 'INSPECTOR', 'COMPLAINT_OFFICER']);
const AGGREGATE_READERS = grantTo(['SECRETARIAT', 'INSPECTOR', 'COMPLAINT_OFFICER', 'ANALYST']);
const EVERYONE = grantTo([
  'SECRETARIAT',
  'UNIT_OFFICER',
  'COUNCIL_MEMBER',
  'INSPECTOR',
  'COMPLAINT_OFFICER',
  'ANALYST',
]);

async function subjectInReach(request: AccessRequest, subject: SubjectRef): Promise<Refusal> {
  return (await anyInSubtree(request, [await request.facts.unitOf(subject)]))
    ? null
    : outsideReach(`subject ${subjectKey(subject)}`, request);
}

const subjectArg = (request: AccessRequest): Promise<Refusal> => subjectInReach(request, request.args.subject);

/** Totals of its subtree, or of a unit within it: the whole province's are not a unit officer's to read. */
async function unitArgInReach(request: AccessRequest): Promise<Refusal> {
  const unitId = request.args.unitId as string | null | undefined;
  if (!unitId) return `a UNIT_OFFICER reads the totals of unitId ${request.identity.unitId} or a unit below it`;
  return (await inCallerSubtree(request, unitId)) === true ? null : outsideReach(`unit ${unitId}`, request);
}

async function dossierInReach(
  request: AccessRequest,
  dossier: { proposingUnitId: string; nomineeUnitId: string } | null,
): Promise<boolean> {
  return dossier !== null && (await anyInSubtree(request, [dossier.proposingUnitId, dossier.nomineeUnitId]));
}

async function awardInReach(request: AccessRequest, awardId: string): Promise<boolean> {
  const award = await request.facts.award(awardId);
  return award !== null && (await anyInSubtree(request, [award.subjectUnitId, award.issuedByUnitId]));
}

/**
 * A unit officer's audit trail is pinned to something of its subtree: the filter names
 * a subject, dossier or award there (every one it names must be), and the entries are
 * those naming it.
 */
async function trailPinnedInReach(request: AccessRequest): Promise<Refusal> {
  const { subject, dossierId, awardId } = (request.args.filter ?? {}) as {
    subject?: SubjectRef | null;
    dossierId?: string | null;
    awardId?: string | null;
  };
  if (!subject && !dossierId && !awardId)
    return 'a UNIT_OFFICER filters the audit trail by a subject, dossier or award of its subtree';
  if (subject && (await subjectInReach(request, subject)) !== null)
    return outsideReach(`subject ${subjectKey(subject)}`, request);
  if (dossierId && !(await dossierInReach(request, await request.facts.dossier(dossierId))))
    return outsideReach(`dossier ${dossierId}`, request);
  if (awardId && !(await awardInReach(request, awardId))) return outsideReach(`award ${awardId}`, request);
  return null;
}

async function clusterInReach(request: AccessRequest): Promise<Refusal> {
  const cluster = await request.facts.cluster(request.args.clusterId);
  const units = cluster === null ? [] : [cluster.organizerUnitId, ...cluster.members.map((m) => m.unitId)];
  return (await anyInSubtree(request, units)) ? null : outsideReach(`cluster ${request.args.clusterId}`, request);
}

/** Keeps the items `inReach` accepts, in order. */
async function keep<T>(items: readonly T[], inReach: (item: T) => Promise<boolean>): Promise<T[]> {
  const verdicts = await Promise.all(items.map(inReach));
  return items.filter((_, i) => verdicts[i]);
}

/** Movements launched in its subtree, or above its unit (open to the units under the launcher). */
async function movementInReach(request: AccessRequest, movement: { launchedByUnitId: string }): Promise<boolean> {
  const home = request.identity.unitId;
  if ((await inCallerSubtree(request, movement.launchedByUnitId)) === true) return true;
  return home !== null && (await request.facts.units.contains(movement.launchedByUnitId, home)) === true;
}

interface PlanUnits {
  issuedByUnitId: string;
  tasks: Array<{ directingUnitId: string; executingUnitIds: string[]; coordinatingUnitIds: string[] }>;
}

async function planInReach(plan: PlanUnits, request: AccessRequest): Promise<Refusal> {
  const units = [
    plan.issuedByUnitId,
    ...plan.tasks.flatMap((t) => [t.directingUnitId, ...t.executingUnitIds, ...t.coordinatingUnitIds]),
  ];
  return (await anyInSubtree(request, [...new Set(units)])) ? null : outsideReach(`plan ${request.args.id}`, request);
}

/** Subjects in its subtree, placed by the registry in one query. */
async function subjectsInReach<T>(
  request: AccessRequest,
  items: readonly T[],
  subjectOf: (item: T) => SubjectRef,
): Promise<T[]> {
  const units = await request.facts.unitsOf(items.map(subjectOf));
  return keep(items, (item) => anyInSubtree(request, [units.get(subjectKey(subjectOf(item)))]));
}

interface DecisionAnswer {
  entries: Array<{ subject: SubjectRef; rewardVnd: number | null }>;
  awards: Array<{ subject: SubjectRef }>;
  totalRewardVnd: number;
}

/** A decision with only the entries and awards of subjects in its subtree (and their total). */
async function decisionInReach<D extends DecisionAnswer>(request: AccessRequest, decision: D): Promise<D> {
  const entries = await subjectsInReach(request, decision.entries, (e) => e.subject);
  const awards = await subjectsInReach(request, decision.awards, (a) => a.subject);
  const totalRewardVnd = entries.reduce((sum, e) => sum + (e.rewardVnd ?? 0), 0);
  return { ...decision, entries, awards, totalRewardVnd };
}

const DECISION_ENTRIES_IN_SUBTREE = 'entries and awards to subjects in its subtree';

/** A search narrowed to the subtree reads the longest page, then keeps the page asked for. */
function widenedSearch(args: OperationArgs): OperationArgs {
  const first = args.first ?? SEARCH_PAGE_DEFAULT;
  return Number.isInteger(first) && first >= 1 && first <= SEARCH_PAGE_MAX ? { ...args, first: SEARCH_PAGE_MAX } : args;
}

const SEARCH_IN_SUBTREE: Grant = {
  rule: 'hits in its subtree',
  prepare: widenedSearch,
  narrow: async (hits: Array<{ subject: SubjectRef }>, request) =>
    (await subjectsInReach(request, hits, (hit) => hit.subject)).slice(0, request.args.first ?? SEARCH_PAGE_DEFAULT),
};

const DOSSIER_IN_SUBTREE: Grant = {
  rule: 'proposed in or nominating from its subtree',
  refuseAnswer: async (dossier, request) =>
    (await dossierInReach(request, dossier)) ? null : outsideReach(`dossier ${request.args.id}`, request),
};

const DOSSIER_ON_AGENDA: Grant = {
  rule: "on its sessions' agendas",
  refuseAnswer: async (_dossier, request) =>
    (await request.facts.onAgendaOfMember(request.args.id, request.identity.actorId ?? ''))
      ? null
      : `dossier ${request.args.id} is on no agenda of a session ${request.identity.actorId} sits on`,
};

/** The ballots of a session the council member sits on. */
async function sessionOfMember(request: AccessRequest): Promise<Refusal> {
  const session = await request.facts.session(request.args.sessionId);
  return session !== null && session.members.some((m) => m.personId === request.identity.actorId)
    ? null
    : `${request.identity.actorId} does not sit on council session ${request.args.sessionId}`;
}

type FilterArgs = OperationArgs & { filter?: Record<string, unknown> | null };

/** The arguments with the filter's `field` set to `value`. */
function pinFilter(args: FilterArgs, field: string, value: unknown): OperationArgs {
  return { ...args, filter: { ...(args.filter ?? {}), [field]: value } };
}

/**
 * A unit officer's queue: dossiers proposed in its subtree. A proposingUnitId outside it is
 * refused; without one the list is pinned to its own unit, so pages stay whole.
 */
const QUEUE_OF_SUBTREE: Grant = {
  rule: 'proposed in its subtree',
  refuse: async (request) => {
    const unitId = (request.args.filter?.proposingUnitId ?? null) as string | null;
    if (unitId === null) return null;
    return (await inCallerSubtree(request, unitId)) === true ? null : outsideReach(`unit ${unitId}`, request);
  },
  prepare: (args, request) =>
    args.filter?.proposingUnitId ? args : pinFilter(args, 'proposingUnitId', request.identity.unitId),
};

/** A list pinned to the council member: `field` may name only the member itself, and is set to it. */
function pinnedToMember(field: string, rule: string): Grant {
  return {
    rule,
    refuse: async (request) => {
      const named = (request.args.filter?.[field] ?? null) as string | null;
      return named === null || named === request.identity.actorId
        ? null
        : `${request.identity.actorId} may list only by its own ${field}, not ${named}`;
    },
    prepare: (args, request) => pinFilter(args, field, request.identity.actorId ?? ''),
  };
}

const SESSION_OF_MEMBER: Grant = {
  rule: 'the sessions it sits on',
  refuseAnswer: async (session: { members: Array<{ personId: string }> }, request) =>
    session.members.some((m) => m.personId === request.identity.actorId)
      ? null
      : `${request.identity.actorId} does not sit on council session ${request.args.id}`,
};

/** The totals rule, which the statistics forms and their downloads share. */
export const TOTALS_OF_SUBTREE = when('its subtree (unitId required)', unitArgInReach);

export const QUERY_POLICY: AccessPolicy = {
  projections: row('query', 'Read models', EVERYONE),
  projectionsCaughtUp: row('query', 'Read models', EVERYONE),
  yearlyTotals: row('query', 'Totals, clusters, movements, plans', {
    ...AGGREGATE_READERS,
    UNIT_OFFICER: when('its subtree (unitId required)', unitArgInReach),
  }),
  yearlyTotalsSeries: row('query', 'Totals, clusters, movements, plans', {
    ...AGGREGATE_READERS,
    UNIT_OFFICER: when('its subtree (unitId required)', unitArgInReach),
  }),
  reportForm: row('query', 'Totals, clusters, movements, plans', {
    ...AGGREGATE_READERS,
    UNIT_OFFICER: when('its subtree (unitId required)', unitArgInReach),
  }),
  clusters: row('query', 'Totals, clusters, movements, plans', {
    ...AGGREGATE_READERS,
    UNIT_OFFICER: {
      rule: 'clusters with a member or organizer in its subtree',
      narrow: (clusters, r) =>
        keep(clusters, (c: { organizerUnitId: string; memberUnitIds: string[] }) =>
          anyInSubtree(r, [c.organizerUnitId, ...c.memberUnitIds]),
        ),
    },
  }),
  clusterStandings: row('query', 'Totals, clusters, movements, plans', {
    ...AGGREGATE_READERS,
    UNIT_OFFICER: when('clusters with a member or organizer in its subtree', clusterInReach),
  }),
  movements: row('query', 'Totals, clusters, movements, plans', {
    ...AGGREGATE_READERS,
    UNIT_OFFICER: {
      rule: 'launched in its subtree or above its unit',
      narrow: (movements, r) => keep(movements, (m: { launchedByUnitId: string }) => movementInReach(r, m)),
    },
  }),
  plan: row('query', 'Totals, clusters, movements, plans', {
    ...AGGREGATE_READERS,
    UNIT_OFFICER: { rule: 'issued in or naming a unit of its subtree', refuseAnswer: planInReach },
  }),
  searchSubjects: row('query', 'People, dossiers and awards', { ...READERS, UNIT_OFFICER: SEARCH_IN_SUBTREE }),
  eligibility: row('query', 'People, dossiers and awards', {
    ...READERS,
    UNIT_OFFICER: when('subjects in its subtree', subjectArg),
  }),
  dossier: row('query', 'People, dossiers and awards', {
    ...READERS,
    UNIT_OFFICER: DOSSIER_IN_SUBTREE,
    COUNCIL_MEMBER: DOSSIER_ON_AGENDA,
  }),
  proposals: row('query', 'People, dossiers and awards', {
    ...READERS,
    UNIT_OFFICER: when('memos of its subtree', unitArgInReach),
  }),
  dossiers: row('query', 'People, dossiers and awards', {
    ...READERS,
    UNIT_OFFICER: QUEUE_OF_SUBTREE,
    COUNCIL_MEMBER: pinnedToMember('councilMemberId', "on its sessions' agendas"),
  }),
  awardHistory: row('query', 'People, dossiers and awards', {
    ...READERS,
    UNIT_OFFICER: when('subjects in its subtree', subjectArg),
  }),
  awardsByDecision: row('query', 'People, dossiers and awards', {
    ...READERS,
    UNIT_OFFICER: {
      rule: 'awards to subjects in its subtree',
      narrow: (awards: Array<{ subject: SubjectRef }>, r) => subjectsInReach(r, awards, (a) => a.subject),
    },
  }),
  decision: row('query', 'People, dossiers and awards', {
    ...READERS,
    UNIT_OFFICER: {
      rule: DECISION_ENTRIES_IN_SUBTREE,
      narrow: async (decision: DecisionAnswer | null, r) => (decision === null ? null : decisionInReach(r, decision)),
    },
  }),
  decisions: row('query', 'People, dossiers and awards', {
    ...READERS,
    UNIT_OFFICER: {
      rule: DECISION_ENTRIES_IN_SUBTREE,
      narrow: (decisions: DecisionAnswer[], r) => Promise.all(decisions.map((d) => decisionInReach(r, d))),
    },
  }),
  councilBallots: row('query', 'Council', {
    ...grantTo(['SECRETARIAT', 'INSPECTOR']),
    COUNCIL_MEMBER: when('the sessions it sits on', sessionOfMember),
  }),
  publication: row('query', 'Council', {
    ...READERS,
    ANALYST: { rule: 'commenters withheld', narrow: async (answer) => withholdCommentersOf(answer) },
  }),
  publicationsOfDossier: row('query', 'Council', {
    ...READERS,
    ANALYST: { rule: 'commenters withheld', narrow: async (answer) => withholdCommentersOfAll(answer) },
  }),
  councilSession: row('query', 'Council', { ...READERS, COUNCIL_MEMBER: SESSION_OF_MEMBER }),
  councilSessions: row('query', 'Council', {
    ...READERS,
    COUNCIL_MEMBER: pinnedToMember('memberId', 'the sessions it sits on'),
  }),
  auditTrail: row(
    'query',
    'Audit and complaints',
    { ...READERS, UNIT_OFFICER: when('filtered by a subject, dossier or award of its subtree', trailPinnedInReach) },
    { withholdDenouncers: withholdFromTrail },
  ),
  complaint: row('query', 'Audit and complaints', READERS, { withholdDenouncers: withholdFromComplaint }),
  complaints: row('query', 'Audit and complaints', READERS, { withholdDenouncers: withholdFromComplaintPage }),
  logDigest: row('query', 'Audit and complaints', grantTo(['INSPECTOR'])),
};
