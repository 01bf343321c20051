import { join } from 'node:path';
import type { PoolClient } from 'pg';
import type { CertificatePrinted } from '../../src/certificates/certificate.events';
import type { RecordedEvent } from '../../src/eventStore/eventStore.port';
import { asRecordedDomainEvents } from '../../src/eventStore/recordedDomainEvent';
import { loadMigrations } from '../../src/infra/migrations';
import { projectRoot } from '../../src/infra/projectRoot';
import type { ProjectionDefinition } from '../../src/projections/projection';

export const CERTIFICATES_PROJECTION = 'certificates';

interface PrintsOfAward {
  first: CertificatePrinted['data'];
  last: CertificatePrinted['data'];
  prints: number;
}

/** The batch's prints folded per award: its first and last print and how many. */
function foldPrints(events: RecordedEvent[]): PrintsOfAward[] {
  const byAward = new Map<string, PrintsOfAward>();
  for (const event of asRecordedDomainEvents(events)) {
    if (event.type !== 'CertificatePrinted') continue;
    const seen = byAward.get(event.data.awardId);
    if (seen) byAward.set(event.data.awardId, { ...seen, last: event.data, prints: seen.prints + 1 });
    else byAward.set(event.data.awardId, { first: event.data, last: event.data, prints: 1 });
  }
  return [...byAward.values()];
}

/** One upsert per batch: a new certificate's row, or an earlier one's count and last text. */
async function applyCertificates(events: RecordedEvent[], client: PoolClient): Promise<void> {
  const prints = foldPrints(events);
  if (prints.length === 0) return;
  await client.query(
    `INSERT INTO certificates AS c (award_id, issuing_unit_id, year, serial, prints, certificate, first_printed_on, last_printed_on)
     SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::int[], $6::jsonb[], $7::date[], $8::date[])
     ON CONFLICT (award_id) DO UPDATE SET prints = c.prints + EXCLUDED.prints,
       certificate = EXCLUDED.certificate, last_printed_on = EXCLUDED.last_printed_on`,
    [
      prints.map((p) => p.first.awardId),
      prints.map((p) => p.first.issuingUnitId),
      prints.map((p) => p.first.year),
      prints.map((p) => p.first.serial),
      prints.map((p) => p.prints),
      prints.map((p) => JSON.stringify(p.last.certificate)),
      prints.map((p) => p.first.printedOn),
      prints.map((p) => p.last.printedOn),
    ],
  );
}

/** Printed certificates by award: serial, prints and the text of the last print. */
export const certificatesProjection: ProjectionDefinition = {
  name: CERTIFICATES_PROJECTION,
  version: 1,
  eventTypes: ['CertificatePrinted'],
  migrations: loadMigrations(join(projectRoot(), 'projections/certificates/migrations')),
  apply: applyCertificates,
};
