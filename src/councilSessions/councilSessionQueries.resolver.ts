import { IsOptional, Matches, ValidateNested } from 'class-validator';
import { Args, ArgsType, Ctx, Field, ID, Query, Resolver } from 'type-graphql';
import { getCouncilSession, getCouncilSessionsPage } from '../../projections/councilSessions/councilSessions.queries';
import { ID_MESSAGE, ID_PATTERN } from '../graphql/common.types';
import type { GraphQLContext } from '../graphql/context';
import { decodeDateIdCursor, encodeDateIdCursor, KeysetPageArgs, pageSize } from '../graphql/keysetPages';
import { InvalidInput } from '../shared/errors';
import {
  CouncilSessionConnectionType,
  CouncilSessionFilterInput,
  CouncilSessionType,
} from './councilSessionQueries.types';

const SESSION_PAGE_DEFAULT = 50;
const SESSION_PAGE_MAX = 100;
const CURSOR_LIST = 'council-sessions';

@ArgsType()
class CouncilSessionArgs {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `id ${ID_MESSAGE}` })
  id!: string;
}

@ArgsType()
class CouncilSessionsArgs extends KeysetPageArgs {
  @Field(() => CouncilSessionFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: CouncilSessionFilterInput | null;
}

@Resolver()
export class CouncilSessionQueriesResolver {
  @Query(() => CouncilSessionType, {
    nullable: true,
    description: 'A council session with members, agenda, attendance and, once closed, tallies; null when none',
  })
  async councilSession(
    @Args(() => CouncilSessionArgs) { id }: CouncilSessionArgs,
    @Ctx() { services }: GraphQLContext,
  ): Promise<CouncilSessionType | null> {
    const view = await getCouncilSession(services.pool, id);
    return view === null ? null : CouncilSessionType.of(view);
  }

  @Query(() => CouncilSessionConnectionType, {
    description: 'Council sessions by heldOn then id, under a filter; first defaults to 50, at most 100',
  })
  async councilSessions(
    @Args(() => CouncilSessionsArgs) args: CouncilSessionsArgs,
    @Ctx() { services }: GraphQLContext,
  ): Promise<CouncilSessionConnectionType> {
    const first = pageSize(args.first ?? null, SESSION_PAGE_DEFAULT, SESSION_PAGE_MAX);
    const key = args.after ? decodeDateIdCursor(CURSOR_LIST, args.after) : null;
    const f = args.filter;
    if (f?.heldFrom && f.heldTo && f.heldFrom > f.heldTo)
      throw new InvalidInput(`heldFrom ${f.heldFrom} is after heldTo ${f.heldTo}`, 'heldFrom');
    const page = await getCouncilSessionsPage(services.pool, {
      filter: {
        status: f?.status ?? null,
        heldFrom: f?.heldFrom ?? null,
        heldTo: f?.heldTo ?? null,
        level: f?.level ?? null,
        memberId: f?.memberId ?? null,
      },
      after: key === null ? null : { heldOn: key.date, id: key.id },
      first,
    });
    const edges = page.sessions.map((view) => ({
      cursor: encodeDateIdCursor(CURSOR_LIST, { date: view.heldOn, id: view.id }),
      node: CouncilSessionType.of(view),
    }));
    return {
      edges,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.length > 0 ? edges[edges.length - 1].cursor : null },
    };
  }
}
