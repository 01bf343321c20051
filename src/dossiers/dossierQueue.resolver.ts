import { IsOptional, ValidateNested } from 'class-validator';
import { Args, ArgsType, Ctx, Field, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context';
import { countDossiersInQueue, getDossierQueuePage } from '../../projections/dossiers/dossierQueue.queries';
import { decodeDateIdCursor, encodeDateIdCursor, KeysetPageArgs, pageSize } from '../graphql/keysetPages';
import type { Services } from '../services';
import { DossierType } from './dossier.types';
import { DossierConnectionType, DossierFilterInput, TOTAL_COUNT_CAP, queueFilterOf } from './dossierQueue.types';

const DOSSIER_PAGE_DEFAULT = 50;
const DOSSIER_PAGE_MAX = 100;

const CURSOR_LIST = 'dossiers';

/** Runs `task` at most once, for the first caller; later callers share its answer. */
function once<T>(task: () => Promise<T>): () => Promise<T> {
  let answer: Promise<T> | null = null;
  return () => (answer ??= task());
}

/** One page of the dossier queue: submittedOn then id, oldest first, after the cursor given. */
async function dossierQueuePage(
  services: Pick<Services, 'pool'>,
  args: { filter: DossierFilterInput | null; first: number | null; after: string | null },
): Promise<DossierConnectionType> {
  const first = pageSize(args.first, DOSSIER_PAGE_DEFAULT, DOSSIER_PAGE_MAX);
  const key = args.after === null ? null : decodeDateIdCursor(CURSOR_LIST, args.after);
  const filter = queueFilterOf(args.filter);
  const page = await getDossierQueuePage(services.pool, {
    filter,
    after: key === null ? null : { submittedOn: key.date, id: key.id },
    first,
  });
  const edges = page.dossiers.map((view) => ({
    cursor: encodeDateIdCursor(CURSOR_LIST, { date: view.submittedOn, id: view.id }),
    node: DossierType.of(view),
  }));
  return {
    edges,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.length > 0 ? edges[edges.length - 1].cursor : null },
    countMatching: once(() => countDossiersInQueue(services.pool, filter, TOTAL_COUNT_CAP)),
  };
}

@ArgsType()
class DossiersArgs extends KeysetPageArgs {
  @Field(() => DossierFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: DossierFilterInput | null;
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
