import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Info, Mutation, Query, Resolver } from 'type-graphql';
import { CommandResultType } from '../graphql/common.types';
import type { GraphQLContext } from '../graphql/context';
import {
  appraiseDossier,
  assignDossier,
  attachDocument,
  receiveDossier,
  resubmitDossier,
  returnDossier,
  submitDossier,
  withdrawDossier,
} from './dossier.commands';
import {
  AppraiseDossierArgs,
  AssignDossierArgs,
  AttachDocumentArgs,
  ReceiveDossierArgs,
  EligibilityArgs,
  ResubmitDossierArgs,
  ReturnDossierArgs,
  SubmitDossierInput,
  WithdrawDossierArgs,
} from './dossier.inputs';
import { checkEligibility } from './eligibility.query';
import { EligibilityReportType } from './eligibility.types';

@Resolver()
export class DossierResolver {
  @Mutation(() => CommandResultType, {
    description: 'A unit proposes a nominee for an award; the submission date picks the rule set',
  })
  submitDossier(
    @Arg('input', () => SubmitDossierInput) input: SubmitDossierInput,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CommandResultType> {
    return submitDossier(ctx.services, ctx.commandContext(info), input);
  }

  @Mutation(() => CommandResultType, { description: 'Returns a dossier awaiting appraisal to its unit for supplement' })
  returnDossier(
    @Args(() => ReturnDossierArgs) args: ReturnDossierArgs,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CommandResultType> {
    return returnDossier(ctx.services, ctx.commandContext(info), args);
  }

  @Mutation(() => CommandResultType, { description: 'The unit answers a return with supplemented achievements' })
  resubmitDossier(
    @Args(() => ResubmitDossierArgs) args: ResubmitDossierArgs,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CommandResultType> {
    return resubmitDossier(ctx.services, ctx.commandContext(info), args);
  }

  @Mutation(() => CommandResultType, { description: 'Withdraws a dossier not yet resolved by the council' })
  withdrawDossier(
    @Args(() => WithdrawDossierArgs) args: WithdrawDossierArgs,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CommandResultType> {
    return withdrawDossier(ctx.services, ctx.commandContext(info), args);
  }

  @Mutation(() => CommandResultType, {
    description: 'The standing agency receives a submitted dossier as complete (tiếp nhận) on a date; once per dossier',
  })
  receiveDossier(
    @Args(() => ReceiveDossierArgs) args: ReceiveDossierArgs,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CommandResultType> {
    return receiveDossier(ctx.services, ctx.commandContext(info), args);
  }

  @Mutation(() => CommandResultType, {
    description:
      'Assigns a received dossier still in handling to a handling officer (cán bộ thụ lý); reassigning records the one before',
  })
  assignDossier(
    @Args(() => AssignDossierArgs) args: AssignDossierArgs,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CommandResultType> {
    return assignDossier(ctx.services, ctx.commandContext(info), args);
  }

  @Mutation(() => CommandResultType, { description: 'the rule engine decides ELIGIBLE / INELIGIBLE' })
  appraiseDossier(
    @Args(() => AppraiseDossierArgs) args: AppraiseDossierArgs,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CommandResultType> {
    return appraiseDossier(ctx.services, ctx.commandContext(info), args);
  }

  @Mutation(() => CommandResultType, {
    description:
      'Attaches a document uploaded with POST /documents (by its sha256) to a dossier; the same document twice is refused',
  })
  attachDocument(
    @Args(() => AttachDocumentArgs) args: AttachDocumentArgs,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CommandResultType> {
    return attachDocument(ctx.services, ctx.commandContext(info), args);
  }

  @Query(() => EligibilityReportType, {
    description: 'Runs the rule engine with the rule set in force today; records nothing',
  })
  eligibility(
    @Args(() => EligibilityArgs) args: EligibilityArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<EligibilityReportType> {
    return checkEligibility(ctx.services, args);
  }
}
