import { IsEnum, IsOptional, Matches } from 'class-validator';
import { Args, ArgsType, Ctx, Field, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { getComplaint } from '../../projections/complaints/complaints.queries';
import { awardLoader } from '../awards/award.loaders';
import { AwardType } from '../awards/award.types';
import { dossierLoader } from '../dossiers/dossier.loaders';
import { DossierType } from '../dossiers/dossier.types';
import { ID_MESSAGE, ID_PATTERN } from '../graphql/common.types';
import type { GraphQLContext } from '../graphql/context';
import { KeysetPageArgs } from '../graphql/keysetPages';
import { DateScalar } from '../graphql/scalars';
import { ComplaintKind, ComplaintStatus } from '../shared/domain';
import { complaintsPage, today } from './complaintQueries.service';
import { ComplaintConnectionType, ComplaintType } from './complaint.types';

@ArgsType()
class ComplaintArgs {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `id ${ID_MESSAGE}` })
  id!: string;
}

@ArgsType()
class ComplaintsArgs extends KeysetPageArgs {
  @Field(() => ComplaintStatus, { nullable: true, description: 'Current status' })
  @IsOptional()
  @IsEnum(ComplaintStatus)
  status?: ComplaintStatus | null;

  @Field(() => ComplaintKind, { nullable: true, description: 'Only complaints, denunciations or petitions' })
  @IsOptional()
  @IsEnum(ComplaintKind)
  kind?: ComplaintKind | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Only those overdue on that date (as they stood then: one resolved later still counts): still RECEIVED past acceptanceDueOn, or ACCEPTED past dueOn (extensions included)',
  })
  @IsOptional()
  overdueOn?: string | null;
}

@Resolver(() => ComplaintType)
export class ComplaintQueriesResolver {
  @Query(() => ComplaintType, {
    nullable: true,
    description: 'A complaint, denunciation or petition with its deadlines; null when there is none',
  })
  async complaint(
    @Args(() => ComplaintArgs) { id }: ComplaintArgs,
    @Ctx() { services }: GraphQLContext,
  ): Promise<ComplaintType | null> {
    const view = await getComplaint(services.pool, id);
    return view === null ? null : ComplaintType.of(view, today(services));
  }

  @Query(() => ComplaintConnectionType, {
    description:
      'Complaints by receivedOn then id, optionally by status and overdue on a date; first defaults to 50, at most 100',
  })
  complaints(
    @Args(() => ComplaintsArgs) args: ComplaintsArgs,
    @Ctx() { services }: GraphQLContext,
  ): Promise<ComplaintConnectionType> {
    return complaintsPage(services, {
      status: args.status ?? null,
      kind: args.kind ?? null,
      overdueOn: args.overdueOn ?? null,
      first: args.first ?? null,
      after: args.after ?? null,
    });
  }

  @FieldResolver(() => AwardType, {
    nullable: true,
    description: 'The award it is about, with any revocation (batched per request)',
  })
  async award(@Root() complaint: ComplaintType, @Ctx() ctx: GraphQLContext): Promise<AwardType | null> {
    if (complaint.awardId === null) return null;
    const view = await awardLoader(ctx).load(complaint.awardId);
    return view === null ? null : AwardType.of(view);
  }

  @FieldResolver(() => DossierType, {
    nullable: true,
    description: 'The dossier it is about, with returns, appraisal and tally (batched per request)',
  })
  async dossier(@Root() complaint: ComplaintType, @Ctx() ctx: GraphQLContext): Promise<DossierType | null> {
    if (complaint.dossierId === null) return null;
    const view = await dossierLoader(ctx).load(complaint.dossierId);
    return view === null ? null : DossierType.of(view);
  }
}
