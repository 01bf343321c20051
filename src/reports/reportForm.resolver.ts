import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { ID_MESSAGE, ID_PATTERN, PeriodInput } from '../graphql/common.types';
import type { GraphQLContext } from '../graphql/context';
import { InvalidInput } from '../shared/errors';
import { statisticsForm } from './statisticsForms';
import { ReportFormType } from './reportForm.types';

@Resolver()
export class ReportFormResolver {
  @Query(() => ReportFormType, {
    description:
      'A statistics form (code 0601 to 0605, or in full e.g. 0601.N/BNV-TĐKT) for a period, over all units or the subtree of unitId',
  })
  reportForm(
    @Arg('code') code: string,
    @Arg('period', () => PeriodInput) period: PeriodInput,
    @Arg('unitId', () => ID, { nullable: true }) unitId: string | null,
    @Ctx() context: GraphQLContext,
  ): Promise<ReportFormType> {
    if (unitId && !ID_PATTERN.test(unitId)) throw new InvalidInput(`unitId ${ID_MESSAGE}`, 'unitId');
    return statisticsForm(context.services.pool, code, period, unitId ?? null);
  }
}
