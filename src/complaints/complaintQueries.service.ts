import { getComplaintsPage } from '../../projections/complaints/complaints.queries';
import type { Services } from '../services';
import { ID_PATTERN } from '../shared/ids';
import type { ComplaintKind, ComplaintStatus, IsoDate } from '../shared/domain';
import { InvalidInput } from '../shared/errors';
import { isIsoDate } from '../shared/validation';
import { ComplaintType, type ComplaintConnectionType } from './complaint.types';

const COMPLAINT_PAGE_DEFAULT = 50;
const COMPLAINT_PAGE_MAX = 100;

export interface ComplaintCursor {
  receivedOn: IsoDate;
  id: string;
}

const CURSOR = /^complaints:(\d{4}-\d{2}-\d{2}):(.+)$/;

/** Opaque to clients: the (receivedOn, id) key of the last complaint on the page. */
function encodeComplaintCursor(cursor: ComplaintCursor): string {
  return Buffer.from(`complaints:${cursor.receivedOn}:${cursor.id}`).toString('base64url');
}

function decodeComplaintCursor(cursor: string): ComplaintCursor {
  const match =
    cursor.length <= 200 && /^[A-Za-z0-9_-]+$/.test(cursor)
      ? CURSOR.exec(Buffer.from(cursor, 'base64url').toString('utf8'))
      : null;
  if (!match || !isIsoDate(match[1]) || !ID_PATTERN.test(match[2]))
    throw new InvalidInput('after is not a cursor this API returned', 'after');
  return { receivedOn: match[1], id: match[2] };
}

/** Today's date (UTC) by the app's clock: the day `overdue` is computed for. */
export function today(services: Pick<Services, 'now'>): IsoDate {
  return services.now().toISOString().slice(0, 10);
}

export async function complaintsPage(
  services: Pick<Services, 'pool' | 'now'>,
  args: {
    status: ComplaintStatus | null;
    kind: ComplaintKind | null;
    overdueOn: IsoDate | null;
    first: number | null;
    after: string | null;
  },
): Promise<ComplaintConnectionType> {
  const first = args.first ?? COMPLAINT_PAGE_DEFAULT;
  if (!Number.isInteger(first) || first < 1 || first > COMPLAINT_PAGE_MAX)
    throw new InvalidInput(`first must be between 1 and ${COMPLAINT_PAGE_MAX}`, 'first');
  const after = args.after === null ? null : decodeComplaintCursor(args.after);
  const page = await getComplaintsPage(services.pool, {
    status: args.status,
    kind: args.kind,
    overdueOn: args.overdueOn,
    after,
    first,
  });
  const on = today(services);
  const nodes = page.complaints.map((c) => ComplaintType.of(c, on));
  const last = page.complaints[page.complaints.length - 1];
  return {
    nodes,
    endCursor: last ? encodeComplaintCursor({ receivedOn: last.receivedOn, id: last.id }) : null,
    hasNextPage: page.hasNextPage,
  };
}
