import type { ProjectionDefinition } from '../src/projections/projection';
import { auditTrailProjection } from './auditTrail/auditTrail.projection';
import { awardsProjection } from './awards/awards.projection';
import { certificatesProjection } from './certificates/certificates.projection';
import { clusterScoringProjection } from './clusterScoring/clusterScoring.projection';
import { complaintsProjection } from './complaints/complaints.projection';
import { councilBallotsProjection } from './councilBallots/councilBallots.projection';
import { councilSessionsProjection } from './councilSessions/councilSessions.projection';
import { decisionsProjection } from './decisions/decisions.projection';
import { dossiersProjection } from './dossiers/dossiers.projection';
import { initiativesProjection } from './initiatives/initiatives.projection';
import { plansProjection } from './plans/plans.projection';
import { publicationsProjection } from './publications/publications.projection';
import { registryProjection } from './registry/registry.projection';
import { yearlyTotalsProjection } from './yearlyTotals/yearlyTotals.projection';

/** Every read model the app maintains. */
export const allProjections: readonly ProjectionDefinition[] = [
  auditTrailProjection,
  awardsProjection,
  complaintsProjection,
  dossiersProjection,
  initiativesProjection,
  clusterScoringProjection,
  registryProjection,
  plansProjection,
  yearlyTotalsProjection,
  councilBallotsProjection,
  councilSessionsProjection,
  certificatesProjection,
  publicationsProjection,
  decisionsProjection,
];
