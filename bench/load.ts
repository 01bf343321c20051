/**
 * Load against the running app over HTTP (127.0.0.1 only, bounded loops):
 *  - commands: realistic mutations on the generated province (castBallot,
 *    recordClusterScore, registerTitle, ratePerformance) at a fixed offered rate (open
 *    loop) and from 32 concurrent clients (closed loop: the saturation), after a set-up
 *    slice that goes through the same GraphQL path (criteria, ratings, dossiers,
 *    appraisal, council sessions);
 *  - query latency at fixed request rates (open loop) and at saturation (closed loop)
 *    for three users: a dashboard, an inspector, a complaint desk;
 *  - how fast a fragment bomb is refused;
 *  - live projection lag at a steady append rate, read through projectionsCaughtUp.
 * Each part is in bench/load/.
 */
export { planCommandSlice, type CommandSlice, type CommandSliceOptions } from './load/commandSlice';
export { measureLag, type LagResult } from './load/lag';
export { atFixedRate, closedLoop, openLoop, type Pace, type Paced, type RatePoint } from './load/rateLoops';
export { READ_QUERIES, readUsers, type Credentials, type ReadUser, type UserName } from './load/readUsers';
export { fragmentBomb, timeBombRefusals, type RefusalResult } from './load/refusals';
export { type OpsResult } from './load/opsTally';
export {
  runOps,
  runOpsAtRate,
  type ClosedLoopOptions,
  type ConflictRetriesReader,
  type OfferedOpsResult,
} from './load/runOps';
