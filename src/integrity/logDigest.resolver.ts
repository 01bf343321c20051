import { Ctx, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../graphql/context';
import { LogDigestType } from './logDigest.types';

@Resolver()
export class LogDigestResolver {
  @Query(() => LogDigestType, {
    description:
      'The digest of the event log at its readable head: keep its root and position elsewhere; `npm run verify-chain -- --against` names what changed since',
  })
  logDigest(@Ctx() { services }: GraphQLContext): Promise<LogDigestType> {
    return services.logDigest.current();
  }
}
