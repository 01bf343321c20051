import DataLoader from 'dataloader';
import { Ctx, Field, FieldResolver, ID, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { getDocumentsOfDossiers, type DossierDocumentView } from '../../projections/dossiers/dossierDocuments.queries';
import { DocumentKind } from '../documents/documentKinds';
import type { GraphQLContext } from '../graphql/context';
import { DateTimeScalar } from '../graphql/scalars';
import { requiredDocumentKinds } from '../rules/dossierDocuments';
import { ruleSetById } from '../rules/ruleSets';
import type { AwardKind } from '../shared/domain';
import { DossierType } from './dossier.types';

@ObjectType('DossierDocument', { description: 'A document attached to a dossier, stored by its SHA-256' })
export class DossierDocumentType {
  @Field(() => DocumentKind)
  kind!: DocumentKind;

  @Field(() => String)
  fileName!: string;

  @Field(() => String, { description: 'Downloaded at GET /documents/{sha256}' })
  sha256!: string;

  @Field(() => Int, { description: 'Bytes' })
  size!: number;

  @Field(() => String)
  contentType!: string;

  @Field(() => DateTimeScalar)
  attachedAt!: string;

  @Field(() => ID, { description: 'Who attached it' })
  attachedBy!: string;
}

const loaders = new WeakMap<GraphQLContext, DataLoader<string, DossierDocumentView[]>>();

/** The documents of the dossiers a request shows: one query per batch, cached for the request only. */
function documentsLoader(ctx: GraphQLContext): DataLoader<string, DossierDocumentView[]> {
  let loader = loaders.get(ctx);
  if (!loader) {
    loader = new DataLoader<string, DossierDocumentView[]>(
      async (ids) => {
        const documents = await getDocumentsOfDossiers(ctx.services.pool, ids);
        return ids.map((id) => documents.filter((document) => document.dossierId === id));
      },
      { maxBatchSize: 100 },
    );
    loaders.set(ctx, loader);
  }
  return loader;
}

@Resolver(() => DossierType)
export class DossierDocumentsResolver {
  @FieldResolver(() => [DossierDocumentType], { description: 'Its documents, in the order attached' })
  async documents(@Root() dossier: DossierType, @Ctx() ctx: GraphQLContext): Promise<DossierDocumentType[]> {
    return (await documentsLoader(ctx).load(dossier.id)).map(({ dossierId: _dossierId, ...document }) => document);
  }

  @FieldResolver(() => [DocumentKind], {
    description: 'Kinds its rule set requires for its award that it does not hold yet (checked at appraisal)',
  })
  async missingDocuments(@Root() dossier: DossierType, @Ctx() ctx: GraphQLContext): Promise<DocumentKind[]> {
    const held = new Set((await documentsLoader(ctx).load(dossier.id)).map((document) => document.kind));
    if (dossier.ruleSet === null) return [];
    const rule = ruleSetById(dossier.ruleSet).dossierDocuments;
    return requiredDocumentKinds(rule, dossier.award as AwardKind).filter((kind) => !held.has(kind));
  }
}
