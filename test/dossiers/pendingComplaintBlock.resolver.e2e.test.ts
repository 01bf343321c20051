import { PerformanceRating, SubjectKind } from '../../src/shared/domain';
import type { Actor } from '../support/auth';
import type { TestApp } from '../support/app';
import {
  FILE_COMPLAINT,
  ORG,
  appraise,
  mutate,
  person,
  seedRating,
  startOrganisationApp,
  submitDossier,
  year,
} from '../support/awarding';

const OFFICER: Actor = { sub: 'kn-1', role: 'COMPLAINT_OFFICER' };

/**
 * A complaint or denunciation under verification blocks an award under every rule set,
 * from the date each set's text says: 2017-12-15 in the 2013 set (Circular 08/2017/TT-BNV),
 * the whole 2022 set (Decree 98/2023 Art. 4). Paper archives are entered back-dated by the secretariat.
 */
describe('a pending complaint blocks an award, dated per rule set, through GraphQL', () => {
  let t: TestApp;
  const hoa = { kind: SubjectKind.INDIVIDUAL, id: 'gv-hoa', name: 'Nguyễn Thị Hoa' };
  const nam = { kind: SubjectKind.INDIVIDUAL, id: 'gv-nam', name: 'Trần Văn Nam' };

  beforeAll(async () => {
    t = await startOrganisationApp();
    await seedRating(t, hoa, ORG.school, year(2023), PerformanceRating.GOOD);
    for (const teacher of [hoa, nam]) {
      await mutate(
        t,
        FILE_COMPLAINT,
        {
          input: {
            id: `kn-${teacher.id}`,
            kind: 'DENUNCIATION',
            complainantName: 'Trần Thị Mai',
            receivedOn: '2025-11-10',
            content: 'Thành tích kê khai không đúng sự thật.',
            subject: person(teacher.id),
          },
        },
        OFFICER,
      );
    }
  });
  afterAll(async () => t.stop());

  it('under the 2022 set: the appraisal records PENDING_COMPLAINT failed and the dossier is ineligible', async () => {
    const id = await submitDossier(t, {
      id: 'ldtt-hoa-2023',
      nominee: person('gv-hoa'),
      award: 'ADVANCED_WORKER',
      period: year(2023),
      submittedOn: '2024-01-15',
    });
    const appraisal = await appraise(t, id);
    expect(appraisal).toMatchObject({ eligible: false, ruleSetId: 'tdkt-2022' });
    expect(appraisal.checks.filter((c) => !c.passed)).toEqual([
      {
        rule: 'PENDING_COMPLAINT',
        passed: false,
        detail:
          '1 complaint or denunciation about the subject pending; tdkt-2022 allows no award until resolved (from 2024-01-01)',
      },
    ]);
  });

  it('under the 2013 set: from 2017-12-15 only', async () => {
    const submit = (id: string, submittedOn: string) =>
      submitDossier(t, {
        id,
        nominee: person('gv-nam'),
        award: 'CERTIFICATE_OF_MERIT',
        period: year(2017),
        submittedOn,
      });
    const before = await appraise(t, await submit('gk-nam-truoc', '2017-12-14'));
    expect(before).toMatchObject({ eligible: true, ruleSetId: 'tdkt-2013' });
    expect(before.checks.map((c) => c.rule)).toEqual(['ONE_AWARD_PER_ACHIEVEMENT']);
    const from = await appraise(t, await submit('gk-nam-tu', '2017-12-15'));
    expect(from).toMatchObject({ eligible: false, ruleSetId: 'tdkt-2013' });
    expect(from.checks.find((c) => c.rule === 'PENDING_COMPLAINT')).toMatchObject({ passed: false });
  });
});
