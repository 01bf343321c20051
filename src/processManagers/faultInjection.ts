/**
 * A fault-injection hook for the crash tests (test/faults/processManagerKill.int.test.ts):
 * with FAULT_INJECTION_KILL_PROCESS_MANAGER set to a point, the process kills itself
 * (SIGKILL: no clean-up) the first time a process manager reaches that point while it
 * carries a consequence: `before-append` once the target stream is read and the
 * consequence decided, `after-append` once its events are appended, before the manager's
 * checkpoint is saved. Off unless the variable is set, and always off in production; read
 * once, when the app loads.
 */
export const KILL_PROCESS_MANAGER = 'FAULT_INJECTION_KILL_PROCESS_MANAGER';

/** Where in carrying a consequence the process dies. */
export type ProcessManagerKillPoint = 'before-append' | 'after-append';

const pointToDieAt = process.env.NODE_ENV === 'production' ? undefined : process.env[KILL_PROCESS_MANAGER];

/** Kills the process when the fault is injected at `point`. */
export function dieInProcessManagerIfInjected(point: ProcessManagerKillPoint): void {
  if (pointToDieAt === point) process.kill(process.pid, 'SIGKILL');
}
