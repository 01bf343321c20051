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
