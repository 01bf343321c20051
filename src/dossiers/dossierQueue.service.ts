import { countDossiersInQueue, getDossierQueuePage } from '../../projections/dossiers/dossierQueue.queries';
import { decodeDateIdCursor, encodeDateIdCursor, pageSize } from '../graphql/keysetPages';
import type { Services } from '../services';
import { DossierType } from './dossier.types';
import {
  TOTAL_COUNT_CAP,
  queueFilterOf,
  type DossierConnectionType,
  type DossierFilterInput,
} from './dossierQueue.types';

export const DOSSIER_PAGE_DEFAULT = 50;
export const DOSSIER_PAGE_MAX = 100;

const CURSOR_LIST = 'dossiers';

/** Runs `task` at most once, for the first caller; later callers share its answer. */
function once<T>(task: () => Promise<T>): () => Promise<T> {
  let answer: Promise<T> | null = null;
  return () => (answer ??= task());
}

/** One page of the dossier queue: submittedOn then id, oldest first, after the cursor given. */
export async function dossierQueuePage(
  services: Pick<Services, 'pool'>,
  args: { filter: DossierFilterInput | null; first: number | null; after: string | null },
): Promise<DossierConnectionType> {
  const first = pageSize(args.first, DOSSIER_PAGE_DEFAULT, DOSSIER_PAGE_MAX);
  const key = args.after === null ? null : decodeDateIdCursor(CURSOR_LIST, args.after);
  const filter = queueFilterOf(args.filter);
  const page = await getDossierQueuePage(services.pool, {
    filter,
    after: key === null ? null : { submittedOn: key.date, id: key.id },
    first,
  });
  const edges = page.dossiers.map((view) => ({
    cursor: encodeDateIdCursor(CURSOR_LIST, { date: view.submittedOn, id: view.id }),
    node: DossierType.of(view),
  }));
  return {
    edges,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.length > 0 ? edges[edges.length - 1].cursor : null },
    countMatching: once(() => countDossiersInQueue(services.pool, filter, TOTAL_COUNT_CAP)),
  };
}
