import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context';
import { DateTimeScalar } from '../graphql/scalars';
import { AuditFilterInput } from './auditTrail.inputs';
import { auditTrail } from './auditTrail.service';
import { AuditTrailConnectionType } from './auditTrail.types';

@Resolver()
export class AuditTrailResolver {
  @Query(() => AuditTrailConnectionType, { description: 'Every event matching the filter, oldest first; first defaults to 50, at most 100' })
  auditTrail(
    @Arg('filter', () => AuditFilterInput) filter: AuditFilterInput,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('asOf', () => DateTimeScalar, { nullable: true }) asOf: Date | null,
    @Ctx() { services }: GraphQLContext,
  ): Promise<AuditTrailConnectionType> {
    return auditTrail(services, filter, { first, after, asOf });
  }
}
