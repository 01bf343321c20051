import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, ArgsType, Ctx, Field, ID, Info, Mutation, Query, Resolver } from 'type-graphql';
import { Matches } from 'class-validator';
import { getDecisionDocument, listDecisionsOfYear } from '../../projections/decisions/decisions.queries';
import { CommandResultType, ID_MESSAGE, ID_PATTERN, YearField } from '../graphql/common.types';
import type { GraphQLContext } from '../graphql/context';
import { draftDecision, reviseDecisionDraft, signDecision } from './decision.commands';
import { DecisionDraftInput, DecisionKeyArgs } from './decision.inputs';
import { DecisionType } from './decision.types';

@ArgsType()
class DecisionsOfYearArgs {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `issuedByUnitId ${ID_MESSAGE}` })
  issuedByUnitId!: string;

  @YearField()
  year!: number;
}

@Resolver()
export class DecisionResolver {
  @Mutation(() => CommandResultType, {
    description: 'Drafts an award decision: a number is used once per issuing unit and year (DECISION_NUMBER_TAKEN)',
  })
  draftDecision(
    @Arg('input', () => DecisionDraftInput) input: DecisionDraftInput,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CommandResultType> {
    return draftDecision(ctx.services, ctx.commandContext(info), input);
  }

  @Mutation(() => CommandResultType, {
    description: 'Rewrites a draft (named by unit, year and number) before signing',
  })
  reviseDecisionDraft(
    @Arg('input', () => DecisionDraftInput) input: DecisionDraftInput,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CommandResultType> {
    return reviseDecisionDraft(ctx.services, ctx.commandContext(info), input);
  }

  @Mutation(() => CommandResultType, {
    description: "Signs the decision; each entry's dossier then records its grant and the award follows",
  })
  signDecision(
    @Args(() => DecisionKeyArgs) args: DecisionKeyArgs,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CommandResultType> {
    return signDecision(ctx.services, ctx.commandContext(info), args);
  }

  @Query(() => DecisionType, {
    nullable: true,
    description: 'The decision the system holds under this number of the unit and year, with the awards citing it',
  })
  async decision(
    @Args(() => DecisionKeyArgs) { issuedByUnitId, year, number }: DecisionKeyArgs,
    @Ctx() { services }: GraphQLContext,
  ): Promise<DecisionType | null> {
    const view = await getDecisionDocument(services.pool, issuedByUnitId, year, number);
    return view === null ? null : DecisionType.of(view);
  }

  @Query(() => [DecisionType], { description: "The unit's decisions drafted or signed in the system in the year" })
  async decisions(
    @Args(() => DecisionsOfYearArgs) { issuedByUnitId, year }: DecisionsOfYearArgs,
    @Ctx() { services }: GraphQLContext,
  ): Promise<DecisionType[]> {
    return (await listDecisionsOfYear(services.pool, issuedByUnitId, year)).map(DecisionType.of);
  }
}
