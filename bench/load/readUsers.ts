/** The three readers measured against the app: a dashboard, an inspector, a complaint desk. */
import { authorizationOf } from '../auth';
import type { AwardSample } from '../generator';
import type { GraphQLClient } from '../http';
import { eachConcurrently } from '../lib';
import { withoutDiacritics } from '../names';
import type { Actor, Province } from '../province';
import type { Random } from '../random';

export type UserName = 'dashboard' | 'inspector' | 'complaint desk';

export interface ReadUser {
  name: UserName;
  /** HTTP requests one action makes. */
  requestsPerAction: number;
  description: string;
  action(client: GraphQLClient, rng: Random): Promise<void>;
  /** Steady state before measuring: each sample once (e.g. the app's chain-verification memory). */
  warmUp?(client: GraphQLClient): Promise<void>;
}

class QueryError extends Error {}

/** The headers that say who sends a request (by default its bearer token). */
export type Credentials = (actor: Actor) => Promise<Record<string, string>>;

async function must(
  client: GraphQLClient,
  query: string,
  variables: Record<string, unknown>,
  actor: Actor,
  credentials: Credentials,
) {
  const res = await client.request(query, variables, await credentials(actor));
  if (res.status !== 200 || res.body.errors?.length)
    throw new QueryError(`${res.status} ${JSON.stringify(res.body.errors?.[0] ?? '').slice(0, 200)}`);
  return res.body.data!;
}

/**
 * Readers of one kind: 64 people, so per-actor limits and caches see realistic traffic;
 * each request comes from one of them, with a token of its own.
 */
const READERS_PER_KIND = 64;

function actorsOf(prefix: string, role: Actor['role']): Actor[] {
  return Array.from({ length: READERS_PER_KIND }, (_, i) => ({ actorId: `${prefix}-${i + 1}`, role, unitId: null }));
}

/** The queries the readers send (also checked against the query limits by the tests). */
export const READ_QUERIES = {
  dashboard: `query($c: ID!, $y: Int!, $from: Int!, $to: Int!) { clusterStandings(clusterId: $c, year: $y) { clusterName finalized rows { rank unitName totalPoints } }
         yearlyTotalsSeries(kind: CALENDAR_YEAR, fromYear: $from, toYear: $to) { period { year } awards { award count revoked } dossiers { submitted granted } complaints { filed overdue } } }`,
  standings: `query($c: ID!, $y: Int!) { clusterStandings(clusterId: $c, year: $y) { clusterName finalized rows { rank unitName totalPoints } } }`,
  auditTrail: `query($d: ID!) { auditTrail(filter: { dossierId: $d }, first: 50) { entries { position recordedAt streamId type actorId summary hash } hasNextPage chainVerified } }`,
  search: `query($t: String!) { searchSubjects(text: $t, first: 10) { subject { kind id name } unitName score } }`,
  awardHistory: `query($s: SubjectInput!) { awardHistory(subject: $s) { id award label period { year label } decisionNumber decidedOn revoked } }`,
} as const;

/** The readers the app's schema can serve, and notes on those it cannot. */
export function readUsers(
  province: Province,
  awards: AwardSample[],
  fields: Set<string>,
  years: { first: number; last: number },
  credentials: Credentials = authorizationOf,
): { users: ReadUser[]; notes: string[] } {
  const notes: string[] = [];
  const users: ReadUser[] = [];
  if (fields.has('clusterStandings')) {
    const series = fields.has('yearlyTotalsSeries');
    if (!series)
      notes.push('dashboard: yearlyTotalsSeries is not in the schema; the dashboard reads clusterStandings only');
    users.push(dashboard(province, years, series, credentials));
  } else notes.push('dashboard: clusterStandings is not in the schema; skipped');
  if (fields.has('auditTrail') && awards.length > 0) users.push(inspector(awards, credentials));
  else notes.push('inspector: auditTrail is not in the schema (or no award was generated); skipped');
  if (fields.has('searchSubjects') && awards.length > 0) {
    const history = fields.has('awardHistory');
    if (!history) notes.push('complaint desk: awardHistory is not in the schema; the desk only searches');
    users.push(complaintDesk(awards, history, credentials));
  } else notes.push('complaint desk: searchSubjects is not in the schema (or no award was generated); skipped');
  return { users, notes };
}

/** A cluster's standings in a year, with the yearly totals series when the schema has it. */
function dashboard(
  province: Province,
  years: { first: number; last: number },
  series: boolean,
  credentials: Credentials,
): ReadUser {
  const analysts = actorsOf('bench-analyst', 'ANALYST');
  const query = series ? READ_QUERIES.dashboard : READ_QUERIES.standings;
  return {
    name: 'dashboard',
    requestsPerAction: 1,
    description: series ? 'clusterStandings + yearlyTotalsSeries in one request' : 'clusterStandings',
    action: async (client, rng) => {
      const cluster = rng.pick(province.clusters);
      await must(
        client,
        query,
        { c: cluster.id, y: rng.int(years.first, years.last), from: years.first, to: years.last },
        rng.pick(analysts),
        credentials,
      );
    },
  };
}

function inspector(awards: AwardSample[], credentials: Credentials): ReadUser {
  const inspectors = actorsOf('bench-inspector', 'INSPECTOR');
  const query = READ_QUERIES.auditTrail;
  return {
    name: 'inspector',
    requestsPerAction: 1,
    description: "auditTrail of one award's dossier, 50 entries, chain verified",
    action: async (client, rng) => {
      await must(client, query, { d: rng.pick(awards).dossierId }, rng.pick(inspectors), credentials);
    },
    // The first check of a stream recomputes its whole chain; later ones only what was appended since.
    warmUp: (client) =>
      eachConcurrently(
        [...new Set(awards.map((a) => a.dossierId))],
        8,
        async (d) => void (await must(client, query, { d }, inspectors[0], credentials)),
      ),
  };
}

/** A search by a name typed without diacritics, then the top hit's award history when the schema has it. */
function complaintDesk(awards: AwardSample[], history: boolean, credentials: Credentials): ReadUser {
  const desks = actorsOf('bench-desk', 'COMPLAINT_OFFICER');
  const { search, awardHistory: awardsOf } = READ_QUERIES;
  return {
    name: 'complaint desk',
    requestsPerAction: history ? 2 : 1,
    description: history
      ? 'searchSubjects by a name typed without diacritics, then awardHistory of the top hit'
      : 'searchSubjects without diacritics',
    action: async (client, rng) => {
      const award = rng.pick(awards);
      const desk = rng.pick(desks);
      const data = await must(
        client,
        search,
        { t: withoutDiacritics(award.subject.name).toLowerCase() },
        desk,
        credentials,
      );
      const top = (data.searchSubjects as Array<{ subject: { kind: string; id: string } }>)[0];
      if (history && top)
        await must(client, awardsOf, { s: { kind: top.subject.kind, id: top.subject.id } }, desk, credentials);
    },
  };
}
