// Resolvers of the yearly totals for dashboards.
import { YearlyTotalsResolver } from '../yearlyTotals/yearlyTotals.resolver';

// eslint-disable-next-line @typescript-eslint/ban-types
export const totalsResolvers: Function[] = [YearlyTotalsResolver];
