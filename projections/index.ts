import type { ProjectionDefinition } from '../src/projections/projection';
import { auditTrailProjection } from './auditTrail/auditTrail.projection';

/** Every read model the app maintains. */
export const allProjections: readonly ProjectionDefinition[] = [auditTrailProjection];
