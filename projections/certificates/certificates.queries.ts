/** Questions asked of the certificates read model (schema `certificates`). */
import type { CertificateText } from '../../src/certificates/certificate.events';
import type { Queryable } from '../awards/awards.queries';

export interface PrintedCertificate {
  awardId: string;
  issuingUnitId: string;
  year: number;
  serial: number;
  prints: number;
  certificate: CertificateText;
  lastPrintedOn: string;
}

/** The award's printed certificate, or null when it was never printed. */
export async function getPrintedCertificate(db: Queryable, awardId: string): Promise<PrintedCertificate | null> {
  const { rows } = await db.query<{
    issuing_unit_id: string;
    year: number;
    serial: number;
    prints: number;
    certificate: CertificateText;
    last_printed_on: string;
  }>(
    `SELECT issuing_unit_id, year, serial, prints, certificate, to_char(last_printed_on, 'YYYY-MM-DD') AS last_printed_on
     FROM certificates.certificates WHERE award_id = $1`,
    [awardId],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    awardId,
    issuingUnitId: row.issuing_unit_id,
    year: row.year,
    serial: row.serial,
    prints: row.prints,
    certificate: row.certificate,
    lastPrintedOn: row.last_printed_on,
  };
}
