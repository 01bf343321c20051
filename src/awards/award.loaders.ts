import DataLoader from 'dataloader';
import { getAwardsByIds, type AwardView } from '../../projections/awards/awards.queries';
import type { GraphQLContext } from '../graphql/context';

/** At most this many ids per read-model query, however many rows a page fans out to. */
const AWARD_LOADER_BATCH = 100;

const loaders = new WeakMap<GraphQLContext, DataLoader<string, AwardView | null>>();

/**
 * Awards by id for fields that look one up per row (a page of complaints): one query
 * per batch of ids, cached for this request only. Keyed by the request's context object.
 */
export function awardLoader(ctx: GraphQLContext): DataLoader<string, AwardView | null> {
  let loader = loaders.get(ctx);
  if (!loader) {
    loader = new DataLoader<string, AwardView | null>(
      async (ids) => {
        const found = new Map((await getAwardsByIds(ctx.services.pool, ids)).map((a) => [a.id, a]));
        return ids.map((id) => found.get(id) ?? null);
      },
      { maxBatchSize: AWARD_LOADER_BATCH },
    );
    loaders.set(ctx, loader);
  }
  return loader;
}
