import { Length, ValidateNested } from 'class-validator';
import { Args, ArgsType, Ctx, Field, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { getAwardHistory, getAwardsByDecision } from '../../projections/awards/awards.queries';
import { NAME_MAX, SubjectInput } from '../graphql/common.types';
import type { GraphQLContext } from '../graphql/context';
import { dossierLoader } from '../dossiers/dossier.loaders';
import { DossierType } from '../dossiers/dossier.types';
import { AwardType } from './award.types';

@ArgsType()
class AwardHistoryArgs {
  @Field(() => SubjectInput)
  @ValidateNested()
  subject!: SubjectInput;
}

@ArgsType()
class AwardsByDecisionArgs {
  @Field({ description: 'e.g. 125/QĐ-UBND' })
  @Length(1, NAME_MAX)
  decisionNumber!: string;
}

@Resolver(() => AwardType)
export class AwardQueriesResolver {
  @Query(() => [AwardType], {
    description:
      'Every award the subject received, oldest period first, revoked ones included (flagged, with the reason)',
  })
  async awardHistory(
    @Args(() => AwardHistoryArgs) { subject }: AwardHistoryArgs,
    @Ctx() { services }: GraphQLContext,
  ): Promise<AwardType[]> {
    return (await getAwardHistory(services.pool, services.statements, subject)).map(AwardType.of);
  }

  @Query(() => [AwardType], {
    description:
      'The awards granted by a decision number (of any issuing unit), revoked ones included, in the order granted',
  })
  async awardsByDecision(
    @Args(() => AwardsByDecisionArgs) { decisionNumber }: AwardsByDecisionArgs,
    @Ctx() { services }: GraphQLContext,
  ): Promise<AwardType[]> {
    return (await getAwardsByDecision(services.pool, decisionNumber)).map(AwardType.of);
  }

  @FieldResolver(() => DossierType, {
    nullable: true,
    description: 'The dossier the award was granted on (batched per request)',
  })
  async dossier(@Root() award: AwardType, @Ctx() ctx: GraphQLContext): Promise<DossierType | null> {
    const view = await dossierLoader(ctx).load(award.dossierId);
    return view === null ? null : DossierType.of(view);
  }
}
