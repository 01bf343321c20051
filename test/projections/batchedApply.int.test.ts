/**
 * The read models apply a batch set-based: one read per table, the events folded in
 * memory, one write per table. A batch must leave the tables exactly as applying its
 * events one by one does, also when its events depend on each other (a unit registered
 * then renamed, a person who moves before the unit is renamed, an award revoked or a
 * complaint resolved in the batch that created it). The log here is a small generated
 * province followed by such chains, applied with batches of 1, of 37 and of everything.
 */
import type { PoolClient } from 'pg';
import { ProvinceGenerator } from '../../bench/generator';
import { awardsProjection } from '../../projections/awards/awards.projection';
import { clusterScoringProjection } from '../../projections/clusterScoring/clusterScoring.projection';
import { complaintsProjection } from '../../projections/complaints/complaints.projection';
import { dossiersProjection } from '../../projections/dossiers/dossiers.projection';
import { initiativesProjection } from '../../projections/initiatives/initiatives.projection';
import { plansProjection } from '../../projections/plans/plans.projection';
import { registryProjection } from '../../projections/registry/registry.projection';
import { yearlyTotalsProjection } from '../../projections/yearlyTotals/yearlyTotals.projection';
import type { RecordedEvent } from '../../src/eventStore/eventStore.port';
import { inTransaction, quoteIdent } from '../../src/infra/db';
import { migrate } from '../../src/infra/migrations';
import type { ProjectionDefinition } from '../../src/projections/projection';
import { createTestDatabase, type TestDatabase } from '../support/database';

const PROJECTIONS: ProjectionDefinition[] = [
  registryProjection,
  awardsProjection,
  plansProjection,
  initiativesProjection,
  complaintsProjection,
  clusterScoringProjection,
  dossiersProjection,
  yearlyTotalsProjection,
];

type Data = Record<string, any>;

/** The generated province, then chains of dependent events written after it. */
function buildLog(): RecordedEvent[] {
  const log: RecordedEvent[] = [];
  const versions = new Map<string, number>();
  const push = (streamId: string, type: string, data: Data, recordedAt: string): void => {
    const streamVersion = (versions.get(streamId) ?? 0) + 1;
    versions.set(streamId, streamVersion);
    log.push({
      streamId,
      streamVersion,
      position: String(log.length + 1),
      type,
      data,
      recordedAt,
      metadata: {
        actorId: 'tester',
        role: 'ADMIN',
        unitId: null,
        commandId: `c${log.length}`,
        correlationId: `c${log.length}`,
        causationId: null,
        recordedAt,
        ruleSetId: null,
      },
    } as RecordedEvent);
  };
  for (const e of new ProvinceGenerator({ events: 5_000, seed: 31 }).events())
    push(e.streamId, e.type, e.data as Data, e.metadata.recordedAt);

  const first = (type: string): Data => {
    const found = log.find((e) => e.type === type);
    if (!found) throw new Error(`the generated log has no ${type}`);
    return found.data as Data;
  };
  const generatedPerson = first('PersonRegistered');
  const generatedUnit = log.find((e) => e.type === 'UnitRegistered' && e.data.parentUnitId !== null)!.data as Data;
  const generatedAward = first('AwardGranted');
  const at = '2026-03-02T02:00:00.000Z';

  // Registry and yearly totals: a unit tree built, renamed and merged while people move.
  const unit = (unitId: string, name: string, parentUnitId: string | null) =>
    push(
      `unit-${unitId}`,
      'UnitRegistered',
      { unitId, name, kind: 'SCHOOL', level: 'UNIT', parentUnitId, sector: 'Giáo dục', small: false },
      at,
    );
  const rename = (unitId: string, previousName: string, name: string) =>
    push(`unit-${unitId}`, 'UnitRenamed', { unitId, previousName, name, effectiveOn: '2026-03-02' }, at);
  const person = (personId: string, fullName: string, unitId: string, unitName: string) =>
    push(
      `person-${personId}`,
      'PersonRegistered',
      { personId, fullName, unitId, unitName, position: 'Giáo viên', directWorker: false, female: true },
      at,
    );
  const transfer = (personId: string, fullName: string, from: [string, string], to: [string, string]) =>
    push(
      `person-${personId}`,
      'PersonTransferred',
      {
        personId,
        fullName,
        fromUnitId: from[0],
        fromUnitName: from[1],
        toUnitId: to[0],
        toUnitName: to[1],
        position: 'Tổ trưởng',
        effectiveOn: '2026-03-02',
      },
      at,
    );
  unit('t-phong', 'Phòng Giáo dục', null);
  person('t-an', 'Nguyễn Văn An', 't-phong', 'Phòng Giáo dục');
  rename('t-phong', 'Phòng Giáo dục', 'Phòng Giáo dục và Đào tạo');
  unit('t-truong', 'Trường Tiểu học Hòa Bình', 't-phong');
  person('t-binh', 'Trần Thị Bình', 't-truong', 'Trường Tiểu học Hòa Bình');
  transfer(
    't-binh',
    'Trần Thị Bình',
    ['t-truong', 'Trường Tiểu học Hòa Bình'],
    ['t-phong', 'Phòng Giáo dục và Đào tạo'],
  );
  transfer('t-an', 'Nguyễn Văn An', ['t-phong', 'Phòng Giáo dục và Đào tạo'], ['t-truong', 'Trường Tiểu học Hòa Bình']);
  rename('t-phong', 'Phòng Giáo dục và Đào tạo', 'Phòng GD&ĐT huyện Đông Anh');
  push(
    'unit-t-truong',
    'UnitMerged',
    {
      unitId: 't-truong',
      unitName: 'Trường Tiểu học Hòa Bình',
      intoUnitId: 't-phong',
      intoUnitName: 'Phòng GD&ĐT huyện Đông Anh',
      effectiveOn: '2026-03-02',
      reason: null,
    },
    at,
  );
  // A person and a unit of the generated province, so a split batch changes rows written earlier.
  transfer(
    generatedPerson.personId,
    generatedPerson.fullName,
    [generatedPerson.unitId, generatedPerson.unitName],
    ['t-truong', 'Trường Tiểu học Hòa Bình'],
  );
  rename(generatedUnit.unitId, generatedUnit.name, `${generatedUnit.name} (mới)`);
  rename(generatedPerson.unitId, generatedPerson.unitName, `${generatedPerson.unitName} (mới)`);

  // Awards: one granted and revoked right after, one of the generated province revoked.
  const revoke = (awardId: string, complaintId: string | null) =>
    push(
      `award-${awardId}`,
      'AwardRevoked',
      { awardId, reason: 'Hồ sơ không trung thực', decisionNumber: `QĐ-THU-${awardId}`, complaintId, revokedAt: at },
      at,
    );
  push(
    'award-t-award',
    'AwardGranted',
    { ...generatedAward, awardId: 't-award', decisionNumber: 'QĐ-T-1', subjectUnitId: 't-truong' },
    at,
  );
  revoke('t-award', null);
  revoke(generatedAward.awardId, 't-c1');

  // Complaints: filed, accepted and resolved in a row; another filed and dismissed; one about a person who moved.
  const filed = (complaintId: string, subject: Data | null, awardId: string | null) =>
    push(
      `complaint-${complaintId}`,
      'ComplaintFiled',
      {
        complaintId,
        kind: 'COMPLAINT',
        complainantName: 'Lê Văn Cường',
        receivedOn: '2026-03-02',
        content: 'Khiếu nại',
        awardId,
        dossierId: null,
        subject,
        acceptanceDueOn: '2026-03-12',
        filedAt: at,
      },
      at,
    );
  filed('t-c1', null, generatedAward.awardId);
  push(
    'complaint-t-c1',
    'ComplaintAccepted',
    {
      complaintId: 't-c1',
      kind: 'COMPLAINT',
      acceptedOn: '2026-03-05',
      complex: true,
      remoteArea: false,
      dueOn: '2026-04-19',
      acceptedAt: at,
    },
    at,
  );
  push(
    'complaint-t-c1',
    'ComplaintResolved',
    {
      complaintId: 't-c1',
      kind: 'COMPLAINT',
      outcome: 'UPHELD',
      decidedOn: '2026-04-10',
      revokedAwardId: generatedAward.awardId,
      resolvedAt: at,
    },
    at,
  );
  filed('t-c2', { kind: 'INDIVIDUAL', id: 't-binh', name: 'Trần Thị Bình' }, null);
  push(
    'complaint-t-c2',
    'ComplaintDismissed',
    {
      complaintId: 't-c2',
      kind: 'COMPLAINT',
      decidedOn: '2026-03-06',
      reason: 'Không thuộc thẩm quyền',
      dismissedAt: at,
    },
    at,
  );

  // Dossiers: a unit's second memo for a dossier sent back, and the other dossier it listed
  // carried by the corrected memo, all in one batch.
  const [kept, freed] = log.filter((e) => e.type === 'DossierSubmitted').map((e) => e.data as Data);
  const memo = (proposalId: string, dossierIds: string[]) => ({
    proposalId,
    unitId: kept.proposingUnitId,
    number: `${proposalId}/TTr`,
    proposedOn: '2026-03-02',
    dossierIds,
  });
  for (const [id, dossierIds] of [
    ['t-tt1', [kept.dossierId]],
    ['t-tt2', [kept.dossierId, freed.dossierId]],
    ['t-tt3', [freed.dossierId]],
  ] as const)
    push(`proposal-${id}`, 'ProposalDrafted', { ...memo(id, [...dossierIds]), unitName: 'UBND', draftedAt: at }, at);
  push('proposal-t-tt1', 'ProposalSubmitted', { ...memo('t-tt1', [kept.dossierId]), submittedAt: at }, at);
  push(
    'proposal-t-tt2',
    'ProposalSubmitted',
    { ...memo('t-tt2', [kept.dossierId, freed.dossierId]), submittedAt: at },
    at,
  );
  push(
    'proposal-t-tt2',
    'ProposalSentBack',
    {
      ...memo('t-tt2', [kept.dossierId, freed.dossierId]),
      dossierId: kept.dossierId,
      carriedBy: { proposalId: 't-tt1', number: 't-tt1/TTr' },
      sentBackAt: at,
    },
    at,
  );
  push('proposal-t-tt3', 'ProposalSubmitted', { ...memo('t-tt3', [freed.dossierId]), submittedAt: at }, at);

  // Cluster scoring: a year finalized twice, the second time with other ranks.
  const ranking = first('ClusterRankingFinalized');
  const reversed = (ranking.rows as Data[]).map((row, i, rows) => ({ ...row, rank: rows.length - i }));
  push(`cluster_year-${ranking.clusterId}:2030`, 'ClusterRankingFinalized', { ...ranking, year: 2030 }, at);
  push(
    `cluster_year-${ranking.clusterId}:2030`,
    'ClusterRankingFinalized',
    { ...ranking, year: 2030, rows: reversed },
    at,
  );
  return log;
}

async function applyInBatches(
  db: TestDatabase,
  definition: ProjectionDefinition,
  schema: string,
  events: RecordedEvent[],
  batchSize: number,
): Promise<void> {
  await migrate(db.pool, `projection:${schema}`, definition.migrations, { schema });
  const own = definition.eventTypes === null ? events : events.filter((e) => definition.eventTypes!.includes(e.type));
  for (let i = 0; i < own.length; i += batchSize) {
    await inTransaction(db.pool, async (client: PoolClient) => {
      await client.query(`SET LOCAL search_path TO ${quoteIdent(schema)}, public`);
      await definition.apply(own.slice(i, i + batchSize), client);
    });
  }
}

/** Every table of a schema, each as its rows in a fixed order. */
async function contents(db: TestDatabase, schema: string): Promise<Record<string, string[]>> {
  const { rows: tables } = await db.pool.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE' ORDER BY table_name`,
    [schema],
  );
  const out: Record<string, string[]> = {};
  for (const { table_name } of tables) {
    const { rows } = await db.pool.query<{ row: string }>(
      `SELECT t::text AS row FROM ${quoteIdent(schema)}.${quoteIdent(table_name)} t ORDER BY 1`,
    );
    out[table_name] = rows.map((r) => r.row);
  }
  return out;
}

describe('read models applied in batches of dependent events', () => {
  let db: TestDatabase;
  const log = buildLog();

  beforeAll(async () => {
    db = await createTestDatabase();
    for (const definition of PROJECTIONS) {
      await applyInBatches(db, definition, `${definition.name}_one`, log, 1);
      await applyInBatches(db, definition, `${definition.name}_some`, log, 37);
      await applyInBatches(db, definition, `${definition.name}_all`, log, log.length);
    }
  }, 240_000);

  afterAll(async () => {
    await db?.drop();
  });

  it.each(PROJECTIONS.map((d) => [d.name]))(
    '%s: one batch of everything and batches of 37 leave the tables as one event at a time does',
    async (name) => {
      const oneByOne = await contents(db, `${name}_one`);
      expect(Object.values(oneByOne).some((rows) => rows.length > 0)).toBe(true);
      expect(await contents(db, `${name}_all`)).toEqual(oneByOne);
      expect(await contents(db, `${name}_some`)).toEqual(oneByOne);
    },
  );

  it('registry: a rename reaches the units registered and the people there after it, not those who left', async () => {
    const subject = async (kind: string, id: string) =>
      (
        await db.pool.query(
          'SELECT name, unit_name, search_text FROM registry_all.subjects WHERE kind = $1 AND id = $2',
          [kind, id],
        )
      ).rows[0];
    expect(await subject('COLLECTIVE', 't-phong')).toEqual({
      name: 'Phòng GD&ĐT huyện Đông Anh',
      unit_name: null,
      search_text: 'phong gd&dt huyen dong anh',
    });
    // Registered under the first new name; later renames of the parent do not reach a unit's row.
    expect(await subject('COLLECTIVE', 't-truong')).toEqual({
      name: 'Trường Tiểu học Hòa Bình',
      unit_name: 'Phòng Giáo dục và Đào tạo',
      search_text: 'truong tieu hoc hoa binh',
    });
    // Bình moved into the renamed unit before its second rename; An moved out.
    expect((await subject('INDIVIDUAL', 't-binh')).unit_name).toBe('Phòng GD&ĐT huyện Đông Anh');
    expect((await subject('INDIVIDUAL', 't-an')).unit_name).toBe('Trường Tiểu học Hòa Bình');
    const { rows: people } = await db.pool.query(
      'SELECT person_id, unit_id, position FROM registry_all.people WHERE person_id LIKE $1 ORDER BY 1',
      ['t-%'],
    );
    expect(people).toEqual([
      { person_id: 't-an', unit_id: 't-truong', position: 'Tổ trưởng' },
      { person_id: 't-binh', unit_id: 't-phong', position: 'Tổ trưởng' },
    ]);
    const { rows: units } = await db.pool.query(
      'SELECT unit_id, name, merged_into FROM registry_all.units WHERE unit_id LIKE $1 ORDER BY 1',
      ['t-%'],
    );
    expect(units).toEqual([
      { unit_id: 't-phong', name: 'Phòng GD&ĐT huyện Đông Anh', merged_into: null },
      { unit_id: 't-truong', name: 'Trường Tiểu học Hòa Bình', merged_into: 't-phong' },
    ]);
  });

  it('awards: an award revoked in the batch that granted it is stored revoked', async () => {
    const { rows } = await db.pool.query(
      `SELECT award_id, revoked, revocation_decision_number, revoked_by_complaint_id FROM awards_all.awards WHERE award_id = ANY($1::text[]) ORDER BY revoked_by_complaint_id NULLS FIRST`,
      [['t-award', log.find((e) => e.type === 'AwardRevoked' && e.data.complaintId === 't-c1')!.data.awardId]],
    );
    expect(rows.map((r) => [r.revoked, r.revoked_by_complaint_id])).toEqual([
      [true, null],
      [true, 't-c1'],
    ]);
    expect(rows[0].revocation_decision_number).toBe('QĐ-THU-t-award');
  });

  it('complaints: filed, accepted and resolved in one batch ends resolved, with what acceptance recorded', async () => {
    const { rows } = await db.pool.query(
      `SELECT complaint_id, status, to_char(accepted_on, 'YYYY-MM-DD') AS accepted_on, complex, to_char(due_on, 'YYYY-MM-DD') AS due_on,
              to_char(resolved_on, 'YYYY-MM-DD') AS resolved_on, outcome, revoked_award_id IS NOT NULL AS revoked_an_award
       FROM complaints_all.complaints WHERE complaint_id LIKE 't-%' ORDER BY 1`,
    );
    expect(rows).toEqual([
      {
        complaint_id: 't-c1',
        status: 'RESOLVED',
        accepted_on: '2026-03-05',
        complex: true,
        due_on: '2026-04-19',
        resolved_on: '2026-04-10',
        outcome: 'UPHELD',
        revoked_an_award: true,
      },
      {
        complaint_id: 't-c2',
        status: 'DISMISSED',
        accepted_on: null,
        complex: false,
        due_on: null,
        resolved_on: '2026-03-06',
        outcome: null,
        revoked_an_award: false,
      },
    ]);
    // The yearly totals count the complaint about Bình for the unit she had moved to when it was filed.
    const { rows: yearly } = await db.pool.query(
      `SELECT unit_id FROM yearly_totals_all.complaints WHERE complaint_id = 't-c2'`,
    );
    expect(yearly).toEqual([{ unit_id: 't-phong' }]);
  });

  it('a batch fails where one event at a time would: a revocation or an acceptance before what it refers to', async () => {
    const grant = log.find((e) => e.streamId === 'award-t-award' && e.type === 'AwardGranted')!;
    const revocation = log.find((e) => e.streamId === 'award-t-award' && e.type === 'AwardRevoked')!;
    const filing = log.find((e) => e.streamId === 'complaint-t-c1' && e.type === 'ComplaintFiled')!;
    const acceptance = log.find((e) => e.streamId === 'complaint-t-c1' && e.type === 'ComplaintAccepted')!;
    const again = (event: RecordedEvent, id: string): RecordedEvent => ({
      ...event,
      data: { ...event.data, [event.type.startsWith('Award') ? 'awardId' : 'complaintId']: id },
    });
    await expect(
      applyInBatches(
        db,
        awardsProjection,
        'awards_out_of_order',
        [again(revocation, 't-late'), again(grant, 't-late')],
        2,
      ),
    ).rejects.toThrow(/never granted/);
    await expect(
      applyInBatches(
        db,
        complaintsProjection,
        'complaints_out_of_order',
        [again(acceptance, 't-late'), again(filing, 't-late')],
        2,
      ),
    ).rejects.toThrow(/never filed/);
  });

  it('dossiers: a memo sent back carries nothing, and the corrected memo after it carries what it freed', async () => {
    const proposals = log.filter((e) => e.type === 'ProposalSubmitted').map((e) => e.data as Data);
    const [kept, freed] = [proposals[0].dossierIds[0], proposals[2].dossierIds[0]];
    for (const schema of ['dossiers_one', 'dossiers_all']) {
      const { rows } = await db.pool.query(
        `SELECT dossier_id, proposal_id FROM ${schema}.dossier_memos WHERE dossier_id = ANY($1) ORDER BY proposal_id`,
        [[kept, freed]],
      );
      expect(rows).toEqual([
        { dossier_id: kept, proposal_id: 't-tt1' },
        { dossier_id: freed, proposal_id: 't-tt3' },
      ]);
      const shown = await db.pool.query(
        `SELECT dossier_id, proposal_id FROM ${schema}.dossiers WHERE dossier_id = ANY($1) ORDER BY proposal_id`,
        [[kept, freed]],
      );
      expect(shown.rows).toEqual(rows);
      const memos = await db.pool.query(`SELECT proposal_id, status FROM ${schema}.proposals ORDER BY proposal_id`);
      expect(memos.rows).toEqual([
        { proposal_id: 't-tt1', status: 'SUBMITTED' },
        { proposal_id: 't-tt2', status: 'SENT_BACK' },
        { proposal_id: 't-tt3', status: 'SUBMITTED' },
      ]);
    }
  });

  it('cluster scoring: the last finalization of a year in a batch wins', async () => {
    const ranking = log.filter((e) => e.type === 'ClusterRankingFinalized').at(-1)!.data as Data;
    const { rows } = await db.pool.query(
      'SELECT unit_id, rank FROM cluster_scoring_all.final_ranks WHERE cluster_id = $1 AND year = 2030 ORDER BY rank',
      [ranking.clusterId],
    );
    expect(rows).toEqual(
      (ranking.rows as Data[]).map((r) => ({ unit_id: r.unitId, rank: r.rank })).sort((a, b) => a.rank - b.rank),
    );
  });
});
