// Resolvers of the yearly totals for dashboards.

// eslint-disable-next-line @typescript-eslint/ban-types
export const totalsResolvers: Function[] = [];
