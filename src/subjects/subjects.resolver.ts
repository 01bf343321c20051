import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { SEARCH_PAGE_DEFAULT, SEARCH_PAGE_MAX, searchSubjects } from '../../projections/registry/registry.queries';
import type { GraphQLContext } from '../graphql/context';
import { InvalidInput } from '../shared/errors';
import { SubjectHitType } from './subjects.types';

@Resolver()
export class SubjectsResolver {
  @Query(() => [SubjectHitType], {
    description:
      'People and units by name: case-insensitive, with or without Vietnamese diacritics (đ = d), best first',
  })
  async searchSubjects(
    @Arg('text', () => String) text: string,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Ctx() { services }: GraphQLContext,
  ): Promise<SubjectHitType[]> {
    if (text.length > 300) throw new InvalidInput('text must be at most 300 characters', 'text');
    const limit = first ?? SEARCH_PAGE_DEFAULT;
    if (!Number.isInteger(limit) || limit < 1 || limit > SEARCH_PAGE_MAX)
      throw new InvalidInput(`first must be between 1 and ${SEARCH_PAGE_MAX}`, 'first');
    const hits = await searchSubjects(services.pool, services.statements, text, limit);
    return hits.map((hit) => ({
      subject: { kind: hit.kind as never, id: hit.id, name: hit.name },
      unitName: hit.unitName,
      score: hit.score,
    }));
  }
}
