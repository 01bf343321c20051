import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Mutation, Resolver } from 'type-graphql';
import { CommandResultType } from '../graphql/common.types';
import type { GraphQLContext } from '../graphql/context';
import { forwardDossier } from './dossierForwarding.commands';
import { ForwardDossierArgs } from './dossierForwarding.inputs';

@Resolver()
export class DossierForwardingResolver {
  @Mutation(() => CommandResultType, {
    description:
      "Sends a dossier its council supported (APPROVED) up to a higher level's standing agency (khen cao), for an award above that level's authority; there it is received and appraised again under the rule set of its submission",
  })
  forwardDossier(
    @Args(() => ForwardDossierArgs) args: ForwardDossierArgs,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CommandResultType> {
    return forwardDossier(ctx.services, ctx.commandContext(info), args);
  }
}
