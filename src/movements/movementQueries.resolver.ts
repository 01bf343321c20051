import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { getMovements } from '../../projections/registry/registry.queries';
import type { GraphQLContext } from '../graphql/context';
import { MAX_YEAR, MIN_YEAR, type MovementKind } from '../shared/domain';
import { InvalidInput } from '../shared/errors';
import { MovementInfoType } from './movement.types';

@Resolver()
export class MovementQueriesResolver {
  @Query(() => [MovementInfoType], {
    description: 'Movements running at some time in the year (all when no year is given)',
  })
  async movements(
    @Arg('year', () => Int, { nullable: true }) year: number | null,
    @Ctx() { services }: GraphQLContext,
  ): Promise<MovementInfoType[]> {
    if (year !== null && (year < MIN_YEAR || year > MAX_YEAR))
      throw new InvalidInput(`year must be between ${MIN_YEAR} and ${MAX_YEAR}`, 'year');
    return (await getMovements(services.pool, year)).map((m) => ({ ...m, kind: m.kind as MovementKind }));
  }
}
