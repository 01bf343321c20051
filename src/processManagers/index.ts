import { awardIssuance } from './awardIssuance';
import { complaintRevocations } from './complaintRevocations';
import { councilResolutions } from './councilResolutions';
import type { ProcessManager } from './processManager';
import { publicationComplaints } from './publicationComplaints';

/** Every process manager the app runs. */
export const allProcessManagers: readonly ProcessManager[] = [
  councilResolutions,
  awardIssuance,
  complaintRevocations,
  publicationComplaints,
];
