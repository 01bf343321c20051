import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Info, Mutation, Resolver } from 'type-graphql';
import { CommandResultType } from '../graphql/common.types';
import type { GraphQLContext } from '../graphql/context';
import {
  acceptComplaint,
  dismissComplaint,
  extendDenunciation,
  fileComplaint,
  markComplex,
  resolveComplaint,
} from './complaint.commands';
import {
  AcceptComplaintArgs,
  DismissComplaintArgs,
  ExtendDenunciationInput,
  FileComplaintInput,
  MarkComplexArgs,
  ResolveComplaintInput,
} from './complaint.inputs';

@Resolver()
export class ComplaintResolver {
  @Mutation(() => CommandResultType, {
    description: 'Records a complaint, denunciation or petition about an award, dossier or subject',
  })
  fileComplaint(
    @Arg('input', () => FileComplaintInput) input: FileComplaintInput,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CommandResultType> {
    return fileComplaint(ctx.services, ctx.commandContext(info), input);
  }

  @Mutation(() => CommandResultType, {
    description: 'Accepts a received complaint for handling; the resolution deadline follows',
  })
  acceptComplaint(
    @Args(() => AcceptComplaintArgs) args: AcceptComplaintArgs,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CommandResultType> {
    return acceptComplaint(ctx.services, ctx.commandContext(info), args);
  }

  @Mutation(() => CommandResultType, { description: 'refused for processing' })
  dismissComplaint(
    @Args(() => DismissComplaintArgs) args: DismissComplaintArgs,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CommandResultType> {
    return dismissComplaint(ctx.services, ctx.commandContext(info), args);
  }

  @Mutation(() => CommandResultType, {
    description: 'Resolves an accepted complaint; revokeAward also revokes the award in the same command',
  })
  resolveComplaint(
    @Arg('input', () => ResolveComplaintInput) input: ResolveComplaintInput,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CommandResultType> {
    return resolveComplaint(ctx.services, ctx.commandContext(info), input);
  }

  @Mutation(() => CommandResultType, {
    description:
      "Extends an accepted denunciation's resolution term: up to 30 days, once if COMPLEX, twice if ESPECIALLY_COMPLEX",
  })
  extendDenunciation(
    @Arg('input', () => ExtendDenunciationInput) input: ExtendDenunciationInput,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CommandResultType> {
    return extendDenunciation(ctx.services, ctx.commandContext(info), input);
  }

  @Mutation(() => CommandResultType, {
    description: 'Moves an accepted complaint or petition to the complex resolution term (45 days; 60 if remote), once',
  })
  markComplex(
    @Args(() => MarkComplexArgs) args: MarkComplexArgs,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CommandResultType> {
    return markComplex(ctx.services, ctx.commandContext(info), args);
  }
}
