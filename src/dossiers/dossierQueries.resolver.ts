import { Matches } from 'class-validator';
import { Args, ArgsType, Ctx, Field, ID, Query, Resolver } from 'type-graphql';
import { getDossier } from '../../projections/dossiers/dossiers.queries';
import { ID_MESSAGE, ID_PATTERN } from '../graphql/common.types';
import type { GraphQLContext } from '../graphql/context';
import { DossierType } from './dossier.types';

@ArgsType()
class DossierArgs {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `id ${ID_MESSAGE}` })
  id!: string;
}

@Resolver()
export class DossierQueriesResolver {
  @Query(() => DossierType, {
    nullable: true,
    description: 'A dossier with its status, appraisal, tally and award; null when there is none',
  })
  async dossier(
    @Args(() => DossierArgs) { id }: DossierArgs,
    @Ctx() { services }: GraphQLContext,
  ): Promise<DossierType | null> {
    const view = await getDossier(services.pool, id);
    return view === null ? null : DossierType.of(view);
  }
}
