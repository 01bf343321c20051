// Resolvers of the reference data: units, people, clusters, movements, plans,
// registrations, ratings, initiatives.
import { PersonResolver } from '../people/person.resolver';
import { UnitResolver } from '../units/unit.resolver';

// eslint-disable-next-line @typescript-eslint/ban-types
export const referenceResolvers: Function[] = [UnitResolver, PersonResolver];
