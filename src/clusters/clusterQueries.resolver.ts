import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { getClusterStandings } from '../../projections/clusterScoring/standings.queries';
import { getClusters } from '../../projections/registry/registry.queries';
import type { GraphQLContext } from '../graphql/context';
import { DateTimeScalar } from '../graphql/scalars';
import { MAX_YEAR, MIN_YEAR, type ClusterKind } from '../shared/domain';
import { InvalidInput, NotFound } from '../shared/errors';
import { ClusterInfoType, ClusterStandingsType } from './cluster.types';

@Resolver()
export class ClusterQueriesResolver {
  @Query(() => [ClusterInfoType])
  async clusters(@Ctx() { services }: GraphQLContext): Promise<ClusterInfoType[]> {
    return (await getClusters(services.pool)).map((c) => ({ ...c, kind: c.kind as ClusterKind }));
  }

  @Query(() => ClusterStandingsType, {
    description: 'Standings for a year, as they were at asOf (by event record time) when given',
  })
  async clusterStandings(
    @Arg('clusterId', () => ID) clusterId: string,
    @Arg('year', () => Int) year: number,
    @Arg('asOf', () => DateTimeScalar, { nullable: true }) asOf: Date | null,
    @Ctx() { services }: GraphQLContext,
  ): Promise<ClusterStandingsType> {
    if (year < MIN_YEAR || year > MAX_YEAR)
      throw new InvalidInput(`year must be between ${MIN_YEAR} and ${MAX_YEAR}`, 'year');
    const standings = await getClusterStandings(services.pool, services.statements, clusterId, year, asOf);
    if (!standings) throw new NotFound('Cluster', clusterId);
    return standings;
  }
}
