import { allProjections } from '../../projections';
import { StoredProgress } from '../projections/storedProgress';
import { renderTable, type CliIo } from './io';
import { openLogAccess } from './logAccess';

/** Events of a projection's types counted behind it, at most (the table shows `≥` past it). */
const LAG_CAP = 1_000_000;

export interface ProjectionStatusRow {
  name: string;
  state: 'running' | 'stopped' | 'failed' | 'rebuilding';
  generation: number | null;
  position: string;
  lag: number;
  holder: string | null;
  error: string | null;
}

/**
 * `projections status`: each read model as the database records it (the same rows an
 * instance without its lease answers from): state, position reached, lag, lease holder.
 */
export async function projectionStatus(io: CliIo, options: { json?: boolean }): Promise<void> {
  const access = await openLogAccess(io, 2, 'tdkt-cli-status');
  try {
    const tracked = allProjections.map((d) => ({ kind: 'projection' as const, name: d.name, types: d.eventTypes }));
    const progress = new StoredProgress(access.pool, access.store, tracked, { pollIntervalMs: 1_000 });
    await progress.refresh();
    const { rows } = await access.pool.query<{ name: string }>(
      `SELECT DISTINCT name FROM projection_state WHERE status = 'rebuilding'`,
    );
    const rebuilding = new Set(rows.map((row) => row.name));
    const statuses: ProjectionStatusRow[] = [];
    for (const definition of allProjections) {
      const stored = progress.get('projection', definition.name);
      const position = stored?.reached ?? '0';
      const lag = await access.store.countEventsAfter(position, {
        types: definition.eventTypes ?? undefined,
        cap: LAG_CAP,
      });
      let state: ProjectionStatusRow['state'] = stored?.holder ? 'running' : 'stopped';
      if (stored?.failed) state = 'failed';
      else if (rebuilding.has(definition.name)) state = 'rebuilding';
      const generation = stored?.generation ?? null;
      statuses.push({
        name: definition.name,
        state,
        generation,
        position,
        lag,
        holder: stored?.holder ?? null,
        error: stored?.error ?? null,
      });
    }
    await progress.stop();
    io.out(options.json ? `${JSON.stringify(statuses, null, 2)}\n` : statusTable(statuses));
  } finally {
    await access.close();
  }
}

function statusTable(statuses: readonly ProjectionStatusRow[]): string {
  const rows = statuses.map((s) => [
    s.name,
    s.state,
    String(s.generation ?? '—'),
    s.position,
    s.lag >= LAG_CAP ? `≥${LAG_CAP}` : String(s.lag),
    s.holder ?? '—',
    s.error ?? '',
  ]);
  return renderTable(['projection', 'state', 'generation', 'position', 'lag', 'lease holder', 'error'], rows);
}
