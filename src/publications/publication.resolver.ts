import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Mutation, Resolver } from 'type-graphql';
import { CommandResultType } from '../graphql/common.types';
import type { GraphQLContext } from '../graphql/context';
import { publishNominees, recordPublicationComment } from './publication.commands';
import { PublishNomineesInput, RecordPublicationCommentInput } from './publication.inputs';

@Resolver()
export class PublicationResolver {
  @Mutation(() => CommandResultType, {
    description:
      'Publishes a list of nominees before the council (công khai); State-level awards need it 10 working days before the session',
  })
  publishNominees(
    @Arg('input', () => PublishNomineesInput) input: PublishNomineesInput,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CommandResultType> {
    return publishNominees(ctx.services, ctx.commandContext(info), input);
  }

  @Mutation(() => CommandResultType, {
    description: 'Records a comment received during a publication window; it may open a complaint about a nominee',
  })
  recordPublicationComment(
    @Arg('input', () => RecordPublicationCommentInput) input: RecordPublicationCommentInput,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CommandResultType> {
    return recordPublicationComment(ctx.services, ctx.commandContext(info), input);
  }
}
