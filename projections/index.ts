import type { ProjectionDefinition } from '../src/projections/projection';
import { auditTrailProjection } from './auditTrail/auditTrail.projection';
import { awardsProjection } from './awards/awards.projection';
import { clusterScoringProjection } from './clusterScoring/clusterScoring.projection';
import { complaintsProjection } from './complaints/complaints.projection';
import { initiativesProjection } from './initiatives/initiatives.projection';
import { plansProjection } from './plans/plans.projection';
import { registryProjection } from './registry/registry.projection';

/** Every read model the app maintains. */
export const allProjections: readonly ProjectionDefinition[] = [
  auditTrailProjection,
  awardsProjection,
  complaintsProjection,
  initiativesProjection,
  clusterScoringProjection,
  registryProjection,
  plansProjection,
];
