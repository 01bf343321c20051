import { join } from 'node:path';
import type { PoolClient } from 'pg';
import type { AwardGranted } from '../../src/awards/award.events';
import type { DecisionDocument } from '../../src/decisions/decision.events';
import { normalizedNumber } from '../../src/decisions/decision.decider';
import type { RecordedEvent } from '../../src/eventStore/eventStore.port';
import { asRecordedDomainEvents } from '../../src/eventStore/recordedDomainEvent';
import { loadMigrations } from '../../src/infra/migrations';
import { projectRoot } from '../../src/infra/projectRoot';
import type { ProjectionDefinition } from '../../src/projections/projection';

export const DECISIONS_PROJECTION = 'decisions';

interface DecisionRow {
  document: DecisionDocument;
  status: 'DRAFT' | 'SIGNED';
  signedAt: string | null;
}

interface BatchChanges {
  decisions: Map<string, DecisionRow>;
  granted: Array<{ data: AwardGranted['data']; position: string }>;
  revoked: string[];
}

/** The batch folded: each decision's last document and status, the awards granted and revoked. */
function foldBatch(events: RecordedEvent[]): BatchChanges {
  const changes: BatchChanges = { decisions: new Map(), granted: [], revoked: [] };
  for (const event of asRecordedDomainEvents(events)) {
    switch (event.type) {
      case 'DecisionDrafted':
      case 'DecisionDraftRevised':
        changes.decisions.set(event.data.decisionId, { document: event.data, status: 'DRAFT', signedAt: null });
        break;
      case 'DecisionSigned':
        changes.decisions.set(event.data.decisionId, {
          document: event.data,
          status: 'SIGNED',
          signedAt: event.data.signedAt,
        });
        break;
      case 'AwardGranted':
        changes.granted.push({ data: event.data, position: event.position });
        break;
      case 'AwardRevoked':
        changes.revoked.push(event.data.awardId);
        break;
    }
  }
  return changes;
}

/** The document as the read model keeps it: the decision's own fields, not the signing's grants. */
function storedDocument(document: DecisionDocument): string {
  const { decisionId, issuedByUnitId, issuedByUnitName, year, number, decidedOn, place } = document;
  const { signerName, signerTitle, about, legalGrounds, entries } = document;
  return JSON.stringify({
    ...{ decisionId, issuedByUnitId, issuedByUnitName, year, number, decidedOn, place },
    ...{ signerName, signerTitle, about, legalGrounds, entries },
  });
}

async function upsertDecisions(rows: DecisionRow[], client: PoolClient): Promise<void> {
  if (rows.length === 0) return;
  await client.query(
    `INSERT INTO decisions AS d (decision_id, issued_by_unit_id, year, number, status, document, signed_at)
     SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::jsonb[], $7::timestamptz[])
     ON CONFLICT (decision_id) DO UPDATE SET status = EXCLUDED.status, document = EXCLUDED.document,
       signed_at = EXCLUDED.signed_at`,
    [
      rows.map((r) => r.document.decisionId),
      rows.map((r) => r.document.issuedByUnitId),
      rows.map((r) => r.document.year),
      rows.map((r) => r.document.number),
      rows.map((r) => r.status),
      rows.map((r) => storedDocument(r.document)),
      rows.map((r) => r.signedAt),
    ],
  );
}

async function insertAwards(granted: BatchChanges['granted'], client: PoolClient): Promise<void> {
  if (granted.length === 0) return;
  const data = granted.map((g) => g.data);
  await client.query(
    `INSERT INTO decision_awards (award_id, issued_by_unit_id, year, number, dossier_id, award, label, subject,
       reward_vnd, granted_position)
     SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[],
       $8::jsonb[], $9::bigint[], $10::numeric[])
     ON CONFLICT (award_id) DO NOTHING`,
    [
      data.map((d) => d.awardId),
      data.map((d) => d.issuedByUnitId),
      data.map((d) => Number(d.decidedOn.slice(0, 4))),
      data.map((d) => normalizedNumber(d.decisionNumber)),
      data.map((d) => d.dossierId),
      data.map((d) => d.award),
      data.map((d) => d.label),
      data.map((d) => JSON.stringify(d.subject)),
      data.map((d) => d.rewardVnd ?? null),
      granted.map((g) => g.position),
    ],
  );
}

async function applyDecisions(events: RecordedEvent[], client: PoolClient): Promise<void> {
  const changes = foldBatch(events);
  await upsertDecisions([...changes.decisions.values()], client);
  await insertAwards(changes.granted, client);
  if (changes.revoked.length > 0) {
    await client.query('UPDATE decision_awards SET revoked = true WHERE award_id = ANY($1::text[])', [changes.revoked]);
  }
}

/** Decisions drafted and signed in the system, and every award citing a decision number. */
export const decisionsProjection: ProjectionDefinition = {
  name: DECISIONS_PROJECTION,
  version: 1,
  eventTypes: ['DecisionDrafted', 'DecisionDraftRevised', 'DecisionSigned', 'AwardGranted', 'AwardRevoked'],
  migrations: loadMigrations(join(projectRoot(), 'projections/decisions/migrations')),
  apply: applyDecisions,
};
