/**
 * What the app tells the process that started it, over the IPC channel Node opens for a
 * child spawned with one (`stdio: [..., 'ipc']`; the benchmark spawns the app so). It is
 * no network endpoint: only the parent holds the channel, and without one nothing listens.
 */
import type { CommandHandler } from '../commands/commandHandler';

/** The request for the command handler's counts, and the kind of its answer. */
export const COMMAND_STATS = 'command-stats';

export interface CommandStatsMessage {
  kind: typeof COMMAND_STATS;
  /** Version conflicts retried, per command name, since the app started. */
  conflictRetries: Record<string, number>;
}

/** Answers the parent's requests for the command handler's counts (nothing when no parent channel exists). */
export function answerParentProcess(commands: CommandHandler): void {
  const send = process.send?.bind(process);
  if (!send) return;
  process.on('message', (message: unknown) => {
    if ((message as { kind?: unknown } | null)?.kind !== COMMAND_STATS) return;
    const answer: CommandStatsMessage = { kind: COMMAND_STATS, conflictRetries: commands.conflictRetries.snapshot() };
    send(answer);
  });
}
