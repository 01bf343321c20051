import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { Arg, Ctx, Info, Int, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context';
import { DateTimeScalar } from '../graphql/scalars';
import { AuditFilterInput } from './auditTrail.inputs';
import { auditTrail } from './auditTrail.service';
import { AuditTrailConnectionType } from './auditTrail.types';

/** Whether any selection of `field` in the set may select `subfield`; fragments count as yes (not worth following). */
function maySelect(selectionSet: SelectionSetNode | undefined, field: string, subfield: string): boolean {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind !== Kind.FIELD) return true;
    if (selection.name.value !== field) continue;
    for (const inner of selection.selectionSet?.selections ?? []) {
      if (inner.kind !== Kind.FIELD || inner.name.value === subfield) return true;
    }
  }
  return false;
}

/** Whether the query asks for the entries' data (the page then reads it; otherwise it skips parsing it). */
function entriesDataRequested(info: Pick<GraphQLResolveInfo, 'fieldNodes'>): boolean {
  return info.fieldNodes.some((node) => maySelect(node.selectionSet, 'entries', 'data'));
}

@Resolver()
export class AuditTrailResolver {
  @Query(() => AuditTrailConnectionType, {
    description: 'Every event matching the filter, oldest first; first defaults to 50, at most 100',
  })
  auditTrail(
    @Arg('filter', () => AuditFilterInput) filter: AuditFilterInput,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('asOf', () => DateTimeScalar, { nullable: true }) asOf: Date | null,
    @Ctx() { services }: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<AuditTrailConnectionType> {
    return auditTrail(services, filter, { first, after, asOf, withData: entriesDataRequested(info) });
  }
}
