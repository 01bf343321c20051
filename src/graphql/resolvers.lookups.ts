// Resolvers of the lookups: dossier, award history, awards by decision, complaints.

// eslint-disable-next-line @typescript-eslint/ban-types
export const lookupResolvers: Function[] = [];
