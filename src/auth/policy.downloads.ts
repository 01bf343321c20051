/**
 * The downloads' rows (src/http/downloads.ts), judged like the queries they read: the
 * statistics forms and the aggregate exports as `reportForm`, `yearlyTotals` and
 * `clusterStandings`; the award register, which names people, as `awardsByDecision`
 * (no ANALYST); a printed certificate, which names its recipient, to the secretariat and
 * inspectors (no ANALYST); so is a decision's PDF, which names its recipients. Documents:
 * a UNIT_OFFICER uploads for a dossier of its subtree, the secretariat any (decisions
 * included); a document is downloaded by whoever may read a dossier it is attached to,
 * judged as the `dossier` query judges that dossier.
 */
import { ALWAYS, grantTo, row, when, type AccessPolicy, type AccessRequest, type Refusal } from './policy';
import { QUERY_POLICY, TOTALS_OF_SUBTREE } from './policy.queries';
import { outsideSubtree } from './scopeChecks';

const AGGREGATE_READERS = grantTo(['SECRETARIAT', 'INSPECTOR', 'COMPLAINT_OFFICER', 'ANALYST']);
const NAME_READERS = grantTo(['SECRETARIAT', 'INSPECTOR', 'COMPLAINT_OFFICER']);

/** An upload names a dossier of the caller's subtree (`dossierId` in the query string). */
async function uploadForOwnDossier(request: AccessRequest): Promise<Refusal> {
  const dossierId = request.args.dossierId as string | null;
  if (!dossierId) return 'a UNIT_OFFICER names the dossier it uploads for (dossierId)';
  const dossier = await request.facts.dossier(dossierId);
  if (dossier === null) return `dossier ${dossierId} is not known`;
  return outsideSubtree(request, [dossier.proposingUnitId]);
}

export const DOWNLOAD_POLICY: AccessPolicy = {
  'GET /reports/forms/:code.xlsx': row('query', 'Downloads', {
    ...AGGREGATE_READERS,
    UNIT_OFFICER: TOTALS_OF_SUBTREE,
  }),
  'GET /exports/yearly-totals.{csv,xlsx}': row('query', 'Downloads', AGGREGATE_READERS),
  'GET /exports/cluster-standings.{csv,xlsx}': row('query', 'Downloads', AGGREGATE_READERS),
  'GET /exports/award-register.{csv,xlsx}': row('query', 'Downloads', NAME_READERS),
  'GET /awards/:awardId/certificate.pdf': row('query', 'Downloads', grantTo(['SECRETARIAT', 'INSPECTOR'])),
  'GET /decisions/:issuedByUnitId/:year/:number/decision.pdf': row(
    'query',
    'Downloads',
    grantTo(['SECRETARIAT', 'INSPECTOR']),
  ),
  'POST /documents': row('mutation', 'Documents', {
    SECRETARIAT: ALWAYS,
    UNIT_OFFICER: when('for a dossier proposed in its subtree (dossierId)', uploadForOwnDossier),
  }),
  'GET /documents/:sha256': row('query', 'Documents', QUERY_POLICY.dossier.grants),
};
