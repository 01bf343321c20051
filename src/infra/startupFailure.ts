/** A start-up failure the user can act on; its message is one line saying what to do. */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}

/**
 * The one line `npm start` prints when it cannot start. Expected failures (a
 * StartupError, a port in use, a permission refused) say what to do; anything else
 * gives its message, and its stack only with LOG_LEVEL=debug.
 */
export function describeStartupFailure(error: unknown, debug: boolean): string {
  if (error instanceof StartupError) return `failed to start: ${error.message}`;
  const failure = error as (Partial<NodeJS.ErrnoException> & { port?: number }) | undefined;
  if (failure?.code === 'EADDRINUSE') {
    return `failed to start: port ${failure.port ?? '(unknown)'} is already in use; stop the process that holds it or set PORT to another port`;
  }
  if ((failure?.code === 'EACCES' || failure?.code === 'EPERM') && failure.syscall === 'listen') {
    return `failed to start: not allowed to listen on port ${failure.port ?? '(unknown)'}; set PORT to 1024 or above`;
  }
  if (failure?.code === 'EACCES' || failure?.code === 'EPERM') {
    const action = failure.syscall ?? 'access';
    const what = failure.path && !action.includes(failure.path) ? `${action} ${failure.path}` : action;
    return `failed to start: permission denied (${what}); give this user access to it or start from a folder it may use`;
  }
  if (debug && error instanceof Error && error.stack) return `failed to start: ${error.stack}`;
  const message = error instanceof Error ? error.message : String(error);
  return `failed to start: ${firstLine(message)} (LOG_LEVEL=debug shows the stack)`;
}

function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim() ?? '(no message)'
  );
}
