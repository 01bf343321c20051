import { IsInt, IsOptional, Length, ValidateNested } from 'class-validator';
import { Args, ArgsType, Ctx, Field, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context';
import { dossierQueuePage } from './dossierQueue.service';
import { DossierConnectionType, DossierFilterInput, TOTAL_COUNT_CAP } from './dossierQueue.types';

@ArgsType()
class DossiersArgs {
  @Field(() => DossierFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: DossierFilterInput | null;

  @Field(() => Int, { nullable: true, description: 'Page size: 50 by default, at most 100' })
  @IsOptional()
  @IsInt()
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page (or an edge cursor)' })
  @IsOptional()
  @Length(1, 200)
  after?: string | null;
}

@Resolver(() => DossierConnectionType)
export class DossierQueueResolver {
  @Query(() => DossierConnectionType, {
    description:
      'The dossier queue (hàng đợi hồ sơ): dossiers by submittedOn then id, oldest first, under a filter; first defaults to 50, at most 100',
  })
  dossiers(
    @Args(() => DossiersArgs) args: DossiersArgs,
    @Ctx() { services }: GraphQLContext,
  ): Promise<DossierConnectionType> {
    return dossierQueuePage(services, {
      filter: args.filter ?? null,
      first: args.first ?? null,
      after: args.after ?? null,
    });
  }

  @FieldResolver(() => Int, {
    description: `Dossiers matching the filter, counted up to ${TOTAL_COUNT_CAP.toLocaleString('en')}: more answers that number, and totalCountCapped says so`,
  })
  async totalCount(@Root() connection: DossierConnectionType): Promise<number> {
    return (await connection.countMatching()).count;
  }

  @FieldResolver(() => Boolean, { description: 'Whether more dossiers match than totalCount counted' })
  async totalCountCapped(@Root() connection: DossierConnectionType): Promise<boolean> {
    return (await connection.countMatching()).capped;
  }
}
