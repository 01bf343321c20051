// Resolvers of the read side that span stream types: audit trail, totals, search.
import { AuditTrailResolver } from '../auditTrail/auditTrail.resolver';
import { ClusterQueriesResolver } from '../clusters/clusterQueries.resolver';
import { LogDigestResolver } from '../integrity/logDigest.resolver';
import { MovementQueriesResolver } from '../movements/movementQueries.resolver';
import { PlanQueriesResolver } from '../plans/planQueries.resolver';
import { SubjectsResolver } from '../subjects/subjects.resolver';
import { lookupResolvers } from './resolvers.lookups';
import { totalsResolvers } from './resolvers.totals';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's resolver classes
export const queryResolvers: Function[] = [
  AuditTrailResolver,
  LogDigestResolver,
  SubjectsResolver,
  ClusterQueriesResolver,
  MovementQueriesResolver,
  PlanQueriesResolver,
  ...lookupResolvers,
  ...totalsResolvers,
];
