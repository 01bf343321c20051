import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Info, Mutation, Query, Resolver } from 'type-graphql';
import { listProposalsOfYear } from '../../projections/dossiers/proposals.queries';
import { CommandResultType } from '../graphql/common.types';
import type { GraphQLContext } from '../graphql/context';
import { draftProposal, submitProposal } from './proposal.commands';
import { DraftProposalInput, ProposalsOfYearArgs, SubmitProposalArgs } from './proposal.inputs';
import { ProposalType } from './proposal.types';

@Resolver()
export class ProposalResolver {
  @Mutation(() => CommandResultType, {
    description: "Drafts a unit's proposal memo (tờ trình) listing its nominees' dossiers",
  })
  draftProposal(
    @Arg('input', () => DraftProposalInput) input: DraftProposalInput,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CommandResultType> {
    return draftProposal(ctx.services, ctx.commandContext(info), input);
  }

  @Mutation(() => CommandResultType, {
    description: 'Submits a drafted memo; from then on each dossier it lists shows the memo that carries it',
  })
  submitProposal(
    @Args(() => SubmitProposalArgs) args: SubmitProposalArgs,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CommandResultType> {
    return submitProposal(ctx.services, ctx.commandContext(info), args);
  }

  @Query(() => [ProposalType], {
    description: "The unit's proposal memos dated in the year, newest first: drafted, submitted or sent back",
  })
  async proposals(
    @Args(() => ProposalsOfYearArgs) { unitId, year }: ProposalsOfYearArgs,
    @Ctx() { services }: GraphQLContext,
  ): Promise<ProposalType[]> {
    return (await listProposalsOfYear(services.pool, unitId, year)).map(ProposalType.of);
  }
}
