// Resolvers of the yearly totals for dashboards and the statistics forms read from them.
import { ReportFormResolver } from '../reports/reportForm.resolver';
import { YearlyTotalsResolver } from '../yearlyTotals/yearlyTotals.resolver';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's resolver classes
export const totalsResolvers: Function[] = [YearlyTotalsResolver, ReportFormResolver];
