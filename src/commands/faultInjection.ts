/**
 * A fault-injection hook for the crash tests (test/faults/appKill.int.test.ts): with
 * FAULT_INJECTION_KILL_AFTER_APPEND_OF_KEY set, the process kills itself (SIGKILL: no
 * clean-up, no answer) right after the append of a command sent with exactly that
 * Idempotency-Key, before the command's result is recorded. Off unless the variable is
 * set, and always off in production; read once, when the app loads.
 */
export const KILL_AFTER_APPEND_OF_KEY = 'FAULT_INJECTION_KILL_AFTER_APPEND_OF_KEY';

const keyToDieAfter = process.env.NODE_ENV === 'production' ? undefined : process.env[KILL_AFTER_APPEND_OF_KEY];

/** Kills the process when the fault is injected for `idempotencyKey` (the header's value). */
export function dieAfterAppendIfInjected(idempotencyKey: string | null): void {
  if (keyToDieAfter && idempotencyKey === keyToDieAfter) process.kill(process.pid, 'SIGKILL');
}
