import { Matches } from 'class-validator';
import { Args, ArgsType, Ctx, Field, ID, Query, Resolver } from 'type-graphql';
import { getPublication, getPublicationsOfDossier } from '../../projections/publications/publications.queries';
import { ID_MESSAGE, ID_PATTERN } from '../graphql/common.types';
import type { GraphQLContext } from '../graphql/context';
import { PublicationType } from './publication.types';

@ArgsType()
class PublicationArgs {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `id ${ID_MESSAGE}` })
  id!: string;
}

@ArgsType()
class PublicationsOfDossierArgs {
  @Field(() => ID)
  @Matches(ID_PATTERN, { message: `dossierId ${ID_MESSAGE}` })
  dossierId!: string;
}

@Resolver(() => PublicationType)
export class PublicationQueriesResolver {
  @Query(() => PublicationType, {
    nullable: true,
    description: 'A published list of nominees with its window and comments; null when there is none',
  })
  async publication(
    @Args(() => PublicationArgs) { id }: PublicationArgs,
    @Ctx() { services }: GraphQLContext,
  ): Promise<PublicationType | null> {
    const view = await getPublication(services.pool, id);
    return view === null ? null : PublicationType.of(view);
  }

  @Query(() => [PublicationType], { description: 'Every published list naming the dossier, earliest first' })
  async publicationsOfDossier(
    @Args(() => PublicationsOfDossierArgs) { dossierId }: PublicationsOfDossierArgs,
    @Ctx() { services }: GraphQLContext,
  ): Promise<PublicationType[]> {
    return (await getPublicationsOfDossier(services.pool, dossierId)).map((view) => PublicationType.of(view));
  }
}
