import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Mutation, Resolver } from 'type-graphql';
import { CommandResultType } from '../graphql/common.types';
import type { GraphQLContext } from '../graphql/context';
import { recognizeInitiative } from './initiative.commands';
import { RecognizeInitiativeInput } from './initiative.inputs';

@Resolver()
export class InitiativeResolver {
  @Mutation(() => CommandResultType, {
    description: 'Records an initiative (sáng kiến) recognised by an initiative council, crediting every author',
  })
  recognizeInitiative(
    @Arg('input', () => RecognizeInitiativeInput) input: RecognizeInitiativeInput,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CommandResultType> {
    return recognizeInitiative(ctx.services, ctx.commandContext(info), input);
  }
}
