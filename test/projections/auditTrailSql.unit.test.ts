import { auditTrailSql, type AuditTrailFilter } from '../../projections/auditTrail/auditTrail.queries';

const page = { first: 50, afterPosition: '0', asOf: null, withData: false };

describe('auditTrailSql', () => {
  it('hands out one text per filter shape, whatever the values', () => {
    const a = auditTrailSql({ dossierId: 'd1' }, page);
    const b = auditTrailSql({ dossierId: 'd2' }, page);
    expect(b.text).toBe(a.text);
    expect(Object.is(a.text, b.text)).toBe(true);
    expect(a.params).toEqual(['0', 51, 'dossier', 'd1']);
    expect(b.params).toEqual(['0', 51, 'dossier', 'd2']);
    expect(auditTrailSql({ awardId: 'd1' }, page).text).toBe(a.text); // the kind is a parameter
    expect(auditTrailSql({ dossierId: 'd1' }, { ...page, withData: true }).text).not.toBe(a.text);
  });

  it('numbers every placeholder to its parameter, for every combination of filters', () => {
    const all: AuditTrailFilter = {
      subject: { kind: 'INDIVIDUAL', id: 'p1' },
      dossierId: 'd1',
      awardId: 'a1',
      complaintId: 'c1',
      decisionNumber: '1/QĐ',
      streamId: 's1',
      actorId: 'x1',
    };
    const keys = Object.keys(all) as Array<keyof AuditTrailFilter>;
    for (let mask = 0; mask < 1 << keys.length; mask++) {
      for (const asOf of [null, new Date('2025-01-01T00:00:00Z')]) {
        const filter: AuditTrailFilter = {};
        keys.forEach((key, i) => {
          if (mask & (1 << i)) (filter as Record<string, unknown>)[key] = all[key];
        });
        const { text, params } = auditTrailSql(filter, { ...page, asOf });
        const placeholders = [...text.matchAll(/\$(\d+)/g)].map((m) => Number(m[1]));
        expect(new Set(placeholders)).toEqual(new Set(params.map((_, i) => i + 1)));
        // Each value sits where its column is compared.
        if (filter.streamId) expect(text).toContain(`e.stream_id = $${params.indexOf('s1') + 1}`);
        if (filter.actorId) expect(text).toContain(`e.actor_id = $${params.indexOf('x1') + 1}`);
        if (asOf) expect(text).toContain(`e.recorded_at <= $${params.indexOf(asOf) + 1}`);
        if (filter.dossierId)
          expect(text).toMatch(
            new RegExp(
              `ref_kind = \\$${params.indexOf('dossier') + 1} AND r\\d\\.ref_id = \\$${params.indexOf('d1') + 1}`,
            ),
          );
      }
    }
  });
});
