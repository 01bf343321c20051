/**
 * A denouncer's identity is protected (Law on Denunciations 2018): only ADMIN and
 * COMPLAINT_OFFICER read it. Everyone else reads this placeholder wherever it would
 * appear: a denunciation's `complainantName`, and the `data` of its audit-trail entry
 * (an entry's summary never names the complainant; see auditTrail.projection.ts).
 */
export const WITHHELD_DENOUNCER = '[withheld]';

interface Filing {
  kind: string;
  complainantName: string;
}

interface TrailEntry {
  type: string;
  data?: Record<string, unknown>;
}

function isDenunciation(complaint: Filing): boolean {
  return complaint.kind === 'DENUNCIATION';
}

function withheld<T extends Filing>(complaint: T): T {
  return isDenunciation(complaint) ? { ...complaint, complainantName: WITHHELD_DENOUNCER } : complaint;
}

export function withholdFromComplaint<T extends Filing>(complaint: T | null): T | null {
  return complaint === null ? null : withheld(complaint);
}

export function withholdFromComplaintPage<P extends { nodes: Filing[] }>(page: P): P {
  return page.nodes.some(isDenunciation) ? { ...page, nodes: page.nodes.map(withheld) } : page;
}

function namesDenouncer(entry: TrailEntry): boolean {
  return entry.type === 'ComplaintFiled' && entry.data?.kind === 'DENUNCIATION';
}

/** A page of the audit trail; unchanged (the same object) when it holds no denunciation's filing. */
export function withholdFromTrail<P extends { entries: TrailEntry[] }>(page: P): P {
  if (!page.entries.some(namesDenouncer)) return page;
  return {
    ...page,
    entries: page.entries.map((entry) =>
      namesDenouncer(entry) ? { ...entry, data: { ...entry.data, complainantName: WITHHELD_DENOUNCER } } : entry,
    ),
  };
}
