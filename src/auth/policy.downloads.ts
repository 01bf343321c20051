/**
 * The downloads' rows (src/http/downloads.ts), judged like the queries they read: the
 * statistics forms and the aggregate exports as `reportForm`, `yearlyTotals` and
 * `clusterStandings`; the award register, which names people, as `awardsByDecision`
 * (no ANALYST); a printed certificate, which names its recipient, to the secretariat and
 * inspectors (no ANALYST); so is a decision's PDF, which names its recipients.
 */
import { grantTo, row, type AccessPolicy } from './policy';
import { TOTALS_OF_SUBTREE } from './policy.queries';

const AGGREGATE_READERS = grantTo(['SECRETARIAT', 'INSPECTOR', 'COMPLAINT_OFFICER', 'ANALYST']);
const NAME_READERS = grantTo(['SECRETARIAT', 'INSPECTOR', 'COMPLAINT_OFFICER']);

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
};
