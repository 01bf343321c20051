import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { getYearlyTotals, getYearlyTotalsSeries } from '../../projections/yearlyTotals/yearlyTotals.queries';
import { ID_MESSAGE, ID_PATTERN, PeriodInput } from '../graphql/common.types';
import type { GraphQLContext } from '../graphql/context';
import { PeriodKind } from '../shared/domain';
import { InvalidInput } from '../shared/errors';
import { YearlyTotalsType } from './yearlyTotals.types';

function checkUnitId(unitId: string | null): string | null {
  if (unitId !== null && !ID_PATTERN.test(unitId)) throw new InvalidInput(`unitId ${ID_MESSAGE}`, 'unitId');
  return unitId;
}

const today = (context: GraphQLContext): string => context.services.now().toISOString().slice(0, 10);

@Resolver()
export class YearlyTotalsResolver {
  @Query(() => YearlyTotalsType, {
    description:
      'Awards, dossiers and complaints of a period, over all units or the subtree of unitId (NOT_FOUND for an unknown unit)',
  })
  yearlyTotals(
    @Arg('period', () => PeriodInput) period: PeriodInput,
    @Arg('unitId', () => ID, { nullable: true }) unitId: string | null,
    @Ctx() context: GraphQLContext,
  ): Promise<YearlyTotalsType> {
    return getYearlyTotals(context.services.pool, period, checkUnitId(unitId ?? null), today(context));
  }

  @Query(() => [YearlyTotalsType], {
    description:
      'yearlyTotals for every year from fromYear to toYear inclusive (years 1945–2100, fromYear <= toYear, at most 50 years)',
  })
  yearlyTotalsSeries(
    @Arg('kind', () => PeriodKind) kind: PeriodKind,
    @Arg('fromYear', () => Int) fromYear: number,
    @Arg('toYear', () => Int) toYear: number,
    @Arg('unitId', () => ID, { nullable: true }) unitId: string | null,
    @Ctx() context: GraphQLContext,
  ): Promise<YearlyTotalsType[]> {
    return getYearlyTotalsSeries(
      context.services.pool,
      kind,
      fromYear,
      toYear,
      checkUnitId(unitId ?? null),
      today(context),
    );
  }
}
