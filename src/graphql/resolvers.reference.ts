// Resolvers of the reference data: units, people, households, clusters, movements, plans,
// registrations, ratings, initiatives, workforce reports.
import { ClusterResolver } from '../clusters/cluster.resolver';
import { HouseholdResolver } from '../households/household.resolver';
import { InitiativeResolver } from '../initiatives/initiative.resolver';
import { MovementResolver } from '../movements/movement.resolver';
import { PersonResolver } from '../people/person.resolver';
import { PlanResolver } from '../plans/plan.resolver';
import { RatingResolver } from '../ratings/rating.resolver';
import { RegistrationResolver } from '../registrations/registration.resolver';
import { UnitResolver } from '../units/unit.resolver';
import { WorkforceReportResolver } from '../workforceReports/workforceReport.resolver';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's resolver classes
export const referenceResolvers: Function[] = [
  UnitResolver,
  PersonResolver,
  HouseholdResolver,
  ClusterResolver,
  MovementResolver,
  PlanResolver,
  RegistrationResolver,
  RatingResolver,
  InitiativeResolver,
  WorkforceReportResolver,
];
