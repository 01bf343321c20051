import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Mutation, Resolver } from 'type-graphql';
import { CommandResultType } from '../graphql/common.types';
import type { GraphQLContext } from '../graphql/context';
import { printCertificate } from './certificate.commands';
import { PrintCertificateArgs } from './certificate.inputs';

@Resolver()
export class CertificateResolver {
  @Mutation(() => CommandResultType, {
    description:
      "Prints the award's Giấy khen or Bằng khen: the first print takes the next serial of its issuing unit and decision year, a reprint keeps it",
  })
  printCertificate(
    @Args(() => PrintCertificateArgs) args: PrintCertificateArgs,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CommandResultType> {
    return printCertificate(ctx.services, ctx.commandContext(info), args);
  }
}
