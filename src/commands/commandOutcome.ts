import type { CommandOutcome } from '../infra/metrics';
import { DomainError, VersionConflict } from '../shared/errors';

/**
 * How a command that threw ended: a version race it lost (after any retries), a refusal
 * the caller can read (a rule, its input, a missing stream, a busy service), or a failure.
 */
export function commandOutcomeOf(error: unknown): CommandOutcome {
  if (error instanceof VersionConflict) return 'conflict';
  if (error instanceof DomainError) return 'refused';
  return 'error';
}
