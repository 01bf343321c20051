import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { getPlan } from '../../projections/plans/plans.queries';
import type { GraphQLContext } from '../graphql/context';
import { PlanType } from './plan.types';

@Resolver()
export class PlanQueriesResolver {
  @Query(() => PlanType, { nullable: true, description: "A plan with each task's status today" })
  plan(@Arg('id', () => ID) id: string, @Ctx() { services }: GraphQLContext): Promise<PlanType | null> {
    return getPlan(services.pool, id, services.now().toISOString().slice(0, 10));
  }
}
