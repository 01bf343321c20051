// Resolvers of the yearly totals for dashboards.
import { YearlyTotalsResolver } from '../yearlyTotals/yearlyTotals.resolver';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's resolver classes
export const totalsResolvers: Function[] = [YearlyTotalsResolver];
