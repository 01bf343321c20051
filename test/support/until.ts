import { waitForReadModels } from '../../src/processManagers/readYourWrites';
import type { TestApp } from './app';

/**
 * Polls `condition` until it holds, at most `attempts` times `everyMs` apart; throws
 * naming `what` otherwise. For states another process reaches (locks taken, waiters
 * registered), not for measuring time.
 */
export async function until(
  what: string,
  condition: () => boolean | Promise<boolean>,
  { attempts = 400, everyMs = 25 } = {},
): Promise<void> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  throw new Error(`gave up waiting until ${what}`);
}

/** What waits for the read models: the app's projection runner, or one a test started. */
interface ReadModels {
  waitForPosition(position: string, timeoutMs: number, names?: readonly string[]): Promise<boolean>;
}

/**
 * Fails the test unless the read models (every one, or those in `names`) apply the log
 * up to `position` within `timeoutMs`; in an app, with the consequences the process
 * managers carry from it.
 */
export async function caughtUp(
  readModels: ReadModels | TestApp,
  position: string,
  { timeoutMs = 10_000, names }: { timeoutMs?: number; names?: readonly string[] } = {},
): Promise<void> {
  const caught =
    'app' in readModels
      ? await waitForReadModels(readModels.app.services, position, timeoutMs, names)
      : await readModels.waitForPosition(position, timeoutMs, names);
  expect(caught).toBe(true);
}
