import { join } from 'node:path';
import type { PoolClient } from 'pg';
import type { AwardGranted, AwardRevoked } from '../../src/awards/award.events';
import type {
  ComplaintAccepted,
  ComplaintDismissed,
  ComplaintFiled,
  ComplaintResolved,
} from '../../src/complaints/complaint.events';
import type { CouncilSessionConvened } from '../../src/councilSessions/councilSession.events';
import type {
  DossierAppraised,
  DossierContext,
  DossierGranted,
  DossierResolved,
  DossierReturned,
  DossierSubmitted,
  DossierWithdrawn,
} from '../../src/dossiers/dossier.events';
import type { RecordedEvent } from '../../src/eventStore/eventStore.port';
import { loadMigrations } from '../../src/infra/migrations';
import { projectRoot } from '../../src/infra/projectRoot';
import type { PersonRegistered, PersonTransferred } from '../../src/people/person.events';
import type { ProjectionDefinition } from '../../src/projections/projection';
import { ComplaintOutcome, ComplaintStatus, daysBetween, SubjectKind } from '../../src/shared/domain';
import type { UnitRegistered } from '../../src/units/unit.events';

/**
 * Yearly totals for dashboards (DESIGN.md, "Read models"): per period (calendar or
 * school year) and per unit, so a dashboard sums any unit subtree from a few rows.
 *
 * - Awards: by the award's own period (AwardGranted.period) and its subject unit
 *   (AwardGranted.subjectUnitId: a person's unit, or the collective itself). Counts
 *   include revoked awards; `revoked*` columns count those later revoked (AwardRevoked).
 * - Dossiers: by DossierSubmitted.period and the nominee's unit. submitted; returned
 *   (returned at least once); eligible / ineligible (the latest appraisal); approved /
 *   rejected (the council's resolution); granted (DossierGranted); and a histogram of
 *   days from submittedOn to the resolving session's heldOn (CouncilSessionConvened)
 *   for the median. A withdrawn dossier counts as submitted only.
 * - Complaints: one row each (received, accepted, due and closing dates, status, unit of
 *   the subject), counted at query time because "overdue" depends on the day asked.
 *   The subject is ComplaintFiled.subject, else the award's or the dossier's subject;
 *   a person's unit is the one the person belongs to when the complaint is filed.
 *
 * Batch-friendly: a batch loads the state of the entities it touches with one query
 * per table, folds its events in memory, and writes every table with one multi-row
 * statement; aggregates change by (new contribution - old contribution) per entity.
 */
export const YEARLY_TOTALS_PROJECTION = 'yearly_totals';

/** DossierResubmitted, BallotCast and the rest change no total, so the runner does not even read them. */
export const YEARLY_TOTALS_EVENT_TYPES = [
  'UnitRegistered',
  'PersonRegistered',
  'PersonTransferred',
  'CouncilSessionConvened',
  'AwardGranted',
  'AwardRevoked',
  'DossierSubmitted',
  'DossierReturned',
  'DossierWithdrawn',
  'DossierAppraised',
  'DossierResolved',
  'DossierGranted',
  'ComplaintFiled',
  'ComplaintAccepted',
  'ComplaintDismissed',
  'ComplaintResolved',
] as const;

interface AwardRow {
  awardId: string;
  periodKind: string;
  periodYear: number;
  unitId: string;
  award: string;
  individual: boolean;
  directWorker: boolean;
  female: boolean;
  revoked: boolean;
}

interface DossierRow {
  dossierId: string;
  periodKind: string;
  periodYear: number;
  unitId: string;
  submittedOn: string;
  returned: boolean;
  eligible: boolean | null;
  approved: boolean | null;
  decisionDays: number | null;
  granted: boolean;
  withdrawn: boolean;
}

interface ComplaintRow {
  complaintId: string;
  unitId: string | null;
  receivedOn: string;
  acceptedOn: string | null;
  dueOn: string | null;
  closedOn: string | null;
  status: ComplaintStatus;
  upheld: boolean;
}

/** An entity as it was before the batch (null: new in this batch) and as the batch leaves it. */
interface Tracked<Row> {
  before: Row | null;
  row: Row;
}

/** Sums of vectors by key: the aggregate deltas of one batch. */
class Deltas {
  readonly sums = new Map<string, { key: (string | number)[]; values: number[] }>();
  constructor(private readonly width: number) {}

  add(key: (string | number)[], values: number[], sign: 1 | -1): void {
    const id = JSON.stringify(key);
    let entry = this.sums.get(id);
    if (!entry) {
      entry = { key, values: new Array<number>(this.width).fill(0) };
      this.sums.set(id, entry);
    }
    for (let i = 0; i < this.width; i++) entry.values[i] += sign * values[i];
  }

  /** Keys whose delta is not all zeros. */
  changed(): Array<{ key: (string | number)[]; values: number[] }> {
    return [...this.sums.values()].filter((e) => e.values.some((v) => v !== 0));
  }
}

const b = (flag: boolean): number => (flag ? 1 : 0);

/**
 * The unit id of the province-wide rows: every contribution is also added here, so a
 * dashboard over all units reads a few rows per year instead of summing every unit's.
 * No unit has an empty id.
 */
export const ALL_UNITS = '';

/** granted, individuals, collectives, direct_workers, women, revoked, revoked_individuals, revoked_direct_workers */
function awardContribution(a: AwardRow, deltas: Deltas, sign: 1 | -1): void {
  for (const unitId of [a.unitId, ALL_UNITS])
    deltas.add(
      [a.periodKind, a.periodYear, unitId, a.award],
      [
        1,
        b(a.individual),
        b(!a.individual),
        b(a.individual && a.directWorker),
        b(a.individual && a.female),
        b(a.revoked),
        b(a.revoked && a.individual),
        b(a.revoked && a.individual && a.directWorker),
      ],
      sign,
    );
}

/** submitted, returned, eligible, ineligible, approved, rejected, granted — a withdrawn dossier only in submitted. */
function dossierContribution(d: DossierRow, totals: Deltas, days: Deltas, sign: 1 | -1): void {
  const live = !d.withdrawn;
  for (const unitId of [d.unitId, ALL_UNITS])
    totals.add(
      [d.periodKind, d.periodYear, unitId],
      [
        1,
        b(live && d.returned),
        b(live && d.eligible === true),
        b(live && d.eligible === false),
        b(live && d.approved === true),
        b(live && d.approved === false),
        b(live && d.granted),
      ],
      sign,
    );
  if (live && d.approved !== null && d.decisionDays !== null) {
    for (const unitId of [d.unitId, ALL_UNITS])
      days.add([d.periodKind, d.periodYear, unitId, d.decisionDays], [1], sign);
  }
}

type Data = Record<string, any>;

class Batch {
  readonly units = new Map<string, string | null>();
  readonly people = new Map<string, string>();
  private readonly changedPeople = new Set<string>();
  readonly sessions = new Map<string, string>();
  private readonly newSessions = new Set<string>();
  readonly awards = new Map<string, Tracked<AwardRow>>();
  readonly dossiers = new Map<string, Tracked<DossierRow>>();
  readonly complaints = new Map<string, Tracked<ComplaintRow>>();

  constructor(private readonly client: PoolClient) {}

  /** Loads, with one query per table, the earlier state of everything the batch refers to. */
  async load(events: RecordedEvent[]): Promise<void> {
    const created = {
      awards: new Set<string>(),
      dossiers: new Set<string>(),
      complaints: new Set<string>(),
      sessions: new Set<string>(),
      people: new Set<string>(),
    };
    const wanted = {
      awards: new Set<string>(),
      dossiers: new Set<string>(),
      complaints: new Set<string>(),
      sessions: new Set<string>(),
      people: new Set<string>(),
    };
    for (const { type, data } of events) {
      const d = data as Data;
      switch (type) {
        case 'PersonRegistered':
          created.people.add(d.personId);
          break;
        case 'CouncilSessionConvened':
          created.sessions.add(d.sessionId);
          break;
        case 'AwardGranted':
          created.awards.add(d.awardId);
          break;
        case 'AwardRevoked':
          wanted.awards.add(d.awardId);
          break;
        case 'DossierSubmitted':
          created.dossiers.add(d.dossierId);
          break;
        case 'DossierReturned':
        case 'DossierWithdrawn':
        case 'DossierAppraised':
        case 'DossierGranted':
          wanted.dossiers.add(d.dossierId);
          break;
        case 'DossierResolved':
          wanted.dossiers.add(d.dossierId);
          wanted.sessions.add(d.sessionId);
          break;
        case 'ComplaintFiled': {
          created.complaints.add(d.complaintId);
          const subject = d.subject as ComplaintFiled['data']['subject'];
          if (subject?.kind === SubjectKind.INDIVIDUAL) wanted.people.add(subject.id);
          else if (subject === null && d.awardId) wanted.awards.add(d.awardId);
          else if (subject === null && d.dossierId) wanted.dossiers.add(d.dossierId);
          break;
        }
        case 'ComplaintAccepted':
        case 'ComplaintDismissed':
        case 'ComplaintResolved':
          wanted.complaints.add(d.complaintId);
          break;
        default:
          break;
      }
    }
    const ids = (kind: keyof typeof wanted) => [...wanted[kind]].filter((id) => !created[kind].has(id));

    const awardIds = ids('awards');
    if (awardIds.length > 0) {
      const { rows } = await this.client.query(
        `SELECT award_id, period_kind, period_year, unit_id, award, individual, direct_worker, female, revoked FROM awards WHERE award_id = ANY($1::text[])`,
        [awardIds],
      );
      for (const r of rows) {
        const row: AwardRow = {
          awardId: r.award_id,
          periodKind: r.period_kind,
          periodYear: r.period_year,
          unitId: r.unit_id,
          award: r.award,
          individual: r.individual,
          directWorker: r.direct_worker,
          female: r.female,
          revoked: r.revoked,
        };
        this.awards.set(row.awardId, { before: { ...row }, row });
      }
    }
    const dossierIds = ids('dossiers');
    if (dossierIds.length > 0) {
      const { rows } = await this.client.query(
        `SELECT dossier_id, period_kind, period_year, unit_id, to_char(submitted_on, 'YYYY-MM-DD') AS submitted_on, returned, eligible, approved,
                decision_days, granted, withdrawn
         FROM dossiers WHERE dossier_id = ANY($1::text[])`,
        [dossierIds],
      );
      for (const r of rows) {
        const row: DossierRow = {
          dossierId: r.dossier_id,
          periodKind: r.period_kind,
          periodYear: r.period_year,
          unitId: r.unit_id,
          submittedOn: r.submitted_on,
          returned: r.returned,
          eligible: r.eligible,
          approved: r.approved,
          decisionDays: r.decision_days,
          granted: r.granted,
          withdrawn: r.withdrawn,
        };
        this.dossiers.set(row.dossierId, { before: { ...row }, row });
      }
    }
    const complaintIds = ids('complaints');
    if (complaintIds.length > 0) {
      const { rows } = await this.client.query(
        `SELECT complaint_id, unit_id, to_char(received_on, 'YYYY-MM-DD') AS received_on, to_char(accepted_on, 'YYYY-MM-DD') AS accepted_on,
                to_char(due_on, 'YYYY-MM-DD') AS due_on, to_char(closed_on, 'YYYY-MM-DD') AS closed_on, status, upheld
         FROM complaints WHERE complaint_id = ANY($1::text[])`,
        [complaintIds],
      );
      for (const r of rows) {
        const row: ComplaintRow = {
          complaintId: r.complaint_id,
          unitId: r.unit_id,
          receivedOn: r.received_on,
          acceptedOn: r.accepted_on,
          dueOn: r.due_on,
          closedOn: r.closed_on,
          status: r.status,
          upheld: r.upheld,
        };
        this.complaints.set(row.complaintId, { before: { ...row }, row });
      }
    }
    const sessionIds = ids('sessions');
    if (sessionIds.length > 0) {
      const { rows } = await this.client.query(
        `SELECT session_id, to_char(held_on, 'YYYY-MM-DD') AS held_on FROM sessions WHERE session_id = ANY($1::text[])`,
        [sessionIds],
      );
      for (const r of rows) this.sessions.set(r.session_id, r.held_on);
    }
    const personIds = ids('people');
    if (personIds.length > 0) {
      const { rows } = await this.client.query(
        `SELECT person_id, unit_id FROM people WHERE person_id = ANY($1::text[])`,
        [personIds],
      );
      for (const r of rows) this.people.set(r.person_id, r.unit_id);
    }
  }

  apply(event: RecordedEvent): void {
    const d = event.data as Data;
    switch (event.type) {
      case 'UnitRegistered': {
        const u = d as UnitRegistered['data'];
        this.units.set(u.unitId, u.parentUnitId);
        break;
      }
      case 'PersonRegistered': {
        const p = d as PersonRegistered['data'];
        this.people.set(p.personId, p.unitId);
        this.changedPeople.add(p.personId);
        break;
      }
      case 'PersonTransferred': {
        const p = d as PersonTransferred['data'];
        this.people.set(p.personId, p.toUnitId);
        this.changedPeople.add(p.personId);
        break;
      }
      case 'CouncilSessionConvened': {
        const s = d as CouncilSessionConvened['data'];
        this.sessions.set(s.sessionId, s.heldOn);
        this.newSessions.add(s.sessionId);
        break;
      }
      case 'AwardGranted': {
        const a = d as AwardGranted['data'];
        const individual = a.subject.kind === SubjectKind.INDIVIDUAL;
        this.awards.set(a.awardId, {
          before: null,
          row: {
            awardId: a.awardId,
            periodKind: a.period.kind,
            periodYear: a.period.year,
            unitId: a.subjectUnitId,
            award: a.award,
            individual,
            directWorker: individual && a.directWorker,
            female: individual && a.female,
            revoked: false,
          },
        });
        break;
      }
      case 'AwardRevoked':
        this.award(event, (d as AwardRevoked['data']).awardId).revoked = true;
        break;
      case 'DossierSubmitted': {
        const s = d as DossierSubmitted['data'];
        this.dossiers.set(s.dossierId, {
          before: null,
          row: {
            dossierId: s.dossierId,
            periodKind: s.period.kind,
            periodYear: s.period.year,
            unitId: s.nomineeUnitId,
            submittedOn: s.submittedOn,
            returned: false,
            eligible: null,
            approved: null,
            decisionDays: null,
            granted: false,
            withdrawn: false,
          },
        });
        break;
      }
      case 'DossierReturned':
        this.dossier(event, d as DossierReturned['data']).returned = true;
        break;
      case 'DossierWithdrawn':
        this.dossier(event, d as DossierWithdrawn['data']).withdrawn = true;
        break;
      case 'DossierAppraised':
        this.dossier(event, d as DossierAppraised['data']).eligible = (d as DossierAppraised['data']).eligible;
        break;
      case 'DossierResolved': {
        const r = d as DossierResolved['data'];
        const dossier = this.dossier(event, r);
        const heldOn = this.sessions.get(r.sessionId);
        if (heldOn === undefined)
          throw new Error(
            `DossierResolved for dossier ${r.dossierId} names session ${r.sessionId}, which was never convened`,
          );
        dossier.approved = r.approved;
        dossier.decisionDays = daysBetween(dossier.submittedOn, heldOn);
        break;
      }
      case 'DossierGranted':
        this.dossier(event, d as DossierGranted['data']).granted = true;
        break;
      case 'ComplaintFiled': {
        const c = d as ComplaintFiled['data'];
        this.complaints.set(c.complaintId, {
          before: null,
          row: {
            complaintId: c.complaintId,
            unitId: this.complaintUnit(c),
            receivedOn: c.receivedOn,
            acceptedOn: null,
            dueOn: null,
            closedOn: null,
            status: ComplaintStatus.RECEIVED,
            upheld: false,
          },
        });
        break;
      }
      case 'ComplaintAccepted': {
        const c = d as ComplaintAccepted['data'];
        const row = this.complaint(event, c.complaintId);
        Object.assign(row, { status: ComplaintStatus.ACCEPTED, acceptedOn: c.acceptedOn, dueOn: c.dueOn });
        break;
      }
      case 'ComplaintDismissed': {
        const c = d as ComplaintDismissed['data'];
        Object.assign(this.complaint(event, c.complaintId), {
          status: ComplaintStatus.DISMISSED,
          closedOn: c.decidedOn,
        });
        break;
      }
      case 'ComplaintResolved': {
        const c = d as ComplaintResolved['data'];
        Object.assign(this.complaint(event, c.complaintId), {
          status: ComplaintStatus.RESOLVED,
          closedOn: c.decidedOn,
          upheld: c.outcome === ComplaintOutcome.UPHELD || c.outcome === ComplaintOutcome.PARTIALLY_UPHELD,
        });
        break;
      }
      default:
        break;
    }
  }

  /** The unit of the complaint's subject: the collective itself, the person's unit now, or the award's / dossier's subject unit. */
  private complaintUnit(c: ComplaintFiled['data']): string | null {
    if (c.subject)
      return c.subject.kind === SubjectKind.COLLECTIVE ? c.subject.id : (this.people.get(c.subject.id) ?? null);
    if (c.awardId) return this.awards.get(c.awardId)?.row.unitId ?? null;
    if (c.dossierId) return this.dossiers.get(c.dossierId)?.row.unitId ?? null;
    return null;
  }

  private award(event: RecordedEvent, awardId: string): AwardRow {
    const tracked = this.awards.get(awardId);
    if (!tracked) throw new Error(`${event.type} for award ${awardId}, which was never granted`);
    return tracked.row;
  }

  private dossier(event: RecordedEvent, context: DossierContext): DossierRow {
    const tracked = this.dossiers.get(context.dossierId);
    if (!tracked) throw new Error(`${event.type} for dossier ${context.dossierId}, which was never submitted`);
    return tracked.row;
  }

  private complaint(event: RecordedEvent, complaintId: string): ComplaintRow {
    const tracked = this.complaints.get(complaintId);
    if (!tracked) throw new Error(`${event.type} for complaint ${complaintId}, which was never filed`);
    return tracked.row;
  }

  /** Writes the batch: each table with one multi-row statement, aggregates by delta. */
  async write(): Promise<void> {
    const c = this.client;
    if (this.units.size > 0) {
      const units = [...this.units];
      await c.query(
        `INSERT INTO units (unit_id, parent_unit_id) SELECT * FROM unnest($1::text[], $2::text[])
         ON CONFLICT (unit_id) DO UPDATE SET parent_unit_id = EXCLUDED.parent_unit_id`,
        [units.map((u) => u[0]), units.map((u) => u[1])],
      );
    }
    if (this.changedPeople.size > 0) {
      const ids = [...this.changedPeople];
      await c.query(
        `INSERT INTO people (person_id, unit_id) SELECT * FROM unnest($1::text[], $2::text[])
         ON CONFLICT (person_id) DO UPDATE SET unit_id = EXCLUDED.unit_id`,
        [ids, ids.map((id) => this.people.get(id)!)],
      );
    }
    if (this.newSessions.size > 0) {
      const ids = [...this.newSessions];
      await c.query(
        `INSERT INTO sessions (session_id, held_on) SELECT * FROM unnest($1::text[], $2::date[])
         ON CONFLICT (session_id) DO UPDATE SET held_on = EXCLUDED.held_on`,
        [ids, ids.map((id) => this.sessions.get(id)!)],
      );
    }

    const awardDeltas = new Deltas(8);
    const awards = [...this.awards.values()].filter((t) => t.before === null || t.before.revoked !== t.row.revoked);
    for (const t of awards) {
      if (t.before) awardContribution(t.before, awardDeltas, -1);
      awardContribution(t.row, awardDeltas, 1);
    }
    if (awards.length > 0) {
      const rows = awards.map((t) => t.row);
      await c.query(
        `INSERT INTO awards (award_id, period_kind, period_year, unit_id, award, individual, direct_worker, female, revoked)
         SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::bool[], $7::bool[], $8::bool[], $9::bool[])
         ON CONFLICT (award_id) DO UPDATE SET revoked = EXCLUDED.revoked`,
        [
          rows.map((r) => r.awardId),
          rows.map((r) => r.periodKind),
          rows.map((r) => r.periodYear),
          rows.map((r) => r.unitId),
          rows.map((r) => r.award),
          rows.map((r) => r.individual),
          rows.map((r) => r.directWorker),
          rows.map((r) => r.female),
          rows.map((r) => r.revoked),
        ],
      );
    }

    const dossierDeltas = new Deltas(7);
    const dayDeltas = new Deltas(1);
    const dossiers = [...this.dossiers.values()].filter(
      (t) => t.before === null || JSON.stringify(t.before) !== JSON.stringify(t.row),
    );
    for (const t of dossiers) {
      if (t.before) dossierContribution(t.before, dossierDeltas, dayDeltas, -1);
      dossierContribution(t.row, dossierDeltas, dayDeltas, 1);
    }
    if (dossiers.length > 0) {
      const rows = dossiers.map((t) => t.row);
      await c.query(
        `INSERT INTO dossiers (dossier_id, period_kind, period_year, unit_id, submitted_on, returned, eligible, approved, decision_days, granted, withdrawn)
         SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::date[], $6::bool[], $7::bool[], $8::bool[], $9::int[], $10::bool[], $11::bool[])
         ON CONFLICT (dossier_id) DO UPDATE SET returned = EXCLUDED.returned, eligible = EXCLUDED.eligible, approved = EXCLUDED.approved,
           decision_days = EXCLUDED.decision_days, granted = EXCLUDED.granted, withdrawn = EXCLUDED.withdrawn`,
        [
          rows.map((r) => r.dossierId),
          rows.map((r) => r.periodKind),
          rows.map((r) => r.periodYear),
          rows.map((r) => r.unitId),
          rows.map((r) => r.submittedOn),
          rows.map((r) => r.returned),
          rows.map((r) => r.eligible),
          rows.map((r) => r.approved),
          rows.map((r) => r.decisionDays),
          rows.map((r) => r.granted),
          rows.map((r) => r.withdrawn),
        ],
      );
    }

    const complaints = [...this.complaints.values()].map((t) => t.row);
    if (complaints.length > 0) {
      await c.query(
        `INSERT INTO complaints (complaint_id, unit_id, received_on, accepted_on, due_on, closed_on, status, upheld)
         SELECT * FROM unnest($1::text[], $2::text[], $3::date[], $4::date[], $5::date[], $6::date[], $7::text[], $8::bool[])
         ON CONFLICT (complaint_id) DO UPDATE SET accepted_on = EXCLUDED.accepted_on, due_on = EXCLUDED.due_on, closed_on = EXCLUDED.closed_on,
           status = EXCLUDED.status, upheld = EXCLUDED.upheld`,
        [
          complaints.map((r) => r.complaintId),
          complaints.map((r) => r.unitId),
          complaints.map((r) => r.receivedOn),
          complaints.map((r) => r.acceptedOn),
          complaints.map((r) => r.dueOn),
          complaints.map((r) => r.closedOn),
          complaints.map((r) => r.status),
          complaints.map((r) => r.upheld),
        ],
      );
    }

    await addToTotals(
      c,
      'award_totals',
      ['period_kind', 'period_year', 'unit_id', 'award'],
      ['text', 'int', 'text', 'text'],
      [
        'granted',
        'individuals',
        'collectives',
        'direct_workers',
        'women',
        'revoked',
        'revoked_individuals',
        'revoked_direct_workers',
      ],
      awardDeltas,
    );
    await addToTotals(
      c,
      'dossier_totals',
      ['period_kind', 'period_year', 'unit_id'],
      ['text', 'int', 'text'],
      ['submitted', 'returned', 'eligible', 'ineligible', 'approved', 'rejected', 'granted'],
      dossierDeltas,
    );
    await addToTotals(
      c,
      'dossier_decision_days',
      ['period_kind', 'period_year', 'unit_id', 'days'],
      ['text', 'int', 'text', 'int'],
      ['dossiers'],
      dayDeltas,
    );
  }
}

/**
 * Adds a batch's deltas to an aggregate table in one statement. Table and column
 * names are constants of this module; every value is a bound parameter.
 */
async function addToTotals(
  client: PoolClient,
  table: string,
  keyColumns: string[],
  keyTypes: string[],
  valueColumns: string[],
  deltas: Deltas,
): Promise<void> {
  const changed = deltas.changed();
  if (changed.length === 0) return;
  const columns = [...keyColumns, ...valueColumns];
  const types = [...keyTypes, ...valueColumns.map(() => 'int')];
  const params = [
    ...keyColumns.map((_, i) => changed.map((e) => e.key[i])),
    ...valueColumns.map((_, i) => changed.map((e) => e.values[i])),
  ];
  await client.query(
    `INSERT INTO ${table} (${columns.join(', ')})
     SELECT * FROM unnest(${types.map((type, i) => `$${i + 1}::${type}[]`).join(', ')})
     ON CONFLICT (${keyColumns.join(', ')}) DO UPDATE SET ${valueColumns.map((col) => `${col} = ${table}.${col} + EXCLUDED.${col}`).join(', ')}`,
    params,
  );
}

export async function applyYearlyTotals(events: RecordedEvent[], client: PoolClient): Promise<void> {
  const batch = new Batch(client);
  await batch.load(events);
  for (const event of events) batch.apply(event);
  await batch.write();
}

/** Per-period, per-unit totals of awards, dossiers and complaints, summed over unit subtrees by the queries. */
export const yearlyTotalsProjection: ProjectionDefinition = {
  name: YEARLY_TOTALS_PROJECTION,
  version: 2,
  eventTypes: YEARLY_TOTALS_EVENT_TYPES,
  migrations: loadMigrations(join(projectRoot(), 'projections/yearlyTotals/migrations')),
  apply: applyYearlyTotals,
};
