import { awardIssuance } from './awardIssuance';
import { complaintRevocations } from './complaintRevocations';
import { councilResolutions } from './councilResolutions';
import { decisionGrants } from './decisionGrants';
import { memoClaims } from './memoClaims';
import type { ProcessManager } from './processManager';
import { publicationComplaints } from './publicationComplaints';

/** Every process manager the app runs. */
export const allProcessManagers: readonly ProcessManager[] = [
  councilResolutions,
  decisionGrants,
  awardIssuance,
  complaintRevocations,
  publicationComplaints,
  memoClaims,
];
