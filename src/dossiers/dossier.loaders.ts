import DataLoader from 'dataloader';
import { getDossiersByIds, type DossierView } from '../../projections/dossiers/dossiers.queries';
import type { GraphQLContext } from '../graphql/context';

/** At most this many ids per read-model query, however many rows a page fans out to. */
const DOSSIER_LOADER_BATCH = 100;

const loaders = new WeakMap<GraphQLContext, DataLoader<string, DossierView | null>>();

/**
 * Dossiers by id for fields that look one up per row (a page of complaints, a list of
 * awards): one query per batch of ids, cached for this request only, so an answer never
 * mixes in what another request saw. Keyed by the request's context object.
 */
export function dossierLoader(ctx: GraphQLContext): DataLoader<string, DossierView | null> {
  let loader = loaders.get(ctx);
  if (!loader) {
    loader = new DataLoader<string, DossierView | null>(
      async (ids) => {
        const found = new Map((await getDossiersByIds(ctx.services.pool, ids)).map((d) => [d.id, d]));
        return ids.map((id) => found.get(id) ?? null);
      },
      { maxBatchSize: DOSSIER_LOADER_BATCH },
    );
    loaders.set(ctx, loader);
  }
  return loader;
}
