// Resolvers of the read side that span stream types: audit trail, totals, search.
import { AuditTrailResolver } from '../auditTrail/auditTrail.resolver';
import { lookupResolvers } from './resolvers.lookups';
import { totalsResolvers } from './resolvers.totals';

// eslint-disable-next-line @typescript-eslint/ban-types
export const queryResolvers: Function[] = [AuditTrailResolver, ...lookupResolvers, ...totalsResolvers];
