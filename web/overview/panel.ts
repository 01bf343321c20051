import { ApiError } from './api';
import { byId, setPanelNote } from './dom';

let onUnauthenticated: (message: string) => void = () => undefined;

/** What to do when the server no longer accepts the token (sign out, with the reason). */
export function whenUnauthenticated(handler: (message: string) => void): void {
  onUnauthenticated = handler;
}

/**
 * Loads one panel. A FORBIDDEN answer hides it with a short note (the role may not read
 * it); a refused token signs out; any other failure is noted in the panel alone.
 */
export async function runPanel(panelId: string, load: () => Promise<void>): Promise<void> {
  const panel = byId(panelId);
  panel.setAttribute('aria-busy', 'true');
  try {
    await load();
    setPanelNote(panelId, null);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'FORBIDDEN')
      setPanelNote(panelId, 'Vai trò của bạn không được xem mục này.');
    else if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') onUnauthenticated(error.message);
    else setPanelNote(panelId, `Không tải được mục này: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    panel.setAttribute('aria-busy', 'false');
  }
}
