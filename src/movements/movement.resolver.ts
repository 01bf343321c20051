import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Mutation, Resolver } from 'type-graphql';
import { CommandResultType } from '../graphql/common.types';
import type { GraphQLContext } from '../graphql/context';
import { launchMovement } from './movement.commands';
import { LaunchMovementInput } from './movement.inputs';

@Resolver()
export class MovementResolver {
  @Mutation(() => CommandResultType, { description: 'Launches an emulation movement (phát động phong trào thi đua)' })
  launchMovement(
    @Arg('input', () => LaunchMovementInput) input: LaunchMovementInput,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CommandResultType> {
    return launchMovement(ctx.services, ctx.commandContext(info), input);
  }
}
