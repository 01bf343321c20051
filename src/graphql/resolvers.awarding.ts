// Resolvers of the award process: dossiers, council sessions, awards, complaints, eligibility.

// eslint-disable-next-line @typescript-eslint/ban-types
export const awardingResolvers: Function[] = [];
